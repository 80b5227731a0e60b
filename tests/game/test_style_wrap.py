"""The style panels' inline line breaks: what is shown, and where highlights and typing land."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

from game.style.side_by_side import SideBySide  # noqa: E402
from game.style.wrap import BREAK_MARK, one_block  # noqa: E402
from game.theme import Theme  # noqa: E402


def test_line_breaks_become_one_mark_and_offsets_follow_the_text():
    text = "Pancakes\n\nSift the flour.\n  Whisk."
    shown, where = one_block(text)
    assert shown == f"Pancakes{BREAK_MARK}Sift the flour.{BREAK_MARK}Whisk."
    assert len(where) == len(text) + 1 and where[-1] == len(shown)
    for word in ("Pancakes", "Sift the flour.", "Whisk."):  # every word keeps its letters
        start = text.index(word)
        assert shown[where[start] : where[start] + len(word)] == word
    # a typing limit inside the blank lines shows the title alone, no half mark
    assert shown[: where[text.index("\n") + 1]] == "Pancakes"


def test_text_without_breaks_is_shown_as_it_is():
    shown, where = one_block("no breaks here")
    assert shown == "no breaks here" and where == list(range(len(shown) + 1))


def test_an_after_text_that_opens_with_a_title_fills_both_rows_of_a_small_panel():
    pygame.init()
    theme = Theme((1280, 720))
    side = SideBySide(theme)
    side.set_texts("Some words of yours.", "Fluffy Pancakes\n\n\nThen the batter rests well.")
    side.update(60.0)  # typed out
    font = theme.font("sm", mono=True)
    rows = 2
    surface = pygame.Surface((font.size("M")[0] * 20, font.get_linesize() * rows))
    surface.fill((0, 0, 0))
    side.draw_generated(surface, surface.get_rect())
    second_row = pygame.Rect(0, font.get_linesize(), surface.get_width(), font.get_linesize())
    inked = pygame.mask.from_threshold(surface.subsurface(second_row), (0, 0, 0), (40, 40, 40, 255))
    assert inked.count() < second_row.w * second_row.h  # not all black: the text went on
