"""The flow strip: position -> Q/K/V -> attention -> KV write, the animated pass lighting each
stage of each layer in turn between two characters."""

from __future__ import annotations

import numpy as np
import pygame

from game.decode.flow_clock import ATTENTION, KV, POSITION, QKV, SAMPLE
from game.decode.frame import Frame
from game.decode.look import attention_scale, flash, ramp

BOXES = ((POSITION, "Position"), (QKV, "Q/K/V"), (ATTENTION, "Attention"), (KV, "KV write"))


class FlowStrip:
    """Four boxes joined by arrows, then a pill per layer; the box and layer at work are lit."""

    def __init__(self, theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: Frame) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "Forward pass")
        pills_h = theme.px(4.5)
        gap = theme.px(3)
        width = (inner.w - 3 * gap) // 4
        height = inner.h - pills_h - theme.px(1.5)
        for i, (stage, name) in enumerate(BOXES):
            box = pygame.Rect(inner.x + i * (width + gap), inner.y, width, height)
            self._box(surface, box, name, self._rows(stage, frame), stage == frame.stage, frame)
            if i < 3:
                arrow = theme.text("→", "lg", "dim")
                surface.blit(arrow, arrow.get_rect(center=(box.right + gap // 2, box.centery)))
        self._pills(surface, pygame.Rect(inner.x, inner.bottom - pills_h, inner.w, pills_h), frame)

    def _box(self, surface, box: pygame.Rect, name: str, rows, lit: bool, frame: Frame) -> None:
        theme = self.theme
        on = lit and frame.live
        border = flash(theme, frame.now, "warning", "light") if on else theme.colour["faint"]
        pygame.draw.rect(surface, theme.colour["bg"], box, border_radius=theme.px(1))
        pygame.draw.rect(
            surface, border, box, width=max(2, theme.px(0.3)), border_radius=theme.px(1)
        )
        x, y = box.x + theme.px(1.5), box.y + theme.px(1)
        surface.blit(theme.text(name, "sm", "text" if on else "text2", bold=True), (x, y))
        y += theme.px(3.5)
        for row in rows:
            if isinstance(row, str):
                surface.blit(theme.text(row, "xs", "text2", mono=True), (x, y))
                y += theme.px(2.75)
            else:  # the active head's attention over the last 12 positions, 3 rows of 4
                self._mini_ramp(surface, x, y, row)
                y += theme.px(8)

    def _mini_ramp(self, surface, x: int, y: int, weights: np.ndarray) -> None:
        theme, cell = self.theme, self.theme.px(2.5)
        padded = np.concatenate([np.zeros(12 - len(weights)), weights])
        scale = attention_scale(weights) if weights.size else 1.0
        for i, value in enumerate(padded):
            row, col = divmod(i, 4)
            square = (x + col * cell, y + row * cell, cell - 2, cell - 2)
            pygame.draw.rect(surface, ramp(theme, float(value) / scale), square)

    def _rows(self, stage: str, frame: Frame) -> list:
        step = frame.step
        if step is None:
            return ["—"]
        layer = min(frame.stage_layer, step.attention.shape[0] - 1)
        head = int(step.attention[layer].max(-1).argmax())
        if stage == POSITION:
            return [f"pos {step.position}", f"ctx {len(step.context) + 1}"]
        if stage == QKV:
            rows = [f"L{layer} H{head} · {step.head_size}d"]
            norms = step.qkv_norms
            if norms is not None and norms.ndim == 3:
                q, k, v = (float(norms[layer, head, j]) for j in range(3))
                rows += [f"|q| {q:.2f}", f"|k| {k:.2f}", f"|v| {v:.2f}"]
            return rows
        if stage == ATTENTION:
            return [f"L{layer} H{head}", np.asarray(step.attention[layer, head, -12:])]
        event = frame.cache_event().upper()
        return [event, f"+{step.cache_written} written", f"holds {max(step.cache_len, default=0)}"]

    def _pills(self, surface, rect: pygame.Rect, frame: Frame) -> None:
        theme = self.theme
        x = rect.x
        for layer in range(frame.n_layer):
            lit = frame.live and layer == frame.stage_layer and frame.stage != POSITION
            label = theme.text(f"L{layer}", "sm", "bg" if lit else "text2", mono=True, bold=lit)
            pill = pygame.Rect(x, rect.y, label.get_width() + theme.px(3), rect.h - theme.px(0.5))
            colour = flash(theme, frame.now, "warning", "light") if lit else theme.colour["raised"]
            pygame.draw.rect(surface, colour, pill, border_radius=pill.h // 2)
            surface.blit(label, label.get_rect(center=pill.center))
            x = pill.right + theme.px(1)
        sampling = frame.live and frame.stage == SAMPLE
        colour = flash(theme, frame.now, "cyan") if sampling else "dim"
        label = "→ sample ⚡" if sampling else "→ sample"
        sign = theme.text(label, "sm", colour, mono=True, bold=sampling)
        surface.blit(sign, (x + theme.px(1), rect.centery - sign.get_height() // 2))
