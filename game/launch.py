"""Open the exhibit window for `llmbreaker run`, or say in one line why it cannot open."""

from __future__ import annotations

import logging
import os
import signal
import sys
from typing import Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# SDL would turn SIGINT and SIGTERM into a window-close event, which a kiosk ignores; the
# handlers below make both signals quit, always.
os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")

import pygame  # noqa: E402

from game.app import App  # noqa: E402
from game.guess.high_scores import clear_scores  # noqa: E402
from llmbreaker.display import (  # noqa: E402
    TERMINAL_HINT,
    invisible_driver_message,
    no_display_message,
)
from llmbreaker.exhibit_config import RunOptions, check_fits  # noqa: E402

log = logging.getLogger(__name__)


class QuitOnSignals:
    """SIGTERM and SIGINT end the frame loop cleanly (workers ended), kiosk or not."""

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __init__(self) -> None:
        self.app: App | None = None
        self.received: int | None = None
        self._previous: dict[int, Any] = {}  # whatever handlers were there before

    def __enter__(self) -> QuitOnSignals:
        for sig in self.SIGNALS:
            self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *_) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)

    def _handle(self, signum: int, _frame) -> None:
        self.received = signum
        log.info("%s received: quitting", signal.Signals(signum).name)
        if self.app is not None:
            self.app.running = False  # the loop checks it at least once a frame


def launch(options: RunOptions) -> int:
    """Run the exhibit until it quits; 1 with a one-line message when there is no display."""
    message = no_display_message()
    if message:
        print(message, file=sys.stderr)
        return 1
    if options.clear_scores:
        clear_scores()  # the operator's reset of Guess the next character's best list
    with QuitOnSignals() as signals:
        try:
            pygame.display.init()
        except pygame.error as exc:
            print(f"llmbreaker: no display available ({exc}). {TERMINAL_HINT}", file=sys.stderr)
            return 1
        message = invisible_driver_message(pygame.display.get_driver())
        if message:
            print(message, file=sys.stderr)
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
                idle_workers=options.idle_workers,
                exhibit=options,
            )
        except pygame.error as exc:
            print(f"llmbreaker: cannot open a window ({exc}). {TERMINAL_HINT}", file=sys.stderr)
            return 1
        signals.app = app
        app.running = app.running and signals.received is None
        width, height = app.screen.get_size()
        log.info("window open: %dx%d, kiosk %s", width, height, "on" if options.kiosk else "off")
        try:
            app.run()
        except Exception:  # logged whole (the supervisor restarts the window), never lost
            log.exception("the window crashed")
            return 1
    log.info("window closed")
    return 0
