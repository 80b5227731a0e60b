"""The rendered-text cache drops the line drawn longest ago, never the whole screen's lines."""

import pygame

from game import theme as theme_module
from game.theme import Theme


def test_a_full_cache_keeps_the_lines_still_on_screen(monkeypatch):
    pygame.font.init()
    monkeypatch.setattr(theme_module, "TEXT_CACHE_LIMIT", 50)
    theme = Theme((1280, 720))
    on_screen = [theme.text(f"label {i}") for i in range(10)]
    for typed in range(200):  # a visitor types: every keystroke is a new line of text
        theme.text(f"prompt so far {typed}")
        for i, label in enumerate(on_screen):  # the frame draws its labels again
            assert theme.text(f"label {i}") is label
    assert len(theme._texts) <= 50
