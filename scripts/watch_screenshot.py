"""Remake docs/watch-it-learn.png: Shakespeare mid-training at 1920x1080, as a visitor sees it."""

from __future__ import annotations

import os
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def main(seconds: float = 18.0) -> None:
    import pygame

    from game.bench_ui import App, play, press

    app = App(size=(1920, 1080), prewarm=True)
    app.frame(1 / 30)
    play(app, 6.0)  # the landing, while the spare worker warms up
    press(app, "return", "space")
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        app.frame(1 / 30)
        time.sleep(1 / 30)
    play(app, 1.5)  # let the newest sample finish typing
    pygame.image.save(app.screen, "docs/watch-it-learn.png")
    app.close()


if __name__ == "__main__":
    main()
