"""Save docs/decode-live.png: the Decode Live tab mid-decode on a small model trained a little.

Also prints the tab's p95 frame time while decoding. Run headless:
    SDL_VIDEODRIVER=dummy .venv/bin/python scripts/decode_live_screenshot.py
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.app import App  # noqa: E402
from game.decode.flow_clock import LAYER_STAGES  # noqa: E402
from game.decode.look import FLASH_HZ, flash_on  # noqa: E402
from game.pilot import FakeClock, Pilot  # noqa: E402

SIZE = (1920, 1080)
TRAIN_STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 400
PROMPT = "Once upon a time, a little"
OUT = "docs/decode-live.png"


def type_text(pilot: Pilot, text: str) -> None:
    for char in text:
        key = pygame.key.key_code(char.lower()) if char.isalnum() else pygame.K_SPACE
        pilot.app.inject(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char))
        pilot.app.inject(pygame.event.Event(pygame.TEXTINPUT, text=char))
        pilot.frames(1)


def real_time_frames(pilot: Pilot, seconds: float) -> None:
    """Frames at the exhibit's 30 FPS, so the decode paces as a visitor would see it."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        pilot.frames(1)
        time.sleep(max(0.0, 1 / 30 - (time.monotonic() - started)))


def main() -> None:
    clock = FakeClock()
    app = App(size=SIZE, clock=clock, training={"preset": "small", "speed": "max"})
    pilot = Pilot(app, clock)
    pilot.press("return", frames=2)
    pilot.press("4")
    pilot.press("space")
    tab = pilot.tab
    pilot.until(lambda: tab.source.state is not None and tab.source.state.step >= TRAIN_STEPS, 300)
    pilot.press("e")
    type_text(pilot, PROMPT)
    pilot.press("return")
    pilot.press("f8")
    app.frame_times.clear()
    real_time_frames(pilot, 6.0)
    times = sorted(app.frame_times)
    p95, median = times[int(0.95 * (len(times) - 1))] * 1000, times[len(times) // 2] * 1000
    print(f"{len(times)} frames while decoding: p95 {p95:.1f} ms, median {median:.1f} ms")
    pilot.press("f6")

    def lit() -> bool:
        frame = tab.frame()
        return frame.live and frame.stage in LAYER_STAGES and flash_on(frame.now, FLASH_HZ)

    pilot.until(lit, 10)
    pygame.image.save(app.screen, OUT)
    print(f"saved {OUT}: step {tab.source.state.step}, text {tab.source.text!r}")
    app.close()


if __name__ == "__main__":
    main()
