"""Idle reset and the attract tour, driven by the pilot on a fake clock with real workers."""

import importlib
import multiprocessing as mp

import pygame
from game_helpers import stepping, watch_state

from game.tabs import TAB_MODULES
from game.tabs.base import Tab
from game.tour import LANDING, PLACEHOLDER, TOUR_STEPS

STEP = 0.5  # seconds of fake clock per frame while waiting out timeouts and tour steps


def _type(pilot, text: str) -> None:
    pilot.app.inject(pygame.event.Event(pygame.TEXTINPUT, text=text))
    pilot.frames(1)


def _visitor_everywhere(pilot, tmp_path) -> int:
    """Train in Watch It Learn, drop a file, type in Style and Decode; returns the worker pid."""
    pilot.press("enter", frames=2)
    pilot.press("space")
    assert pilot.until(lambda: stepping(pilot), 90)
    mine = tmp_path / "diary.txt"
    mine.write_text("Dear diary, today I walked the dog along the river. " * 10, encoding="utf-8")
    pilot.drop(mine)
    pilot.press("3", "e", frames=2)
    _type(pilot, "My secret letter to nobody in particular")
    assert "secret" in pilot.tab.box.text
    pilot.press("escape", "4", "e", frames=2)
    _type(pilot, "private prompt")
    assert pilot.tab.box.text == "private prompt"
    pilot.press("escape")
    return pilot.app.sessions.manager.pid("watch")


def test_idle_reset_stops_every_session_and_wipes_visitor_text(pilot, tmp_path):
    app = pilot.app
    worker = _visitor_everywhere(pilot, tmp_path)
    app.idle_timeout, app.attract.enabled = 10.0, False
    pilot.frames(round(9 / STEP), STEP)
    assert pilot.scene.name == "dashboard"  # 9 s without a key: not yet
    pilot.frames(round(2 / STEP), STEP)

    assert pilot.scene.name == "landing" and app.attract.resets == 1
    assert app.sessions.by_id == {} and not app.sessions.manager.is_alive("watch")
    tabs = {tab.id: tab for tab in app.dashboard.tabs}
    assert tabs["style"].box.text == "" and tabs["style"].result is None
    assert tabs["decode"].box.text == "" and tabs["decode"].source.text == ""
    assert [e.title for e in tabs["watch"].picker.entries if e.text] == []  # the file is gone
    assert tabs["watch"].chart.checkpoints == [] and app.dashboard.active == 0
    assert pilot.until(lambda: worker not in [p.pid for p in mp.active_children()], 30)
    pilot.press("enter", frames=2)  # the next visitor starts clean
    assert pilot.tab.id == "watch" and watch_state(pilot) is None


def _tour_pilot(make_pilot):
    pilot = make_pilot(speed="max", max_iters=200)
    pilot.app.idle_timeout = 10.0
    pilot.frames(round(11 / STEP), STEP)
    assert pilot.app.attract.touring
    return pilot


def _where(pilot) -> str:
    return pilot.tab.id if pilot.scene.name == "dashboard" else pilot.scene.name


def test_tour_visits_every_tab_with_captions_and_loops(make_pilot):
    pilot = _tour_pilot(make_pilot)
    tour = pilot.app.attract.tour
    shown = [step.tab for step in tour.steps]
    assert shown[:5] == [LANDING, "watch", "attention", "style", "decode"]
    visits, captions, trained, typed = [], set(), False, ""
    while tour.loops < 2:
        pilot.frames(1, STEP)
        where = _where(pilot)
        if not visits or visits[-1] != where:
            visits.append(where)
        captions.update(text for text, _ in pilot.app.attract.caption.drawn)
        if where == "watch" and not trained:  # let the real worker catch up with the fake clock
            trained = pilot.until(lambda: (s := watch_state(pilot)) and s.step > 0, 90, dt=0.001)
        if where == "decode":
            typed = typed or pilot.tab.source.base
    assert visits[: len(shown)] == shown  # every tab, in order
    assert visits[len(shown) : 2 * len(shown)] == shown  # and again: it loops
    assert trained, "the tour trains a model"
    assert typed == "The ", "the tour typed a prompt into Decode Live"
    assert "Try it: Space starts or pauses, ↑ ↓ choose the book" in captions
    assert "Try it: press 2, then Tab / V / Enter to see one head up close" in captions
    assert pilot.app.idle > 60  # the tour's own keys are not a visitor's


def test_any_key_ends_the_tour_and_acts_on_a_fresh_dashboard(make_pilot):
    pilot = _tour_pilot(make_pilot)
    app = pilot.app
    while _where(pilot) != "decode" or not app.dashboard.tabs[3].box.text:
        pilot.frames(1, STEP)  # the tour trained, loaded a Style example and typed a prompt
    assert app.sessions.by_id
    pilot.press("2", frames=2)
    assert not app.attract.touring
    assert app.sessions.by_id == {}  # the tour's session is gone
    assert _where(pilot) == "attention"  # the key did what it says on the fresh dashboard
    tabs = {tab.id: tab for tab in app.dashboard.tabs}
    assert tabs["style"].box.text == "" and tabs["decode"].box.text == ""
    pilot.frames(round(8 / STEP), STEP)
    assert not app.attract.touring and _where(pilot) == "attention"  # the timer started over


def test_escape_ends_the_tour_on_the_landing(make_pilot):
    pilot = _tour_pilot(make_pilot)
    pilot.frames(round(10 / STEP), STEP)
    assert _where(pilot) == "watch"
    pilot.press("escape", frames=2)
    assert not pilot.app.attract.touring and _where(pilot) == LANDING


def test_every_tab_can_forget_its_visitor():
    for module_name, *_ in TAB_MODULES:
        tab_class = importlib.import_module(module_name).TAB
        assert tab_class.reset is not Tab.reset, f"{module_name} needs reset()"


def test_tour_steps_use_only_keys_from_the_table(pilot):
    app = pilot.app
    tab_ids = {tab.id for tab in app.dashboard.tabs}
    for step in TOUR_STEPS:
        if not app.attract.can_show(step.tab):
            continue
        assert step.tab == LANDING or step.tab in tab_ids
        scopes = [step.tab, "session", "dashboard", "landing", "global"]
        for name in PLACEHOLDER.findall(step.try_it):
            assert app.keymap.binding_of(name, scopes), f"{step.tab}: no key for {{{name}}}"
        for action in step.actions:
            kind = action.partition(":")[0]
            if kind not in ("type", "choose") and "{" not in action:
                assert app.keymap.binding_of(action, scopes), f"{step.tab}: no key for {action}"
