"""The overview drawn from kept surfaces: the tiles' labels once per selection and captions, their
pictures once per timeline position, and one blit a frame while nothing changes.

Drawing every tile's picture, name, caption, border and axis characters each frame was about
2 ms of the overview's 4.5-7 ms of CPU while training (docs/performance.md, eighth round); the
pixels are those of overview_view.draw_overview, which the tests compare against.
"""

from __future__ import annotations

import pygame

from game.attention.colormap import colormap_fast
from game.attention.frame import CinemaFrame
from game.attention.overview_view import draw_tile_labels, overview_tiles
from game.attention.surfaces import format_of, reuse


class CachedOverview:
    """The overview's region (the main rect and the gaps around it) kept as one surface.

    Drawn again in two steps: all of it (background, names, captions, borders, axis
    characters, pictures) when the region, the theme's scale, the session's shape, the probe,
    the selection or a caption changes; only the pictures, scaled straight into their tiles,
    when the shown attention array is another one (the tab makes a new array for every
    timeline position and keeps it while the position holds). Nothing else is drawn over a
    tile's picture, so the rest of the surface stays right.
    """

    def __init__(self) -> None:
        self.surface: pygame.Surface | None = None
        self.labels_key: tuple | None = None
        self.drawn: object = None  # the attention array shown (held, so `is` is safe)
        self.rebuilds = {"labels": 0, "pictures": 0}  # for tests and profiles

    def draw(self, surface, theme, region: pygame.Rect, rect: pygame.Rect, frame: CinemaFrame):
        """Paint region (bg, and the overview of rect inside it); returns the tile rects."""
        assert frame.attention is not None  # the empty states are drawn directly
        tiles = overview_tiles(rect, theme, frame)
        shifted = moved(tiles, (-region.x, -region.y))
        key = labels_key(theme, region, rect, frame, surface)
        if key != self.labels_key or self.surface is None:
            self.surface = reuse(self.surface, region.size, surface)
            self.surface.fill(theme.colour["bg"])
            draw_tile_labels(self.surface, theme, shifted, frame)
            self.labels_key, self.drawn = key, None
            self.rebuilds["labels"] += 1
        if frame.attention is not self.drawn:
            paint_pictures(self.surface, frame.attention, shifted)
            self.drawn = frame.attention
            self.rebuilds["pictures"] += 1
        surface.blit(self.surface, region.topleft)
        return tiles


def labels_key(theme, region, rect, frame: CinemaFrame, surface) -> tuple:
    """Everything the labels layer is drawn from."""
    captions = tuple(sorted((head, c.text) for head, c in frame.captions.items()))
    return (
        tuple(region), tuple(rect), theme.size, theme.scale, format_of(surface),
        getattr(frame.attention, "shape", None), frame.probe, frame.selected, captions,
    )  # fmt: skip


def moved(tiles: dict, shift: tuple[int, int]) -> dict:
    return {head: tile.move(shift) for head, tile in tiles.items()}


def paint_pictures(target: pygame.Surface, attention, tiles: dict) -> None:
    """Every head's picture scaled straight into its tile of target.

    One colour lookup and one conversion for all heads (a mosaic of T x T cells per head),
    then a nearest-neighbour scale of each head's part into the tile: the same pixels as
    heatmap.draw_heatmap's picture blitted there, without the picture or the blit.
    """
    layers, heads, t_rows, t_cols = attention.shape
    rgb = colormap_fast(attention)  # (layers, heads, T, T, 3)
    mosaic = rgb.transpose(0, 2, 1, 3, 4).reshape(layers * t_rows, heads * t_cols, 3)
    flat = pygame.image.frombuffer(mosaic.tobytes(), (heads * t_cols, layers * t_rows), "RGB")
    cells = flat.convert(target)
    bounds = target.get_rect()
    for (layer, head), tile in tiles.items():
        source = cells.subsurface((head * t_cols, layer * t_rows, t_cols, t_rows))
        if bounds.contains(tile):
            pygame.transform.scale(source, tile.size, target.subsurface(tile))
        else:  # a tile past the region's edge (a window too small): clip as a blit would
            target.blit(pygame.transform.scale(source, tile.size), tile)
