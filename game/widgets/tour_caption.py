"""The tour's caption band: a big title, a plain sentence, the keys to try it, step progress."""

from __future__ import annotations

import pygame

from game.text_fit import wrap
from game.theme import Theme

BAND_ALPHA = 225  # the view behind stays visible but never fights the words


class TourCaption:
    """Draws at the bottom of the window; `drawn` keeps each line's rect for tests and checks."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.drawn: list[tuple[str, pygame.Rect]] = []
        self._band: pygame.Surface | None = None

    def draw(self, surface, title: str, caption: str, try_it: str, progress: float) -> None:
        theme = self.theme
        screen = surface.get_rect()
        pad = theme.px(4)
        width = screen.w - 2 * pad - theme.px(4)
        rows = [(title, "xxl", "text", True)]
        rows += [(line, "lg", "text2", False) for line in wrap(theme.font("lg"), caption, width)]
        rows += [(line, "lg", "cyan", True) for line in wrap(theme.font("lg", bold=True), try_it,
                                                                 width)]  # fmt: skip
        labels = [(text, theme.text(text, size, colour, bold=bold)) for text, size, colour, bold
                  in rows]  # fmt: skip
        gap = theme.px(1)
        height = 2 * pad + sum(label.get_height() for _, label in labels) + gap * len(labels)
        band = pygame.Rect(0, screen.h - height, screen.w, height)
        if self._band is None or self._band.get_size() != band.size:
            self._band = pygame.Surface(band.size, pygame.SRCALPHA)
            self._band.fill((*theme.colour["bg"], BAND_ALPHA))
        surface.blit(self._band, band)
        bar = pygame.Rect(0, band.y, round(screen.w * progress), max(2, theme.px(0.5)))
        pygame.draw.rect(surface, theme.colour["blue"], bar)
        y = band.y + pad
        self.drawn = []
        for text, label in labels:
            rect = surface.blit(label, (pad + theme.px(2), y))
            self.drawn.append((text, rect))
            y += label.get_height() + gap
