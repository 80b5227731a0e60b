"""Surfaces the cinema keeps between frames, made again only when their size or format changes."""

from __future__ import annotations

import pygame


def reuse(
    kept: pygame.Surface | None, size: tuple[int, int], like: pygame.Surface
) -> pygame.Surface:
    """kept if it already has this size and like's pixel format (so blits are plain copies),
    else a new surface that does; its pixels are whatever they were: the caller paints it."""
    if kept is not None and kept.get_size() == tuple(size) and format_of(kept) == format_of(like):
        return kept
    return pygame.Surface(size, 0, like)


def format_of(surface: pygame.Surface) -> tuple:
    """What reuse() compares: a kept surface made for another format is made again."""
    return surface.get_bitsize(), surface.get_masks()
