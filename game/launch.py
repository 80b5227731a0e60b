"""Open the exhibit window for `llmbreaker run`, or say in one line why it cannot open."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.app import App  # noqa: E402
from llmbreaker.exhibit_config import RunOptions, check_fits  # noqa: E402

TERMINAL_HINT = "Try the terminal view: llmbreaker tui"


def launch(options: RunOptions) -> int:
    """Run the exhibit until it quits; 1 with a one-line message when there is no display."""
    try:
        pygame.display.init()
    except pygame.error as exc:
        print(f"llmbreaker: no display available ({exc}). {TERMINAL_HINT}", file=sys.stderr)
        return 1
    fullscreen = options.fullscreen or options.kiosk
    screens = pygame.display.get_desktop_sizes()
    if screens and not fullscreen:
        check_fits(options.size, screens[0])
    try:
        app = App(
            size=options.size,
            fullscreen=fullscreen,
            kiosk=options.kiosk,
            idle_timeout=options.idle_seconds,
            training={"threads": options.threads},
            prewarm=True,  # a spare worker loads torch while the landing plays
            exhibit=options,
        )
    except pygame.error as exc:
        print(f"llmbreaker: cannot open a window ({exc}). {TERMINAL_HINT}", file=sys.stderr)
        return 1
    app.run()
    return 0
