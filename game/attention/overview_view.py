"""The overview: every layer x head as a heatmap tile with its caption; one tile selected."""

from __future__ import annotations

import pygame

from game.attention.frame import CinemaFrame
from game.attention.heatmap import draw_axis_labels, draw_heatmap, fit_side
from game.text_fit import wrap

TITLE, CAPTION = "base", "sm"  # read from two metres: a tile's name and what the head does
CAPTION_LINES = 2


def grid_spacing(theme) -> tuple[int, int, int]:
    """(gap between tiles, room for axis characters, the name and caption band above a tile)."""
    label_h = theme.font(TITLE).get_linesize() + CAPTION_LINES * theme.font(CAPTION).get_linesize()
    return theme.px(3), theme.px(2.5), label_h + theme.px(1)


def tile_layout(rect: pygame.Rect, theme, layers: int, heads: int, cells: int):
    """Heatmap rects for each (layer, head), row per layer, centred in rect."""
    gap, axis, label_h = grid_spacing(theme)
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


def overview_tiles(rect: pygame.Rect, theme, frame: CinemaFrame) -> dict:
    """(layer, head) -> heatmap rect for the frame's session (its shape before any checkpoint)."""
    attention, probe = frame.attention, frame.probe
    if attention is not None:
        layers, heads = attention.shape[:2]
    else:
        layers, heads = (max(1, n) for n in frame.shape)
    cells = attention.shape[-1] if attention is not None else max(1, len(probe))
    return tile_layout(rect, theme, layers, heads, cells)


def draw_overview(surface, theme, rect, frame: CinemaFrame, cache=None) -> dict:
    """Draw every tile (blank when there is no checkpoint yet); returns the tile rects.

    The direct path: game.attention.overview_cache draws the same pixels from surfaces it
    keeps, and its tests compare the two.
    """
    tiles = overview_tiles(rect, theme, frame)
    draw_tile_labels(surface, theme, tiles, frame)
    if frame.attention is None:
        for tile in tiles.values():
            pygame.draw.rect(surface, theme.colour["raised"], tile)
    else:
        for (layer, head), tile in tiles.items():
            draw_heatmap(surface, frame.attention[layer, head], tile, cache, (layer, head))
    return tiles


def draw_tile_labels(surface, theme, tiles: dict, frame: CinemaFrame) -> dict:
    """Everything of the tiles but their pictures: axis characters, borders (the selected one
    thick and cyan), names and captions. None of it overlaps a tile's picture. Returns each
    tile's bounding rect of what was drawn for it."""
    return {
        head: draw_tile_label(surface, theme, tile, head, frame) for head, tile in tiles.items()
    }


def draw_tile_label(surface, theme, tile: pygame.Rect, head, frame: CinemaFrame) -> pygame.Rect:
    """One tile's axis characters, border, name and caption; returns the rect around them."""
    layer, index = head
    probe, chosen = frame.probe, head == frame.selected
    drawn = []
    if frame.attention is not None and probe:
        cells = frame.attention.shape[-1]
        drawn += draw_axis_labels(surface, theme, probe[:cells], tile, "dim")
    border = theme.colour["cyan"] if chosen else theme.colour["faint"]
    drawn.append(pygame.draw.rect(surface, border, tile.inflate(6, 6), 3 if chosen else 1))
    caption = frame.captions.get(head) if frame.attention is not None else None
    name = f"Layer {layer} · Head {index}"
    if theme.font(TITLE, bold=chosen).size(name)[0] > tile.w + theme.px(2):
        name = f"L{layer} · H{index}"  # small tiles (3 layers of the long demo) crowd
    title = theme.text(name, TITLE, "text", bold=chosen)
    line_h = theme.font(CAPTION).get_linesize()
    top = tile.y - theme.px(3.5) - title.get_height() - CAPTION_LINES * line_h
    drawn.append(surface.blit(title, (tile.x, top)))
    if caption is not None:
        lines = wrap(theme.font(CAPTION), caption.text, tile.w + theme.px(2))[:CAPTION_LINES]
        for row, text in enumerate(lines):
            line = theme.text(text, CAPTION, "light" if chosen else "text2")
            drawn.append(surface.blit(line, (tile.x, top + title.get_height() + row * line_h)))
    return drawn[0].unionall(drawn[1:])


def tile_cell(tile: pygame.Rect, theme) -> pygame.Rect:
    """The tile's share of the grid: its picture, the axis room left of and above it, its name
    and caption band above that, and the gap right of and below it. The cells of a grid do not
    overlap (tile_layout's pitch), so one tile can be drawn again by clearing its cell alone."""
    gap, axis, label_h = grid_spacing(theme)
    return pygame.Rect(
        tile.x - axis, tile.y - axis - label_h, tile.w + axis + gap, tile.h + axis + label_h + gap
    )
