"""Real-window check of the 3D view: under Xvfb, D in tab 2 must show bars and keep redrawing.

Headless tests use SDL's dummy driver, which has no window to freeze. This opens the exhibit
in a real X11 window (Xvfb, software GL), trains in Watch It Learn, opens the cinema's 3D
view and compares screenshots taken 2 s apart for 10 s, then presses 1 and checks the window
still redraws. Run by hand (needs Xvfb, xdotool, ImageMagick):
    .venv/bin/python scripts/window_3d_check.py [--display :47] [--size 1280x720]
Screenshots go to /tmp/window-3d-check/.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

OUT = Path("/tmp/window-3d-check")


def wait_for_bars(shot, timeout: float) -> float:
    """Seconds until the main view is mostly bars (light tops), not the waiting screen."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        image = shot("waiting")
        w, h = image.size
        area = image.crop((w // 50, h // 6, w * 7 // 10, h * 9 // 10)).convert("L")
        bright = sum(area.histogram()[200:]) / (area.width * area.height)
        if bright > 0.08:
            return time.monotonic() - started
        time.sleep(3)
    raise SystemExit(f"no 3D bars within {timeout:.0f} s: see {OUT}/waiting.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", default=":47")
    parser.add_argument("--size", default="1280x720")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    env = dict(os.environ, DISPLAY=args.display, SDL_AUDIODRIVER="dummy")
    env.pop("SDL_VIDEODRIVER", None)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    screen = f"{args.size}x24"
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", screen, "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # fmt: skip
    time.sleep(1.5)
    log = open(OUT / "app.log", "w")  # noqa: SIM115 - closed in finally
    app = subprocess.Popen([sys.executable, "-m", "llmbreaker", "run", "--size", args.size],
                           env=env, stdout=log, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, start_new_session=True)  # fmt: skip

    def key(name: str, wait: float = 0.8) -> None:
        subprocess.run(["xdotool", "key", name], env=env, check=False)
        time.sleep(wait)

    def shot(name: str) -> Image.Image:
        path = OUT / f"{name}.png"
        subprocess.run(["import", "-display", args.display, "-window", "root", str(path)],
                       env=env, check=False)  # fmt: skip
        return Image.open(path).convert("RGB")

    def differs(a: Image.Image, b: Image.Image) -> float:
        return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3

    ok = True
    try:
        time.sleep(5)
        key("Return", 2.0)
        key("space", 1.0)
        key("2", 1.0)
        key("Tab")
        key("d", 2.0)
        waited = wait_for_bars(shot, timeout=180)
        print(f"3D bars on screen after {waited:.0f} s (the worker starts slowly under load)")
        shots = [shot("3d-0")]
        for index in range(1, 6):
            time.sleep(2.0)
            shots.append(shot(f"3d-{index}"))
        diffs = [round(differs(a, b), 3) for a, b in zip(shots, shots[1:], strict=False)]
        print(f"3D view, screens 2 s apart over 10 s: mean pixel difference {diffs}")
        ok &= all(d > 0.05 for d in diffs)
        key("1", 1.5)
        a = shot("back-to-1-a")
        time.sleep(2.0)
        b = shot("back-to-1-b")
        back = round(differs(a, b), 3)
        print(f"after key 1: mean pixel difference {back}; app alive: {app.poll() is None}")
        ok &= back > 0.05 and app.poll() is None
    finally:
        for process in (app, xvfb):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        time.sleep(1)
        log.close()
    traceback = "Traceback" in (OUT / "app.log").read_text()
    print(f"traceback in the app's output: {'yes' if traceback else 'no'}; screenshots: {OUT}/")
    print("PASS: the window kept redrawing" if ok and not traceback else "FAIL")
    return 0 if ok and not traceback else 1


if __name__ == "__main__":
    sys.exit(main())
