"""Draw attention matrices fast: numpy colours -> a T x T surface -> one nearest-neighbour scale."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pygame

from game.attention.colormap import colormap_fast

SPACE_GLYPH = "·"  # spaces in the probe are real tokens; show them


def matrix_surface(matrix: np.ndarray) -> pygame.Surface:
    """A surface with one pixel per cell (x = key, y = query) in the attention colours.

    In the display's own pixel format once there is a display: a 24-bit picture is converted
    pixel by pixel at every blit (a 384 px tile 0.57 ms, converted 0.04 ms; the overview
    blits eight to twelve of them a frame), and scaling a converted one is quicker too.
    """
    rgb = np.ascontiguousarray(colormap_fast(matrix))
    t_rows, t_cols = matrix.shape
    surface = pygame.image.frombuffer(rgb.tobytes(), (t_cols, t_rows), "RGB")
    return surface.convert() if pygame.display.get_surface() is not None else surface


def fit_side(available: int, cells: int) -> int:
    """The largest side <= available that gives every cell the same whole number of pixels.

    Whole pixels keep cells crisp and equal; below two pixels a cell, any side will do.
    """
    if available >= 2 * cells:
        return (available // cells) * cells
    return max(1, available)


def draw_heatmap(surface, matrix: np.ndarray, rect: pygame.Rect, cache=None, key=None) -> None:
    """Paint the matrix into rect; nearest scaling so each cell shows its exact colour.

    With a cache dict and a key naming this matrix, the scaled picture is reused.
    """
    cache_key = (key, rect.size)
    picture = cache.get(cache_key) if cache is not None and key is not None else None
    if picture is None:
        picture = pygame.transform.scale(matrix_surface(matrix), rect.size)
        if cache is not None and key is not None:
            cache[cache_key] = picture
    surface.blit(picture, rect.topleft)


def cell_rect(rect: pygame.Rect, cells: int, query: int, key: int) -> pygame.Rect:
    """The screen rectangle of one cell inside a heatmap drawn into rect."""
    x0 = rect.x + key * rect.w // cells
    x1 = rect.x + (key + 1) * rect.w // cells
    y0 = rect.y + query * rect.h // cells
    y1 = rect.y + (query + 1) * rect.h // cells
    return pygame.Rect(x0, y0, max(1, x1 - x0), max(1, y1 - y0))


def glyph(char: str) -> str:
    return SPACE_GLYPH if char == " " else char


def draw_axis_labels(
    surface, theme, text: str, rect: pygame.Rect, colour="text2"
) -> list[pygame.Rect]:
    """Characters along the top (keys) and left (queries) when cells are big enough to read.

    Returns the rects drawn: none when there is no room, so the caller can say so or skip it.
    """
    cells = len(text)
    cell = rect.w / max(1, cells)
    if cell < 9 * theme.scale:
        return []
    (top, left), pad = _label_strips(theme, theme.scale, text, rect.w, colour), _strip_pad(theme)
    return [
        surface.blit(top, top.get_rect(bottomleft=(rect.x - pad, rect.y - 2))),
        surface.blit(left, left.get_rect(topright=(rect.x - 4, rect.y - pad))),
    ]


def _strip_pad(theme) -> int:
    """Room past either end of a strip for the half of an edge label that sticks out."""
    return theme.px(2)


@lru_cache(maxsize=64)
def _label_strips(theme, scale: float, text: str, side: int, colour) -> tuple:
    """A heatmap's top and left labels, each row drawn once into a transparent strip.

    Blitted one by one they were 2 x 32 blits a tile and frame: with eight tiles, about half
    of the overview's frame (measured: docs/performance.md). scale is in the key because a
    resized theme draws other sizes.
    """
    cells = len(text)
    cell = side / max(1, cells)
    size = max(9, int(cell * 0.95 / scale))
    labels = [theme.text(glyph(char), size, colour, mono=True) for char in text]
    pad = _strip_pad(theme)
    height = max(label.get_height() for label in labels)
    width = max(label.get_width() for label in labels)
    top = pygame.Surface((side + 2 * pad, height), pygame.SRCALPHA)
    left = pygame.Surface((width, side + 2 * pad), pygame.SRCALPHA)
    for i, label in enumerate(labels):
        centre = pad + (i + 0.5) * cell
        top.blit(label, label.get_rect(midbottom=(centre, height)))
        left.blit(label, label.get_rect(midright=(width, centre)))
    return top, left


def draw_legend(surface, theme, rect: pygame.Rect) -> None:
    """A vertical colour scale, 1.0 at the top, with tick values on the right."""
    ramp = np.linspace(1.0, 0.0, 256, dtype=np.float32)[:, None]
    bar = matrix_surface(ramp)
    surface.blit(pygame.transform.scale(bar, rect.size), rect.topleft)
    pygame.draw.rect(surface, theme.colour["faint"], rect, 1)
    for value in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = rect.bottom - value * rect.h
        label = theme.text(f"{value:.2f}", "xs", "text2")
        surface.blit(label, label.get_rect(midleft=(rect.right + theme.px(1), y)))
