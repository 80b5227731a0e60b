"""The overview: every layer x head as a heatmap tile with its caption; one tile selected."""

from __future__ import annotations

import pygame

from game.attention.frame import CinemaFrame
from game.attention.heatmap import draw_axis_labels, draw_heatmap, fit_side
from game.text_fit import wrap

TITLE, CAPTION = "base", "sm"  # read from two metres: a tile's name and what the head does
CAPTION_LINES = 2


def tile_layout(rect: pygame.Rect, theme, layers: int, heads: int, cells: int):
    """Heatmap rects for each (layer, head), row per layer, centred in rect."""
    gap = theme.px(3)
    label_h = theme.font(TITLE).get_linesize() + CAPTION_LINES * theme.font(CAPTION).get_linesize()
    label_h += theme.px(1)
    axis = theme.px(2.5)  # room for axis characters, used when cells are big enough
    width = (rect.w - gap * (heads - 1)) // heads - axis
    height = (rect.h - gap * (layers - 1)) // layers - label_h - axis
    side = fit_side(max(8, min(width, height)), cells)
    total_w = heads * (side + axis) + gap * (heads - 1)
    total_h = layers * (side + axis + label_h) + gap * (layers - 1)
    x0 = rect.x + (rect.w - total_w) // 2 + axis
    y0 = rect.y + (rect.h - total_h) // 2 + label_h + axis
    return {
        (layer, head): pygame.Rect(
            x0 + head * (side + axis + gap), y0 + layer * (side + axis + label_h + gap), side, side
        )
        for layer in range(layers)
        for head in range(heads)
    }


def draw_overview(surface, theme, rect, frame: CinemaFrame, cache=None) -> dict:
    """Draw every tile (blank when there is no checkpoint yet); returns the tile rects."""
    attention, probe, selected, captions = frame.attention, frame.probe, frame.selected, {}
    if attention is not None:
        layers, heads = attention.shape[:2]
        captions = frame.captions
    else:
        layers, heads = (max(1, n) for n in frame.shape)
    cells = attention.shape[-1] if attention is not None else max(1, len(probe))
    tiles = tile_layout(rect, theme, layers, heads, cells)
    for (layer, head), tile in tiles.items():
        if attention is not None:
            draw_heatmap(surface, attention[layer, head], tile, cache, (layer, head))
            if probe:
                draw_axis_labels(surface, theme, probe[:cells], tile, "dim")
        else:
            pygame.draw.rect(surface, theme.colour["raised"], tile)
        chosen = (layer, head) == selected
        border = theme.colour["cyan"] if chosen else theme.colour["faint"]
        pygame.draw.rect(surface, border, tile.inflate(6, 6), 3 if chosen else 1)
        caption = captions.get((layer, head))
        name = f"Layer {layer} · Head {head}"
        if theme.font(TITLE, bold=chosen).size(name)[0] > tile.w + theme.px(2):
            name = f"L{layer} · H{head}"  # small tiles (3 layers of the long demo) crowd
        title = theme.text(name, TITLE, "text", bold=chosen)
        line_h = theme.font(CAPTION).get_linesize()
        top = tile.y - theme.px(3.5) - title.get_height() - CAPTION_LINES * line_h
        surface.blit(title, (tile.x, top))
        if caption is not None:
            lines = wrap(theme.font(CAPTION), caption.text, tile.w + theme.px(2))[:CAPTION_LINES]
            for index, text in enumerate(lines):
                line = theme.text(text, CAPTION, "light" if chosen else "text2")
                surface.blit(line, (tile.x, top + title.get_height() + index * line_h))
    return tiles
