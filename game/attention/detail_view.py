"""The detail view: one head large, characters on both axes, a cell cursor and a legend."""

from __future__ import annotations

import numpy as np
import pygame

from game.attention.heatmap import (
    cell_rect,
    draw_axis_labels,
    draw_heatmap,
    draw_legend,
    fit_side,
    glyph,
)


def detail_layout(rect: pygame.Rect, theme, cells: int) -> tuple[pygame.Rect, pygame.Rect]:
    """(heatmap rect, legend rect) inside rect, leaving room for labels and the readout."""
    margin = theme.px(4)
    readout = theme.font("lg").get_linesize() + theme.px(2)
    legend_w = theme.px(3) + theme.px(7)
    available = min(rect.w - margin - legend_w - theme.px(4), rect.h - margin - readout)
    side = fit_side(max(8, available), cells)
    heat = pygame.Rect(0, 0, side, side)
    heat.topleft = (rect.x + margin + (rect.w - margin - legend_w - side) // 2, rect.y + margin)
    legend = pygame.Rect(heat.right + theme.px(4), heat.y, theme.px(3), side)
    return heat, legend


def draw_detail(
    surface, theme, rect, matrix: np.ndarray, probe: str, cursor, cache=None, key=None
) -> pygame.Rect:
    """Draw the head, its labels, cursor and legend; returns the heatmap rect."""
    cells = matrix.shape[0]
    heat, legend = detail_layout(rect, theme, cells)
    draw_heatmap(surface, matrix, heat, cache, key)
    text = probe[:cells]
    if text:
        draw_axis_labels(surface, theme, text, heat)
    draw_legend(surface, theme, legend)
    query, key = cursor
    query, key = min(query, cells - 1), min(key, cells - 1)
    pygame.draw.rect(surface, theme.colour["faint"], heat.inflate(2, 2), 1)
    row = cell_rect(heat, cells, query, 0).union(cell_rect(heat, cells, query, cells - 1))
    col = cell_rect(heat, cells, 0, key).union(cell_rect(heat, cells, cells - 1, key))
    pygame.draw.rect(surface, theme.colour["warning"], row.inflate(2, 2), 1)
    pygame.draw.rect(surface, theme.colour["warning"], col.inflate(2, 2), 1)
    pygame.draw.rect(
        surface, theme.colour["warning"], cell_rect(heat, cells, query, key).inflate(4, 4), 3
    )
    weight = float(matrix[query, key])
    q_char = glyph(text[query]) if query < len(text) else "?"
    k_char = glyph(text[key]) if key < len(text) else "?"
    readout = (
        f"query '{q_char}' (position {query})  →  key '{k_char}' (position {key})"
        f"   attention = {weight:.4f}"
    )
    line = theme.text(readout, "lg", "text", mono=True)
    surface.blit(line, line.get_rect(midtop=(heat.centerx, heat.bottom + theme.px(2))))
    return heat
