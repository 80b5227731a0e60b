"""ATTENTION OVER CONTEXT: where the newest position looked, one bar per context character."""

from __future__ import annotations

import numpy as np
import pygame

from game.decode.frame import Frame
from game.decode.look import attention_scale, glyph, ramp

MAX_HEAD_ROWS = 8


class ContextAttention:
    """Bars of the chosen layer's attention (mean over heads) above the characters, then a heat
    strip per head below them."""

    def __init__(self, theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: Frame) -> None:
        theme = self.theme
        title = f"Attention over context · layer {frame.layer}" if frame.n_layer else "Attention"
        inner = theme.panel(surface, rect, title)
        hint = theme.text("heads averaged", "xs", "dim")
        surface.blit(hint, (inner.right - hint.get_width(), rect.y + theme.px(2.5)))
        step = frame.step
        if step is None or step.attention is None or step.attention.ndim != 3:
            note = theme.text("Appears with the first decoded character.", "sm", "dim")
            surface.blit(note, inner.topleft)
            return
        layer = min(frame.layer, step.attention.shape[0] - 1)
        weights = np.asarray(step.attention[layer], dtype=np.float32)  # (heads, T)
        context = step.context
        font = theme.font("sm", mono=True)
        cell = max(theme.px(1.5), font.size("M")[0] + theme.px(0.5))
        shown = min(len(context), weights.shape[1], max(1, inner.w // cell))
        heads = min(weights.shape[0], MAX_HEAD_ROWS)
        strip_h = max(theme.px(1), min(theme.px(2), inner.h // (6 + heads)))
        text_h = font.get_linesize()
        bar_h = max(theme.px(3), inner.h - text_h - heads * (strip_h + 1) - theme.px(1))
        mean = weights.mean(0)[-shown:]
        scale = attention_scale(mean)
        x0, base = inner.x, inner.y + bar_h
        for i in range(shown):
            x = x0 + i * cell
            value = float(mean[i]) / scale
            height = max(1, round(bar_h * min(1.0, value)))
            pygame.draw.rect(surface, ramp(theme, value), (x + 1, base - height, cell - 2, height))
            char = context[len(context) - shown + i]
            picture = theme.text(glyph(char), "sm", "text2" if char.strip() else "faint", mono=True)
            surface.blit(picture, (x + (cell - picture.get_width()) // 2, base + 2))
        y = base + text_h + theme.px(0.5)
        for head in range(heads):
            row = weights[head, -shown:]
            head_scale = attention_scale(row)
            for i in range(shown):
                colour = ramp(theme, float(row[i]) / head_scale)
                pygame.draw.rect(surface, colour, (x0 + i * cell, y, cell - 1, strip_h))
            y += strip_h + 1
