"""Bits per character so far for the visitor and every checkpoint, and what each guessed last."""

from __future__ import annotations

import pygame

from game.decode.look import glyph
from game.guess.frame import GuessFrame, PlayerRow
from game.text_fit import wrap as fit_wrap

SCALE_BITS = 6.0  # the bars' full width; an untrained model needs about 5.8
SHOWN_PERCENT = 0.005  # below this a probability reads "<1%", not a misleading "0%"


class Scoreboard:
    def __init__(self, theme) -> None:
        self.theme = theme
        self.bar_rects: list[pygame.Rect] = []  # each row's filled bar, as last drawn

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: GuessFrame) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "Bits per character so far · lower is better")
        rule_lines = wrap(theme, frame.rule, "sm", inner.w)
        rule_h = len(rule_lines) * theme.font("sm").get_linesize()
        rows = pygame.Rect(inner.x, inner.y, inner.w, inner.h - rule_h - theme.px(1.5))
        name_w, last_w = round(rows.w * 0.24), round(rows.w * 0.36)
        bar_x, bar_w = rows.x + name_w, rows.w - name_w - last_w - theme.px(2)
        last_x = bar_x + bar_w + theme.px(2)
        # Before the first character the column is empty: say what will fill it.
        heading = (f"Guesses for {glyph(frame.last_char)!r}" if frame.last_char
                   else "Each one's guesses will show here")  # fmt: skip
        if theme.font("sm").size(heading)[0] > last_w:  # a small window: the short form
            heading = "Guesses"
        surface.blit(theme.text(heading, "sm", "dim"), (last_x, rows.y))
        top = rows.y + theme.font("sm").get_linesize() + theme.px(0.5)
        row_h = (rows.bottom - top) // max(1, len(frame.rows))
        scale = max([SCALE_BITS] + [r.mean_bits or 0.0 for r in frame.rows])
        self.bar_rects = []
        for i, row in enumerate(frame.rows):
            y = top + i * row_h
            self._name(surface, rows.x, y, row, i == 0)
            bar = pygame.Rect(
                bar_x, y + theme.px(0.5), bar_w, min(theme.px(4), row_h - theme.px(1))
            )
            self._bar(surface, bar, row, scale)
            self._last(surface, last_x, bar.centery, row)
        y = rows.bottom + theme.px(1.5)
        for line in rule_lines:
            surface.blit(theme.text(line, "sm", "text2"), (inner.x, y))
            y += theme.font("sm").get_linesize()

    def _name(self, surface, x: int, y: int, row: PlayerRow, first: bool) -> None:
        theme = self.theme
        name = theme.text(row.name, "base", "cyan" if first else "text", bold=first)
        surface.blit(name, (x, y))
        surface.blit(theme.text(row.detail, "xs", "dim"), (x, y + name.get_height()))

    def _bar(self, surface, bar: pygame.Rect, row: PlayerRow, scale: float) -> None:
        theme = self.theme
        pygame.draw.rect(surface, theme.colour["bg"], bar, border_radius=theme.px(0.5))
        if row.mean_bits is None:
            self.bar_rects.append(pygame.Rect(bar.x, bar.y, 0, bar.h))
            return
        fill = pygame.Rect(bar.x, bar.y, max(2, round(bar.w * row.mean_bits / scale)), bar.h)
        pygame.draw.rect(surface, theme.colour[row.colour], fill, border_radius=theme.px(0.5))
        self.bar_rects.append(fill)
        value = theme.text(f"{row.mean_bits:.2f}", "base", "text", mono=True, bold=True)
        x = fill.right + theme.px(1)
        if x + value.get_width() > bar.right:  # no room after the bar: inside its end
            x = fill.right - value.get_width() - theme.px(1)
        surface.blit(value, (x, bar.centery - value.get_height() // 2))

    def _last(self, surface, x: int, cy: int, row: PlayerRow) -> None:
        theme = self.theme
        for guess in row.last:
            label = glyph(guess.char)
            if guess.probability is not None:
                small = guess.probability < SHOWN_PERCENT
                label += " <1%" if small else f" {guess.probability:.0%}"
            text = theme.text(label, "sm", "text" if guess.right else "text2", mono=True)
            chip = text.get_rect(midleft=(x, cy)).inflate(theme.px(1.5), theme.px(0.75))
            pygame.draw.rect(surface, theme.colour["success" if guess.right else "raised"], chip,
                             border_radius=theme.px(0.75))  # fmt: skip
            surface.blit(text, text.get_rect(center=chip.center))
            x = chip.right + theme.px(0.75)
        if row.last_bits is not None:
            cost = theme.text(f"+{row.last_bits:.2f}", "sm", "dim", mono=True)
            surface.blit(cost, (x + theme.px(0.5), cy - cost.get_height() // 2))


def wrap(theme, text: str, size: str, width: int) -> tuple[str, ...]:
    """Lines of text that fit width in the UI font at size."""
    return tuple(fit_wrap(theme.font(size), text, width))
