"""The overview drawn from a kept surface: a tile's labels again when its caption or selection
changes, the pictures once per timeline position, and one blit a frame while nothing changes.

Drawing every tile's picture, name, caption, border and axis characters each frame was about
2 ms of the overview's 4.5-7 ms of CPU while training (docs/performance.md, eighth round); the
pixels are those of overview_view.draw_overview, which the tests compare against.
"""

from __future__ import annotations

import pygame

from game.attention.colormap import colormap_fast
from game.attention.frame import CinemaFrame
from game.attention.overview_view import (
    draw_tile_label,
    draw_tile_labels,
    overview_tiles,
    tile_cell,
)
from game.attention.surfaces import clear, format_of, reuse


class CachedOverview:
    """The overview's region (the main rect and the gaps around it) kept as one surface.

    Drawn again in three ways, the cheapest that is exact:
    - all of it (background, names, captions, borders, axis characters, pictures) when the
      region, the theme's scale, the session's shape or the probe changes;
    - the tiles whose caption or selection changed, each in its own grid cell, when every
      tile's drawing was seen to stay inside its cell (else all of it, as above);
    - only the pictures, scaled straight into their tiles, when the shown attention array is
      another one (the tab makes a new array for every timeline position and keeps it while
      the position holds). Nothing else is drawn over a tile's picture.
    """

    def __init__(self) -> None:
        self.surface: pygame.Surface | None = None
        self.base_key: tuple | None = None
        self.looks: dict = {}  # (layer, head) -> (caption text, selected) as drawn
        self.cells: dict = {}  # (layer, head) -> its grid cell on the surface
        self.by_cell = False  # every tile's drawing stayed in its cell: redraw tiles alone
        self.drawn: object = None  # the attention array shown (held, so `is` is safe)
        self.rebuilds = {"all": 0, "tiles": 0, "pictures": 0}  # for tests and profiles

    def draw(self, surface, theme, region: pygame.Rect, rect: pygame.Rect, frame: CinemaFrame):
        """Paint region (bg, and the overview of rect inside it); returns the tile rects."""
        assert frame.attention is not None  # the empty states are drawn directly
        tiles = overview_tiles(rect, theme, frame)
        shifted = moved(tiles, (-region.x, -region.y))
        key = base_key(theme, region, rect, frame, surface)
        looks = tile_looks(tiles, frame)
        if key != self.base_key or self.surface is None:
            self.surface = reuse(self.surface, region.size, surface)
            self._draw_all(theme, shifted, frame)
            self.base_key = key
        elif looks != self.looks:
            changed = {head: shifted[head] for head in tiles if looks[head] != self.looks[head]}
            if not (self.by_cell and self._draw_tiles(theme, changed, frame)):
                self._draw_all(theme, shifted, frame)
        self.looks = looks
        if frame.attention is not self.drawn:
            paint_pictures(self.surface, frame.attention, shifted)
            self.drawn = frame.attention
            self.rebuilds["pictures"] += 1
        surface.blit(self.surface, region.topleft)
        return tiles

    def _draw_all(self, theme, tiles: dict, frame: CinemaFrame) -> None:
        """Background and every tile's labels; the pictures follow (self.drawn is reset)."""
        assert self.surface is not None
        self.surface.fill(theme.colour["bg"])
        boxes = draw_tile_labels(self.surface, theme, tiles, frame)
        self.cells = {head: tile_cell(tile, theme) for head, tile in tiles.items()}
        self.by_cell = all(self.cells[head].contains(box) for head, box in boxes.items())
        self.drawn = None
        self.rebuilds["all"] += 1

    def _draw_tiles(self, theme, tiles: dict, frame: CinemaFrame) -> bool:
        """Clear and draw these tiles in their cells; False (and some drawn) if one's drawing
        now reaches past its cell, so the caller draws everything."""
        assert self.surface is not None and frame.attention is not None
        for head, tile in tiles.items():
            cell = self.cells[head]
            clear(self.surface, cell, theme.colour["bg"])
            if not cell.contains(draw_tile_label(self.surface, theme, tile, head, frame)):
                return False
        if frame.attention is self.drawn:  # the fills cleared these pictures
            paint_pictures(self.surface, frame.attention, tiles)
        self.rebuilds["tiles"] += 1
        return True


def base_key(theme, region, rect, frame: CinemaFrame, surface) -> tuple:
    """Everything the whole overview's layout and labels are drawn from but the captions and
    the selection (tile_looks)."""
    return (
        tuple(region), tuple(rect), theme.size, theme.scale, format_of(surface),
        getattr(frame.attention, "shape", None), frame.probe,
    )  # fmt: skip


def tile_looks(tiles: dict, frame: CinemaFrame) -> dict:
    """(layer, head) -> what its labels show that can change: its caption, whether chosen."""
    captions = frame.captions
    return {
        head: (captions[head].text if head in captions else None, head == frame.selected)
        for head in tiles
    }


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
