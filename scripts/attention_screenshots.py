"""Remake docs/attention-{overview,detail,3d}.png at 1920x1080 from a real training session."""

from __future__ import annotations

import os
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def main() -> None:
    import pygame

    from game.bench_ui import App, play, press

    app = App(size=(1920, 1080), prewarm=True)
    app.frame(1 / 30)
    play(app, 3.0)
    press(app, "return", "down", "down", "return")  # Children's Stories, train
    press(app, "0")  # max speed
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        session = next(iter(app.sessions.by_id.values()), None)
        if session and len(session.state.checkpoints) >= 6:
            break
        app.frame(1 / 30)
    press(app, "2")
    play(app, 2.0)
    pygame.image.save(app.screen, "docs/attention-overview.png")
    press(app, "v")
    play(app, 1.0)
    pygame.image.save(app.screen, "docs/attention-detail.png")
    press(app, "d")
    play(app, 3.0)
    pygame.image.save(app.screen, "docs/attention-3d.png")
    app.close()


if __name__ == "__main__":
    main()
