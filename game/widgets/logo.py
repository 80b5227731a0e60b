"""The LLMBreaker word mark: bold text filled with the blue-to-cyan gradient."""

from __future__ import annotations

import pygame

from game.theme import Theme, mix

_cache: dict[tuple, pygame.Surface] = {}


def gradient_text(theme: Theme, text: str, size: str | int) -> pygame.Surface:
    """Text in a horizontal blue -> cyan gradient, cached per size."""
    key = (text, theme.font_px(size))
    surface = _cache.get(key)
    if surface is None:
        white = theme.font(size, bold=True).render(text, True, (255, 255, 255)).convert_alpha()
        gradient = pygame.Surface(white.get_size(), pygame.SRCALPHA)
        width = max(1, white.get_width() - 1)
        for x in range(white.get_width()):
            colour = mix(theme.colour["blue"], theme.colour["cyan"], x / width)
            pygame.draw.line(gradient, (*colour, 255), (x, 0), (x, white.get_height()))
        white.blit(gradient, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        surface = _cache[key] = white
    return surface
