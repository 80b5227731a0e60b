"""Open the exhibit window for `llmbreaker run`, or say in one line why it cannot open."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.app import App  # noqa: E402

TERMINAL_HINT = "Try the terminal view: llmbreaker tui"


def launch(size, fullscreen: bool, kiosk: bool, idle_timeout: float, exports_dir=None) -> int:
    """Run the exhibit until it quits; 1 with a one-line message when there is no display."""
    try:
        pygame.display.init()
    except pygame.error as exc:
        print(f"llmbreaker: no display available ({exc}). {TERMINAL_HINT}", file=sys.stderr)
        return 1
    try:
        app = App(
            size=size,
            fullscreen=fullscreen or kiosk,
            kiosk=kiosk,
            idle_timeout=idle_timeout,
            exports_dir=exports_dir,
            prewarm=True,  # a spare worker loads torch while the landing plays
        )
    except pygame.error as exc:
        print(f"llmbreaker: cannot open a window ({exc}). {TERMINAL_HINT}", file=sys.stderr)
        return 1
    app.run()
    return 0
