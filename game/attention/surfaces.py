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


_PLAIN: dict[tuple, pygame.Surface] = {}


def clear(target: pygame.Surface, rect: pygame.Rect, colour) -> None:
    """Paint rect of target in one colour, as target.fill(colour, rect) does, but by copying
    from a kept plain surface: SDL fills a rect narrower than its surface pixel by pixel (a
    332 x 426 tile cell 0.17 ms, measured), and copies it row by row (0.03 ms)."""
    key = (tuple(colour), format_of(target))
    plain = _PLAIN.get(key)
    if plain is None or plain.get_width() < rect.w or plain.get_height() < rect.h:
        width, height = rect.size
        if plain is not None:
            width, height = max(width, plain.get_width()), max(height, plain.get_height())
        plain = pygame.Surface((width, height), 0, target)
        plain.fill(colour)
        _PLAIN[key] = plain
    target.blit(plain, rect, pygame.Rect(0, 0, rect.w, rect.h))
