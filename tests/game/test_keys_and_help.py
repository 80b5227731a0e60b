"""The key table drives dispatch and the help overlay lists every row of it."""

import pygame

from game.app import App
from game.keys import GLOBAL, Binding, KeyMap, event_key
from game.pilot import FakeClock, Pilot, key_event
from tests.game.conftest import SIZE, exhibit_datasets


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


def test_a_remap_applies_to_tab_keys_and_their_hints():
    remap = {"attention_view": "o", "play_pause": "k", "tab2": "w"}
    app = App(size=SIZE, clock=FakeClock(), datasets=exhibit_datasets(), remap=remap)
    try:
        pilot = Pilot(app, app.clock)
        pilot.press("enter", frames=2)
        pilot.press("2")
        assert pilot.tab.id == "watch"  # 2 no longer opens the cinema
        pilot.press("w")
        assert pilot.tab.id == "attention" and not pilot.tab.detail
        pilot.press("o")
        assert pilot.tab.detail  # a tab's own key, remapped
        assert pilot.tab.key_label("play_pause") == "K"  # hints read the remapped key
        pilot.press("space")
        assert pilot.tab.followed() is None  # Space is no longer the training key
        pilot.press("k")
        assert pilot.app.sessions.get("attention") is not None
    finally:
        app.close()


def test_page_keys_reach_tab_two(pilot):
    assert event_key(key_event("pageup")) == "pageup"
    pilot.press("enter", frames=2)
    pilot.press("2")
    assert pilot.app.keymap.action_for("pagedown", [pilot.tab.id]) == ("attention", "layer_next")


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
