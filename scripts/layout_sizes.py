"""Screenshots of the landing and every tab at several window sizes: the smallest that works.

    PYTHONPATH=. SDL_VIDEODRIVER=dummy .venv/bin/python scripts/layout_sizes.py [out-folder]

Each tab is shown with a short training run behind it, so charts, samples and panels are filled.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

SIZES = [(640, 360), (800, 450), (960, 540), (1280, 720)]
TRAINING = {"preset": "seed", "max_iters": 60, "eval_interval": 10, "speed": "max"}


def main(out: Path) -> None:
    from game.app import App
    from game.pilot import FakeClock, Pilot

    out.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        clock = FakeClock()
        app = App(size=(width, height), clock=clock, training=TRAINING)
        pilot = Pilot(app, clock)
        pilot.press("enter", frames=2)
        pilot.press("space")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            pilot.frames(1)
            state = app.sessions.get("watch")
            if state and state.state.completed:
                break
            time.sleep(0.01)
        pilot.frames(60)
        for key in "1234":
            pilot.press(key, frames=20)
            app.screenshot(str(out / f"{width}x{height}-tab{key}.png"))
        pilot.press("escape", frames=20)
        app.screenshot(str(out / f"{width}x{height}-landing.png"))
        app.close()
        print(f"{width}x{height}: done")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "layout-sizes"))
