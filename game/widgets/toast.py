"""Short-lived messages at the top right, under the tab bar (the key hints live at the bottom);
errors stay longer and are amber."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.text_fit import wrap
from game.theme import Theme, ease_out_cubic

SECONDS = {"error": 6.0, "info": 3.0}
MAX_SHOWN = 4
TOP_UNITS = 17.5  # grid steps from the top: below the header and the tab bar


@dataclass
class Toast:
    message: str
    kind: str
    age: float = 0.0

    @property
    def alive(self) -> bool:
        return self.age < SECONDS.get(self.kind, 3.0)


class Toasts:
    """A stack of toasts; the newest at the bottom of the stack."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.items: list[Toast] = []
        self.drawn: list[pygame.Rect] = []  # where the last frame drew each toast

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

    def _lines(self, message: str, rect: pygame.Rect) -> list[str]:
        """The message wrapped to at most half the window, so a long error never runs off it."""
        return wrap(self.theme.font("base"), message, rect.w // 2) or [""]

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        pad, gap = theme.px(2), theme.px(1)
        top = rect.y + theme.px(TOP_UNITS)
        self.drawn = []
        for toast in self.items:
            accent = theme.colour["warning" if toast.kind == "error" else "cyan"]
            lines = [theme.text(line, "base", "text") for line in self._lines(toast.message, rect)]
            text_w = max(line.get_width() for line in lines)
            line_h = theme.font("base").get_linesize()
            w, h = text_w + 2 * pad + theme.px(1), len(lines) * line_h + 2 * pad
            slide = 1 - ease_out_cubic(toast.age / 0.3)
            box = pygame.Rect(rect.right - w - theme.px(3) + round(slide * w), top, w, h)
            pygame.draw.rect(surface, theme.colour["raised"], box, border_radius=theme.px(1))
            stripe = pygame.Rect(box.x, box.y, theme.px(0.75), box.h)
            pygame.draw.rect(surface, accent, stripe, border_radius=theme.px(0.5))
            for index, line in enumerate(lines):
                surface.blit(line, (box.x + pad + theme.px(1), box.y + pad + index * line_h))
            self.drawn.append(box)
            top = box.bottom + gap
