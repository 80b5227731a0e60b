"""The prompt line: a one-line text box, the status or refusal under it, and the rate chips."""

from __future__ import annotations

import pygame

from game.style.text_box import TextBox
from llmbreaker.limits import MAX_PROMPT_CHARS


class PromptBar:
    def __init__(self, theme) -> None:
        self.theme = theme
        self.box = TextBox(theme, max_chars=MAX_PROMPT_CHARS, single_line=True)

    def height(self) -> int:
        return self.theme.px(12)

    def draw(self, surface, rect: pygame.Rect, status: str, error: bool, rates, rate, keys) -> None:
        """keys: the slower / faster keys, as the table binds them ("- / +")."""
        theme = self.theme
        chips_w = theme.px(54)
        box = pygame.Rect(rect.x, rect.y, rect.w - chips_w - theme.px(2), theme.px(6.5))
        label = theme.text("Prompt", "sm", "dim", bold=True)
        surface.blit(label, (box.x, box.y + (box.h - label.get_height()) // 2))
        field = pygame.Rect(box.x + label.get_width() + theme.px(2), box.y,
                            box.w - label.get_width() - theme.px(2), box.h)  # fmt: skip
        self.box.draw(surface, field)
        line = theme.text(status, "sm", "warning" if error else "text2", bold=error)
        surface.blit(line, (field.x, box.bottom + theme.px(1)))
        chips = pygame.Rect(rect.right - chips_w, rect.y, chips_w, box.h)
        self._chips(surface, chips, rates, rate, keys)

    def _chips(self, surface, rect: pygame.Rect, rates, rate, keys: str) -> None:
        theme = self.theme
        label = theme.text(f"per second {keys}", "sm", "dim")
        surface.blit(label, (rect.x, rect.centery - label.get_height() // 2))
        x = rect.x + label.get_width() + theme.px(1.5)
        width = (rect.right - x) // len(rates)
        for value in rates:
            chosen = value == rate
            chip = pygame.Rect(x, rect.y, width - theme.px(1), rect.h)
            pygame.draw.rect(surface, theme.colour["blue" if chosen else "panel"], chip,
                             border_radius=theme.px(1))  # fmt: skip
            number = theme.text(str(value), "base", "text" if chosen else "text2", mono=True,
                                bold=chosen)  # fmt: skip
            surface.blit(number, number.get_rect(center=chip.center))
            x += width
