"""The two samples side by side: what the broken model and its ghost wrote from the same prompt."""

from __future__ import annotations

import pygame

from game.breakit.frame import BreakFrame
from game.breakit.switch_list import wrapped
from game.theme import Theme

TEXT_SIZE = "base"


class SamplesPanel:
    """Broken on the left, ghost on the right, at the same step."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: BreakFrame) -> None:
        theme = self.theme
        gap = theme.px(2)
        half = (rect.w - gap) // 2
        left = pygame.Rect(rect.x, rect.y, half, rect.h)
        right = pygame.Rect(left.right + gap, rect.y, rect.w - half - gap, rect.h)
        broken_title = "Broken: " + (" + ".join(frame.running) if frame.running else "—")
        self._column(surface, left, broken_title, frame.broken, "warning")
        self._column(surface, right, "Ghost: the working model", frame.ghost, "cyan")

    def _column(self, surface, rect: pygame.Rect, title: str, checkpoint, accent: str) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, title)
        pygame.draw.rect(
            surface, theme.colour[accent], (rect.x, rect.y, theme.px(0.5), rect.h), 0, 2
        )
        if checkpoint is None:
            label = theme.text("Its sample appears at each checkpoint.", "sm", "dim")
            surface.blit(label, inner.topleft)
            return
        head = f"step {checkpoint.step:,} · val loss {checkpoint.val_loss:.2f}"
        label = theme.text(head, "sm", accent, mono=True)
        surface.blit(label, inner.topleft)
        y = inner.y + label.get_height() + theme.px(1)
        line_h = theme.font(TEXT_SIZE, True).get_linesize()
        for line in wrapped(theme, checkpoint.sample, TEXT_SIZE, inner.w, mono=True):
            if y + line_h > inner.bottom:
                break
            if line:
                surface.blit(theme.text(line, TEXT_SIZE, "text", mono=True), (inner.x, y))
            y += line_h
