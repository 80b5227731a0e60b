"""The help overlay: contextual, from the key table, and every line fits its box at every size."""

import itertools

import pygame
import pytest

from game.keys import GLOBAL, SESSION
from game.theme import Theme
from game.widgets.help_overlay import HelpOverlay

# From the smallest window anyone should meet to 4K; the tiny ones must degrade, not raise.
SIZES = [(800, 200), (1280, 230), (1024, 600), (1280, 720), (1366, 768), (1920, 1080),
         (2560, 1440), (3840, 2160)]  # fmt: skip
READABLE = [(1280, 720), (1366, 768), (1920, 1080), (2560, 1440), (3840, 2160)]


def contexts(pilot):
    """(name, scopes) of the landing and of every tab, as the app opens the overlay."""
    pilot.press("enter", frames=2)
    found = [("landing", ["landing", GLOBAL])]
    for tab in pilot.app.dashboard.tabs:
        pilot.app.dashboard.select(tab.key)
        found.append((tab.id, [*pilot.app.dashboard.scopes(), GLOBAL]))
    return found


def expected_rows(keymap, scopes):
    return sorted(
        (b.scope, b.label, b.description) for _, rows in keymap.grouped(scopes) for b in rows
    )


def draw_every_page(app, size, scopes):
    """Draw each page at this window size; returns (overlay, [drawn lines per page])."""
    overlay = HelpOverlay(Theme(size), app.keymap, app.help.scope_titles)
    overlay.open(scopes)
    surface = pygame.Surface(size)
    pages, page = [], 0
    while True:
        overlay.page = page
        overlay.draw(surface, surface.get_rect())
        pages.append((list(overlay.drawn), list(overlay.drawn_rows)))
        page += 1
        if page >= overlay.pages:
            return overlay, pages


def test_every_line_fits_its_box_at_every_size(pilot):
    for (name, scopes), size in itertools.product(contexts(pilot), SIZES):
        _, pages = draw_every_page(pilot.app, size, scopes)
        screen = pygame.Rect((0, 0), size)
        for drawn, _ in pages:
            assert drawn, f"{name} at {size}: nothing drawn"
            for text, box, rendered in drawn:
                assert rendered.w <= box.w and rendered.h <= box.h, (name, size, text, box)
                assert screen.contains(rendered), (name, size, text)
            for (a, _, ra), (b, _, rb) in itertools.combinations(drawn, 2):
                assert not ra.colliderect(rb), f"{name} at {size}: {a!r} overlaps {b!r}"


def test_every_row_is_shown_in_full_where_the_window_is_readable(pilot):
    for (name, scopes), size in itertools.product(contexts(pilot), READABLE):
        overlay, pages = draw_every_page(pilot.app, size, scopes)
        shown = sorted(row for _, rows in pages for row in rows)
        assert shown == expected_rows(pilot.app.keymap, scopes), (name, size)
        assert overlay.pages == 1, f"{name} at {size} needs {overlay.pages} pages"
        # every description is drawn whole, across its wrapped lines
        words = " ".join(text for text, _, _ in pages[0][0]).split()
        for _, _, description in shown:
            assert " ".join(description.split()) in " ".join(words), (name, size, description)


def test_a_tiny_window_pages_or_says_it_is_too_small(pilot):
    scopes = dict(contexts(pilot))["attention"]  # the longest list
    overlay, pages = draw_every_page(pilot.app, (800, 200), scopes)
    shown = sorted(row for _, rows in pages for row in rows)
    assert overlay.pages > 1 and shown == expected_rows(pilot.app.keymap, scopes)
    _, pages = draw_every_page(pilot.app, (300, 60), scopes)
    assert "larger" in " ".join(text for text, _, _ in pages[0][0])


def test_help_lists_the_tab_keys_first_then_the_global_ones(pilot):
    pilot.press("enter", frames=2)
    pilot.press("2")
    pilot.press("f1")
    help_overlay = pilot.app.help
    scopes = [row[0] for row in help_overlay.drawn_rows]
    assert scopes[0] == "attention"
    assert scopes.index(SESSION) < scopes.index(GLOBAL)
    assert "watch" not in scopes and "decode" not in scopes
    pilot.press("f1")
    assert not help_overlay.visible


def test_help_on_the_landing_does_not_build_the_dashboard(pilot):
    pilot.press("f1")
    assert pilot.app.help.visible
    assert {row[0] for row in pilot.app.help.drawn_rows} == {"landing", GLOBAL}
    assert "dashboard" not in pilot.app.scenes  # nothing heavy was built for the overlay
    pilot.press("escape")
    assert not pilot.app.help.visible


@pytest.mark.parametrize("key", ["right", "pagedown"])
def test_help_pages_turn_with_the_table_keys(make_pilot, key):
    pilot = make_pilot()
    pygame.display.set_mode((800, 200))
    pilot.app.inject(pygame.event.Event(pygame.VIDEORESIZE, w=800, h=200, size=(800, 200)))
    pilot.press("enter", frames=2)
    pilot.press("2")  # the longest list
    pilot.press("f1")
    first = list(pilot.app.help.drawn_rows)
    assert pilot.app.help.pages > 1
    pilot.press(key)
    assert pilot.app.help.visible and pilot.app.help.drawn_rows != first
