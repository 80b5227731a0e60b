"""TOKEN CREDIT: the context characters that most moved the newest choice, strongest first."""

from __future__ import annotations

import numpy as np
import pygame

from game.decode.frame import Frame
from game.decode.look import flash, glyph

SHOWN = 5


class CreditList:
    def __init__(self, theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: Frame) -> None:
        theme, step = self.theme, frame.step
        inner = theme.panel(surface, rect, "Token credit")
        note = theme.text("gradient × input", "xs", "dim")
        surface.blit(note, (inner.right - note.get_width(), rect.y + theme.px(2.5)))
        if step is None or not step.credit:
            surface.blit(theme.text("Waiting for the first choice…", "sm", "dim"), inner.topleft)
            return
        values = np.asarray(step.credit, dtype=np.float32)
        order = np.argsort(-np.abs(values))[:SHOWN]
        top = float(np.abs(values).max()) or 1.0
        row_h = max(theme.px(3), inner.h // SHOWN)
        label_w, value_w = theme.px(13), theme.px(11)
        for rank, i in enumerate(order):
            y = inner.y + rank * row_h
            char = step.context[i] if i < len(step.context) else "?"
            label = theme.text(f"'{glyph(char)}' @{i}", "sm", "text", mono=True)
            surface.blit(label, (inner.x, y))
            value = float(values[i])
            track_w = inner.w - label_w - value_w - theme.px(3)
            bar = pygame.Rect(inner.x + label_w, y + theme.px(0.5),
                              max(1, round(track_w * abs(value) / top)), theme.px(2))  # fmt: skip
            pygame.draw.rect(surface, theme.colour["blue" if value >= 0 else "warning"], bar)
            shown = f"{value:+.3f}" if abs(value) >= 0.0005 else f"{value:+.0e}"
            number = theme.text(shown, "sm", "text2", mono=True)
            surface.blit(number, (inner.right - number.get_width(), y))
            if rank == 0 and frame.live:
                bolt = theme.text("⚡", "sm", flash(theme, frame.now, "warning"), mono=True)
                surface.blit(bolt, (inner.x + label_w + track_w + theme.px(0.5), y))
