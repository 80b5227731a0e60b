"""Today's best scores: initials and bits per character, the newest entry lit."""

from __future__ import annotations

import pygame

from game.guess.frame import GuessFrame
from game.guess.high_scores import KEEP


class BestList:
    def __init__(self, theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: GuessFrame) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "Today's best")
        if not frame.best:
            for i, line in enumerate(("No scores yet today.", "Finish a line to be first.")):
                text = theme.text(line, "base", "text2")
                surface.blit(text, (inner.x, inner.y + i * (text.get_height() + theme.px(0.5))))
            return
        row_h = min(theme.font("lg").get_linesize() + theme.px(0.5), inner.h // KEEP)
        size = "lg" if row_h >= theme.font("lg").get_linesize() else "base"
        for i, score in enumerate(frame.best):
            lit = i + 1 == frame.best_mark
            colour = "cyan" if lit else "text"
            y = inner.y + i * row_h
            place = theme.text(f"{i + 1}.", size, "dim", mono=True)
            surface.blit(place, (inner.x, y))
            who = theme.text(score.initials, size, colour, mono=True, bold=True)
            surface.blit(who, (inner.x + theme.px(7), y))
            bits = theme.text(f"{score.bits:.2f} bits", size, colour, mono=True)
            surface.blit(bits, (inner.right - bits.get_width(), y))
