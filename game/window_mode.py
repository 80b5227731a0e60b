"""The window's two modes: a window, or F11's borderless window over the whole first display.

SDL's full-screen request on X11 goes through the window manager and then waits up to 100 ms
for its answer: F11 froze the exhibit's frame for 120-290 ms under Xvfb, with or without
openbox, and for 470 ms on a loaded machine (set_mode and toggle_fullscreen alike; measured).
Dropping the border, moving the window to the corner and sizing it to the display looks the
same and took 8-50 ms, so F11 works that way. Only a launch with --fullscreen or --kiosk asks
for true full screen, once, before the first frame, where a wait costs nothing.
"""

from __future__ import annotations

import warnings

import pygame


class WindowMode:
    """Opens the display surface and switches it between a window and a full-screen window."""

    def __init__(self, windowed_size: tuple[int, int], fullscreen: bool) -> None:
        self.windowed_size = windowed_size
        self.fullscreen = fullscreen
        self.native = fullscreen  # SDL's own full screen, from the launch
        self.windowed_position: tuple[int, int] | None = None

    def open(self) -> pygame.Surface:
        if self.native:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def toggle(self) -> pygame.Surface:
        """The other mode; the surface's new size also arrives as a WINDOWSIZECHANGED event."""
        self.fullscreen = not self.fullscreen
        if self.native:  # leaving the launch's full screen: the one slow switch, then never
            self.native = False
            return self.open()
        window = _display_window()
        if self.fullscreen:
            self.windowed_size, self.windowed_position = window.size, window.position
            window.borderless = True
            window.position = (0, 0)
            window.size = pygame.display.get_desktop_sizes()[0]
        else:
            window.borderless = False
            window.size = self.windowed_size
            window.position = self.windowed_position or pygame.WINDOWPOS_CENTERED
        return pygame.display.get_surface()


def _display_window() -> pygame.Window:
    # pygame-ce 2.5 warns that from_display_module will go in favour of Window's own surface;
    # the display module still owns this window's surface here, which is what it supports.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return pygame.Window.from_display_module()
