"""Short-lived messages in the bottom-right corner; errors stay longer and are amber."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.theme import Theme, ease_out_cubic

SECONDS = {"error": 6.0, "info": 3.0}
MAX_SHOWN = 4


@dataclass
class Toast:
    message: str
    kind: str
    age: float = 0.0

    @property
    def alive(self) -> bool:
        return self.age < SECONDS.get(self.kind, 3.0)


class Toasts:
    """A stack of toasts; the newest at the bottom."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.items: list[Toast] = []

    def push(self, message: str, kind: str = "info") -> None:
        """Show a message; the same one again (a key held or mashed) just stays up longer."""
        if self.items and (self.items[-1].message, self.items[-1].kind) == (message, kind):
            self.items[-1].age = min(self.items[-1].age, 0.3)  # no slide-in again
            return
        self.items.append(Toast(message, kind))
        del self.items[:-MAX_SHOWN]

    @property
    def messages(self) -> list[str]:
        return [t.message for t in self.items]

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        for toast in self.items:
            toast.age += dt
        self.items = [t for t in self.items if t.alive]

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        pad, gap = theme.px(2), theme.px(1)
        bottom = rect.bottom - theme.px(3)
        for toast in reversed(self.items):
            accent = theme.colour["warning" if toast.kind == "error" else "cyan"]
            label = theme.text(toast.message, "base", "text")
            w, h = label.get_width() + 2 * pad + theme.px(1), label.get_height() + 2 * pad
            slide = 1 - ease_out_cubic(toast.age / 0.3)
            box = pygame.Rect(rect.right - w - theme.px(3) + round(slide * w), bottom - h, w, h)
            pygame.draw.rect(surface, theme.colour["raised"], box, border_radius=theme.px(1))
            stripe = pygame.Rect(box.x, box.y, theme.px(0.75), box.h)
            pygame.draw.rect(surface, accent, stripe, border_radius=theme.px(0.5))
            surface.blit(label, (box.x + pad + theme.px(1), box.y + pad))
            bottom = box.y - gap
