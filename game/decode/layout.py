"""Where Decode Live's panels go: prompt on top, text and context left, the machinery right."""

from __future__ import annotations

import pygame

from game.decode.activity_grid import ActivityGrid
from game.decode.context_attention import ContextAttention
from game.decode.credit_list import CreditList
from game.decode.flow_strip import FlowStrip
from game.decode.frame import Frame
from game.decode.kv_bars import KVBars
from game.decode.text_panel import TextPanel
from game.widgets.key_hints import draw_key_row


class DecodeLayout:
    """Owns the panels; `draw` hands each its rect and the frame."""

    def __init__(self, theme) -> None:
        self.theme = theme
        self.text = TextPanel(theme)
        self.context = ContextAttention(theme)
        self.credit = CreditList(theme)
        self.flow = FlowStrip(theme)
        self.grid = ActivityGrid(theme)
        self.kv = KVBars(theme)
        self.text_rect = pygame.Rect(0, 0, 0, 0)  # as last drawn, for tests
        self.kv_rect = pygame.Rect(0, 0, 0, 0)

    def draw(self, surface, rect: pygame.Rect, frame: Frame, message: str, prompt_h: int,
             hints) -> None:  # fmt: skip
        """hints: the footer's (keys, what) pairs, from the key table."""
        theme = self.theme
        gap = theme.px(2)
        footer_h = theme.px(4)
        body = pygame.Rect(rect.x, rect.y + prompt_h, rect.w, rect.h - prompt_h - footer_h)
        left_w = round(body.w * 0.56)
        left = pygame.Rect(body.x, body.y, left_w, body.h)
        right = pygame.Rect(left.right + gap, body.y, body.right - left.right - gap, body.h)
        lower_h = round(left.h * 0.4)
        self.text_rect = pygame.Rect(left.x, left.y, left.w, left.h - lower_h - gap)
        self.text.draw(surface, self.text_rect, frame, message)
        lower = pygame.Rect(left.x, self.text_rect.bottom + gap, left.w, lower_h)
        context_w = round(lower.w * 0.62)
        self.context.draw(surface, pygame.Rect(lower.x, lower.y, context_w, lower.h), frame)
        credit = pygame.Rect(lower.x + context_w + gap, lower.y, lower.w - context_w - gap, lower.h)
        self.credit.draw(surface, credit, frame)
        layers = max(1, frame.n_layer)
        flow_h = theme.px(33)
        kv_h = theme.px(17) + layers * theme.px(5)
        flow = pygame.Rect(right.x, right.y, right.w, flow_h)
        self.kv_rect = pygame.Rect(right.x, right.bottom - kv_h, right.w, kv_h)
        grid = pygame.Rect(
            right.x, flow.bottom + gap, right.w, self.kv_rect.y - flow.bottom - 2 * gap
        )
        self.flow.draw(surface, flow, frame)
        self.grid.draw(surface, grid, frame)
        self.kv.draw(surface, self.kv_rect, frame)
        draw_key_row(surface, theme, pygame.Rect(rect.x, body.bottom, rect.w, footer_h), hints)
