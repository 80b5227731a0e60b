"""A headless test pilot: press keys, step frames on a fake clock, read pixels and state."""

from __future__ import annotations

import time

import pygame

from game.app import App
from game.keys import key_event

__all__ = ["FakeClock", "Pilot", "key_event"]


class FakeClock:
    """A clock that only moves when the pilot steps a frame."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Pilot:
    """Drives an App frame by frame (the habit of Textual's App.run_test and Pilot)."""

    def __init__(self, app: App, clock: FakeClock | None = None) -> None:
        self.app = app
        self.clock = clock

    @property
    def scene(self):
        return self.app.scene

    @property
    def tab(self):
        return getattr(self.app.scene, "tab", None)

    def press(self, *keys: str, frames: int = 1) -> None:
        """Press keys by name ("space", "right", "ctrl+q") or as typed characters ("?")."""
        for name in keys:
            self.app.inject(key_event(name))
            self.frames(frames)

    def type(self, text: str, frames: int = 1) -> None:
        """Type text as SDL delivers it: per character a KEYDOWN, then its TEXTINPUT.

        All of it arrives before the next frame, as when someone types fast.
        """
        for char in text:
            self.app.inject(typed_key_event(char))
            self.app.inject(pygame.event.Event(pygame.TEXTINPUT, text=char))
        self.frames(frames)

    def hold(self, name: str, seconds: float, dt: float = 1 / 30) -> None:
        """Hold a key (a chord such as "ctrl+shift+q") down for `seconds`, then let it go."""
        down = key_event(name)
        self.app.inject(down)
        self.frames(max(1, round(seconds / dt)), dt)
        self.app.inject(pygame.event.Event(pygame.KEYUP, key=down.key, mod=down.mod))
        self.frames(1, dt)

    def drop(self, path: str) -> None:
        self.app.inject(pygame.event.Event(pygame.DROPFILE, file=str(path)))
        self.frames(1)

    def frames(self, count: int = 1, dt: float = 1 / 30) -> None:
        for _ in range(count):
            if self.clock:
                self.clock.now += dt
            self.app.frame(dt)

    def until(self, predicate, timeout: float = 30.0, dt: float = 1 / 30) -> bool:
        """Step frames (the real workers keep running) until predicate() or a real timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.frames(1, dt)
            if predicate():
                return True
            time.sleep(0.005)
        return False

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        r, g, b, _ = self.app.screen.get_at((x, y))
        return r, g, b


def typed_key_event(char: str) -> pygame.event.Event:
    """The KEYDOWN a printable character makes (its key code where SDL has one)."""
    try:
        code = pygame.key.key_code(char.lower()) if char.strip() else pygame.K_SPACE
    except ValueError:  # characters without a key of their own (é, “)
        code = pygame.K_UNKNOWN
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=char, scancode=0)
