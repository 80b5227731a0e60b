"""ATTENTION FLOW: a cell per layer x head, brightness = how sharply that head focused for the
newest position; the layer at work and the sharpest heads flash at 5 Hz."""

from __future__ import annotations

import numpy as np
import pygame

from game.decode.frame import Frame
from game.decode.look import FLASH_HZ, activity, attention_scale, flash, flash_on, ramp

HOT = 0.75  # activity above which a head flashes, as in the terminal view
SPARK = 16  # context positions drawn inside each cell


class ActivityGrid:
    def __init__(self, theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: Frame) -> None:
        theme = self.theme
        title = f"Attention flow ({frame.n_layer} layers × {frame.n_head} heads)"
        inner = theme.panel(surface, rect, title if frame.n_layer else "Attention flow")
        legend = theme.text("bright = sharp focus", "xs", "dim")
        surface.blit(legend, (inner.right - legend.get_width(), rect.y + theme.px(2.5)))
        if not frame.n_layer or not frame.n_head:
            surface.blit(theme.text("Waiting for a model…", "sm", "dim"), inner.topleft)
            return
        step = frame.step
        levels = np.zeros((frame.n_layer, frame.n_head), dtype=np.float32)
        if step is not None and step.attention is not None and step.attention.ndim == 3:
            levels = activity(np.asarray(step.attention, dtype=np.float32))
        label_w = theme.px(7)
        note_w = theme.px(19)
        gap = theme.px(1)
        cols, rows = frame.n_head, frame.n_layer
        cell_w = max(theme.px(3), (inner.w - label_w - note_w - (cols - 1) * gap) // cols)
        cell_h = max(theme.px(3), min(theme.px(10), (inner.h - (rows - 1) * gap) // rows))
        lit = flash_on(frame.now, FLASH_HZ)
        for layer in range(rows):
            y = inner.y + layer * (cell_h + gap)
            working = frame.live and layer == frame.stage_layer
            name = theme.text(f"L{layer}", "base", "cyan" if working else "text2", mono=True,
                              bold=working)  # fmt: skip
            surface.blit(name, (inner.x, y + (cell_h - name.get_height()) // 2))
            for head in range(cols):
                cell = pygame.Rect(inner.x + label_w + head * (cell_w + gap), y, cell_w, cell_h)
                self._cell(surface, cell, step, layer, head, float(levels[layer, head]), lit, frame)
            note = ""
            if working:
                note = "⚡ ACTIVE"
            elif layer == rows - 1:
                note = "← output layer"
            elif layer == 0:
                note = "← first layer"
            if note:
                colour = flash(theme, frame.now, "warning") if working else theme.colour["dim"]
                text = theme.text(note, "sm", colour, mono=working, bold=working)
                surface.blit(text, (inner.right - note_w + theme.px(1),
                                    y + (cell_h - text.get_height()) // 2))  # fmt: skip

    def _cell(self, surface, cell, step, layer, head, level, lit, frame: Frame) -> None:
        theme = self.theme
        pygame.draw.rect(surface, ramp(theme, level), cell, border_radius=theme.px(0.5))
        if step is not None and cell.h >= theme.px(5) and layer < step.attention.shape[0]:
            weights = np.asarray(step.attention[layer, head, -SPARK:], dtype=np.float32)
            scale = attention_scale(weights)
            bar_w = max(1, (cell.w - theme.px(2)) // SPARK)
            ink = theme.colour["light" if level < 0.6 else "bg"]
            base = cell.bottom - theme.px(0.75)
            for i, w in enumerate(weights):
                height = max(1, round((cell.h - theme.px(2)) * float(w) / scale))
                x = cell.x + theme.px(1) + i * bar_w
                pygame.draw.rect(surface, ink, (x, base - height, bar_w - 1, height))
        if frame.live and level > HOT and lit:
            pygame.draw.rect(surface, theme.colour["warning"], cell, width=max(2, theme.px(0.4)),
                             border_radius=theme.px(0.5))  # fmt: skip
