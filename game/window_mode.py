"""The window's two modes: a window, or F11's borderless window over the whole first display.

SDL's full-screen request on X11 goes through the window manager and then waits up to 100 ms
for its answer: F11 froze the exhibit's frame for 120-290 ms under Xvfb, with or without
openbox, and for 470 ms on a loaded machine (set_mode and toggle_fullscreen alike; measured).
Dropping the border, moving the window to the corner and sizing it to the display looks the
same. Each of those three is an X round trip that SDL waits on (2-35 ms each under openbox,
measured), so F11 does one per frame and the window keeps drawing in between. Only a launch
with --fullscreen or --kiosk asks for true full screen, once, before the first frame.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pygame


class WindowMode:
    """Opens the display surface and switches it between a window and a full-screen window."""

    def __init__(self, windowed_size: tuple[int, int], fullscreen: bool) -> None:
        self.windowed_size = windowed_size
        self.fullscreen = fullscreen
        self.native = fullscreen  # SDL's own full screen, from the launch
        self.windowed_position: tuple[int, int] | None = None
        self._steps: list[Callable[[pygame.Window], None]] = []

    def open(self) -> pygame.Surface:
        if self.native:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def _reopen(self, _window: pygame.Window) -> None:
        self.open()

    @property
    def switching(self) -> bool:
        return bool(self._steps)

    def toggle(self) -> None:
        """Queue the switch to the other mode; step() makes its X requests, one per frame."""
        if self.native:  # leaving the launch's full screen: one slow switch, then never again
            self.native = self.fullscreen = False
            self._steps = [self._reopen]
            return
        self.fullscreen = not self.fullscreen
        window = _display_window()
        if self.fullscreen:
            if not self._steps:  # a switch half-way keeps the window's size from before it
                self.windowed_size, self.windowed_position = window.size, window.position
            self._steps = [_set("borderless", True), _set("position", (0, 0)), _to_desktop]
        else:
            back = self.windowed_position or pygame.WINDOWPOS_CENTERED
            size = self.windowed_size
            self._steps = [_set("borderless", False), _set("size", size), _set("position", back)]

    def step(self) -> pygame.Surface:
        """The switch's next X request, one per frame; returns the display surface."""
        if self._steps:
            self._steps.pop(0)(_display_window())
        return pygame.display.get_surface() or self.open()


def _set(name: str, value) -> Callable[[pygame.Window], None]:
    return lambda window: setattr(window, name, value)


def _to_desktop(window: pygame.Window) -> None:
    window.size = pygame.display.get_desktop_sizes()[0]


def _display_window() -> pygame.Window:
    # pygame-ce 2.5 warns that from_display_module will go in favour of Window's own surface;
    # the display module still owns this window's surface here, which is what it supports.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return pygame.Window.from_display_module()
