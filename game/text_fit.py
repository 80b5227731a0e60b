"""Fit text to a width in pixels, measured with the font that will draw it."""

from __future__ import annotations

from functools import lru_cache

import pygame


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines no wider than width: breaks at spaces; inside a word only when it alone is wider."""
    return list(_wrapped(font, text, width))


@lru_cache(maxsize=4096)
def _wrapped(font: pygame.font.Font, text: str, width: int) -> tuple[str, ...]:
    """wrap()'s lines, remembered: views re-wrap the same captions every frame, and measuring
    them was a fifth of the Attention overview's frame (77 font measurements a frame)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.size(candidate)[0] <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while font.size(word)[0] > width and len(word) > 1:
            cut = _longest_prefix(font, word, width)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return tuple(lines)


def _longest_prefix(font: pygame.font.Font, word: str, width: int) -> int:
    """How many leading characters of word fit in width (at least one)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if font.size(word[:middle])[0] <= width:
            low = middle
        else:
            high = middle - 1
    return low


def fits(font: pygame.font.Font, text: str, width: int) -> bool:
    return font.size(text)[0] <= width
