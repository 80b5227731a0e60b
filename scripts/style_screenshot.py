"""Train the Style Transfer tab on an example at 2x and save docs/style-transfer.png (1920x1080)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    import pygame

    from game.app import App
    from game.style.examples import EXAMPLES

    app = App(size=(1920, 1080))
    app.switch("dashboard")
    app.dashboard.select("3")
    tab = app.dashboard.tab
    tab.box.set_text(EXAMPLES[int(sys.argv[1]) if len(sys.argv) > 1 else 0][1])
    app.frame()
    tab.handle_action("train")
    started = time.monotonic()
    while time.monotonic() - started < 120:
        app.frame()
        session = tab.session
        if session.state.last_generated and tab.result and not tab.side.typing:
            break
        time.sleep(1 / 30)
    state = tab.session.state
    print(
        f"completed in {state.completed.wall_time:.1f} s of training; "
        f"on screen after {time.monotonic() - started:.1f} s; verbatim {tab.result.verbatim:.0%}"
    )
    print(tab.side.generated)
    for _ in range(3):
        app.frame()
    out = Path(__file__).resolve().parent.parent / "docs" / "style-transfer.png"
    out.parent.mkdir(exist_ok=True)
    pygame.image.save(app.screen, str(out))
    app.close()


if __name__ == "__main__":
    main()
