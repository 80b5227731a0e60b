"""Tune Style Transfer on a text at 2x, time Ctrl+Enter to result, save docs/style-transfer.png.

Run: .venv/bin/python scripts/style_screenshot.py [EXAMPLE_INDEX | FILE] [--no-save]
     [--size=WxH] [--hold=SECONDS]

Ctrl+Enter goes in as a key event, as a visitor's press does. With a real display (DISPLAY set,
SDL_VIDEODRIVER unset or x11) --hold keeps the window open after the result for a screen grab.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "x11" if os.environ.get("DISPLAY") else "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def option(name: str, default: str) -> str:
    return next((a.split("=", 1)[1] for a in sys.argv if a.startswith(f"--{name}=")), default)


def main() -> None:
    import pygame

    from game.app import App
    from game.style.examples import EXAMPLES

    width, height = (int(n) for n in option("size", "1920x1080").split("x"))
    app = App(size=(width, height))
    app.switch("dashboard")
    app.dashboard.select("3")
    tab = app.dashboard.tab
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    source = args[0] if args else "0"
    text = EXAMPLES[int(source)][1] if source.isdigit() else Path(source).read_text()
    tab.box.set_text(text)
    for _ in range(10):  # a spare worker is ready, as it is for a visitor who typed first
        app.frame()
        time.sleep(0.1)
    ctrl_enter = dict(key=pygame.K_RETURN, mod=pygame.KMOD_CTRL, unicode="\r", scancode=0)
    app.inject(pygame.event.Event(pygame.KEYDOWN, **ctrl_enter))
    started = time.monotonic()
    result_at = None
    while time.monotonic() - started < 180:
        app.frame()
        if tab.result is not None and result_at is None:
            result_at = time.monotonic() - started
        if tab.result is not None and not tab.side.typing:
            break
        time.sleep(1 / 30)
    typed_at = time.monotonic() - started
    frame, result = tab.frame, tab.result
    if result is None:
        print(f"{source}: no result after {typed_at:.0f} s (status {tab.status})")
        app.close()
        return
    print(
        f"{source}: {frame.step} steps (best at {frame.best.step}), training "
        f"{frame.wall_time or 0:.1f} s; result on screen after {result_at:.1f} s, typed out "
        f"after {typed_at:.1f} s; val {result.base_val:.3f} -> {result.best_val:.3f}; "
        f"verbatim {result.verbatim:.0%}; real words {result.real_words:.0%}; "
        f"closer: {', '.join(result.closer) or 'none'}",
        flush=True,
    )
    print("before:", frame.prompt + frame.before)
    print("after: ", frame.after, flush=True)
    hold_until = time.monotonic() + float(option("hold", "0"))
    while time.monotonic() < hold_until:
        app.frame()
        time.sleep(1 / 30)
    if "--no-save" not in sys.argv:
        for _ in range(3):
            app.frame()
        out = Path(__file__).resolve().parent.parent / "docs" / "style-transfer.png"
        pygame.image.save(app.screen, str(out))
    app.close()


if __name__ == "__main__":
    main()
