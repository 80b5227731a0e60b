"""Remake docs/help-1280x720.png and docs/help-1920x1080.png: F1 in Attention Cinema (the
longest key list), and print the frame time of opening the overlay on the landing."""

from __future__ import annotations

import os
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def main() -> None:
    import pygame

    from game.app import App
    from game.pilot import FakeClock, Pilot

    for size in ((1280, 720), (1920, 1080)):
        clock = FakeClock()
        app = App(size=size, clock=clock)
        pilot = Pilot(app, clock)
        pilot.frames(20)  # past the landing's fade-in
        started = time.perf_counter()
        pilot.press("f1")
        landing_ms = (time.perf_counter() - started) * 1000
        built = "dashboard" in app.scenes
        pilot.press("f1", "return", "2", "f1")
        pygame.image.save(app.screen, f"docs/help-{size[0]}x{size[1]}.png")
        print(f"{size[0]}x{size[1]}: F1 on the landing took one frame of {landing_ms:.0f} ms "
              f"(dashboard built: {built}); help pages in tab 2: {app.help.pages}")  # fmt: skip
        app.close()


if __name__ == "__main__":
    main()
