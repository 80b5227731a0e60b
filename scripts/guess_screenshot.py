"""Save docs/guess-the-next-character.png and time the first character after pressing 6.

Plays part of a line with scripted keys (the real cache from `llmbreaker guess build`), then
prints: seconds from the key to the first frame showing the line, with the dashboard just
opened (the cache still loading) and with it open a while; and the frame time while playing.
    .venv/bin/python scripts/guess_screenshot.py            # a real window when DISPLAY is set
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.app import App  # noqa: E402
from game.guess.frame import LOADING, PLAYING  # noqa: E402
from game.pilot import Pilot  # noqa: E402

SIZE = (1920, 1080)
OUT = "docs/guess-the-next-character.png"


def first_character_seconds(pilot: Pilot, wait_first: float) -> float:
    """Landing -> Enter, wait, then 6: seconds until a frame shows the line's cursor."""
    pilot.press("return")
    end = time.monotonic() + wait_first
    while time.monotonic() < end:
        pilot.frames(1)
    pilot.press("2")  # by way of tab 2: Watch It Learn may bind the digits
    started = time.perf_counter()
    pilot.press("6")
    tab = pilot.tab
    while not (tab.mode == PLAYING and tab.layout.line.cursor_rect.w):
        pilot.frames(1)
        time.sleep(0.001)
    return time.perf_counter() - started


def main() -> None:
    for wait in (0.0, 2.0):
        app = App(size=SIZE)
        seconds = first_character_seconds(Pilot(app), wait)
        print(f"first character {seconds:.3f} s after 6 (dashboard opened {wait:.0f} s before)")
        app.close()
    app = App(size=SIZE)
    pilot = Pilot(app)
    first_character_seconds(pilot, 1.0)
    tab = pilot.tab
    assert tab.mode != LOADING
    tab.rng.seed(4)
    tab.new_line()
    line = tab.game.line.text
    app.frame_times.clear()
    for i, true in enumerate(line[:23]):
        wrong = [c for c in "eaost" if c != true]
        tries = (
            [true] if i % 3 != 1 else ([wrong[0], true] if i % 2 else [wrong[0], wrong[1], true])
        )
        for char in tries:
            pilot.press("space" if char == " " else char)
            pilot.frames(2)
    pilot.press("a" if line[23] != "a" else "e")
    pilot.frames(10)
    times = sorted(app.frame_times)
    p95 = times[int(len(times) * 0.95)] * 1000
    print(f"frame time while playing: median {statistics.median(times) * 1000:.1f} ms, "
          f"p95 {p95:.1f} ms over {len(times)} frames")  # fmt: skip
    import pygame

    pygame.image.save(app.screen, OUT)
    print(f"saved {OUT}")
    app.close()


if __name__ == "__main__":
    main()
