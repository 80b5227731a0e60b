"""Kiosk mode: the keys that are off, and the operator's held quit chord with its small ring."""

from __future__ import annotations

import math

import pygame

from game.theme import Theme

MODIFIER_FLAGS = {"ctrl": pygame.KMOD_CTRL, "shift": pygame.KMOD_SHIFT, "alt": pygame.KMOD_ALT}
MODIFIER_KEYS = {
    "ctrl": (pygame.K_LCTRL, pygame.K_RCTRL),
    "shift": (pygame.K_LSHIFT, pygame.K_RSHIFT),
    "alt": (pygame.K_LALT, pygame.K_RALT),
}
RING_AFTER = 0.3  # seconds held before the ring shows, so a stray press shows nothing


class QuitChord:
    """Held long enough, the chord quits; letting go of any of its keys starts over."""

    def __init__(self, chord: str = "ctrl+shift+q", hold: float = 3.0) -> None:
        *mods, key = chord.split("+")
        self.key = pygame.key.key_code(key)
        self.flags = [MODIFIER_FLAGS[m] for m in mods]
        self.release_keys = {self.key, *(k for m in mods for k in MODIFIER_KEYS[m])}
        self.hold = hold
        self.held_for: float | None = None  # seconds the whole chord has been down

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Follow the chord's keys; True for the chord's own key-down (the app must not act)."""
        if event.type == pygame.KEYDOWN and event.key == self.key:
            if all(event.mod & flag for flag in self.flags):
                if self.held_for is None:
                    self.held_for = 0.0
                return True
        elif event.type == pygame.KEYUP and event.key in self.release_keys:
            self.held_for = None
        elif event.type == pygame.WINDOWFOCUSLOST:
            self.held_for = None  # the key-up may never come
        return False

    def update(self, dt: float) -> bool:
        """True once the chord has been held for the hold time."""
        if self.held_for is None:
            return False
        self.held_for += dt
        return self.held_for >= self.hold

    @property
    def progress(self) -> float:
        return 0.0 if self.held_for is None else min(1.0, self.held_for / self.hold)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        """A small dim ring filling clockwise in the bottom-left corner: only the operator looks."""
        if self.held_for is None or self.held_for < RING_AFTER:
            return
        radius = theme.px(2.5)
        centre = (theme.px(2) + radius, surface.get_height() - theme.px(2) - radius)
        box = pygame.Rect(0, 0, 2 * radius, 2 * radius)
        box.center = centre
        width = max(2, theme.px(0.5))
        pygame.draw.circle(surface, theme.colour["raised"], centre, radius, width)
        start = math.pi / 2 - 2 * math.pi * self.progress
        pygame.draw.arc(surface, theme.colour["text2"], box, start, math.pi / 2, width)
