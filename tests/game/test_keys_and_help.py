"""The key table drives dispatch and the help overlay lists every row of it."""

import pygame

from game.keys import GLOBAL, Binding, KeyMap, event_key
from game.pilot import key_event


def test_event_key_names():
    pygame.display.init()
    assert event_key(key_event("space")) == "space"
    assert event_key(key_event("?")) == "?"
    assert event_key(key_event("ctrl+q")) == "ctrl+q"
    assert event_key(key_event("right")) == "right"


def test_scopes_are_searched_in_order():
    table = KeyMap([Binding("r", "global_r", "", "g"), Binding("r", "tab_r", "", "t", "watch")])
    assert table.action_for("r", ["watch", GLOBAL]) == ("watch", "tab_r")
    assert table.action_for("r", [GLOBAL]) == (GLOBAL, "global_r")
    assert table.action_for("x", ["watch", GLOBAL]) is None


def test_comma_is_a_key_of_its_own():
    table = KeyMap([Binding(",", "back_one", "", "b", "t"), Binding("f1,?", "help", "", "h")])
    assert table.action_for(",", ["t"]) == ("t", "back_one")
    assert table.action_for("?", [GLOBAL]) == (GLOBAL, "help")


def test_remap_by_id():
    table = KeyMap([Binding("f1", "help", "Help", "help")], remap={"help": "h"})
    assert table.action_for("h", [GLOBAL]) == (GLOBAL, "help")


def test_help_overlay_lists_every_binding(pilot):
    pilot.press("enter", frames=2)
    pilot.press("?")
    help_overlay = pilot.app.help
    assert help_overlay.visible
    expected = [(b.scope, b.label, b.description) for b in pilot.app.keymap.bindings if b.show]
    assert sorted(help_overlay.drawn_rows) == sorted(expected)
    scopes = {b.scope for b in pilot.app.keymap.bindings}
    assert {"global", "landing", "dashboard", "watch"} <= scopes
    pilot.press("f1")
    assert not help_overlay.visible


def test_help_swallows_other_keys(pilot):
    pilot.press("f1")
    pilot.press("enter")
    assert pilot.scene.name == "landing"  # Enter did not launch under the overlay
    pilot.press("escape")
    assert not pilot.app.help.visible


def test_escape_returns_to_landing_and_quit_stops(pilot):
    pilot.press("enter", frames=2)
    pilot.press("escape", frames=2)
    assert pilot.scene.name == "landing"
    pilot.press("ctrl+q")
    assert not pilot.app.running


def test_resize_rescales_theme(pilot):
    pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
    pilot.app.inject(pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080)))
    pilot.frames(2)
    assert pilot.app.theme.unit == 8


def test_idle_timeout_returns_to_the_attract_screen(pilot):
    pilot.app.idle_timeout = 2.0
    pilot.press("enter", frames=2)
    pilot.frames(30)
    assert pilot.scene.name == "dashboard"
    pilot.frames(40)
    assert pilot.scene.name == "landing"
