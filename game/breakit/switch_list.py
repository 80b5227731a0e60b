"""The list of parts to break: a box, its key, its name and one sentence on what it does."""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.breakit.frame import BreakFrame
from game.style.wrap import visible_text, wrap_starts
from game.theme import Theme
from llmbreaker.breaks import SWITCHES


def wrapped(
    theme: Theme, text: str, size: str, width: int, mono: bool = False, bold: bool = False
) -> tuple[str, ...]:
    """text cut into lines that fit width (by the font's average character width)."""
    return _wrapped(theme, text, size, theme.font_px(size), width, mono, bold)


@lru_cache(maxsize=512)
def _wrapped(theme, text: str, size: str, font_px: int, width: int, mono: bool, bold: bool):
    sample = "abcdefghij klmnopqrst ABCDE"  # a few capitals: prose has some
    char_w = theme.font(size, mono, bold).size(sample)[0] / len(sample)
    columns = max(8, int(width / max(1.0, char_w)))
    starts = wrap_starts(text, columns)
    return tuple(visible_text(text, starts, i) for i in range(len(starts)))


class SwitchList:
    """Draws from a BreakFrame; the tab owns the keys."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.row_rects: dict[str, pygame.Rect] = {}  # where the last frame drew each row

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: BreakFrame) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "What to break")
        row_h = inner.h // len(SWITCHES)
        box = theme.px(3)
        for index, (name, switch) in enumerate(SWITCHES.items()):
            row = pygame.Rect(inner.x, inner.y + index * row_h, inner.w, row_h - theme.px(1))
            self.row_rects[name] = row
            on = name in frame.chosen
            if index == frame.cursor:
                pygame.draw.rect(
                    surface, theme.colour["raised"], row.inflate(theme.px(2), 0), 0, theme.px(1)
                )
            tick = pygame.Rect(row.x, row.y + theme.px(0.5), box, box)
            colour = theme.colour["warning"] if on else theme.colour["dim"]
            pygame.draw.rect(surface, colour, tick, 0 if on else max(1, theme.px(0.25)), 4)
            if on:
                mark = theme.text("×", "base", "bg", bold=True)
                surface.blit(mark, mark.get_rect(center=tick.center))
            x = tick.right + theme.px(1.5)
            key = theme.text(frame.keys.get(name, ""), "sm", "cyan", mono=True, bold=True)
            surface.blit(key, (x, row.y + theme.px(0.5)))
            x += theme.px(3)
            title = theme.text(switch.title, "base", "text" if on else "text2", bold=on)
            surface.blit(title, (x, row.y))
            y = row.y + title.get_height() + theme.px(0.25)
            for line in wrapped(theme, switch.purpose, "xs", row.right - x):
                if y + theme.font_px("xs") > row.bottom:
                    break
                label = theme.text(line, "xs", "dim")
                surface.blit(label, (x, y))
                y += label.get_height()
