"""Idle reset and the attract tour: wipe what a visitor left, then show the exhibit off by itself.

The tour drives the app only through its key table: every action it takes is a key the table
binds to that action, handed to the same `App.handle_key` a visitor's key goes through.
"""

from __future__ import annotations

import logging

import pygame

from game.keys import GLOBAL, key_event
from game.tabs.placeholder import PlaceholderTab
from game.tour import LANDING, TOUR_STEPS, Tour, TourStep, fill
from game.widgets.tour_caption import TourCaption

log = logging.getLogger(__name__)

NAVIGATION_TRIES = 6  # frames the tour keeps pressing keys to reach a step's tab
LABEL_SCOPES = ("session", "dashboard", "landing", GLOBAL)  # "session": keys every tab shares


class Attract:
    """Owned by the app: counts nothing itself (the app's idle clock), acts when it runs out."""

    def __init__(self, app, enabled=True, corpus="shakespeare", speed="2x", steps=None) -> None:
        self.app = app
        self.enabled = enabled  # False: the idle reset still happens, the landing stays still
        self.corpus, self.speed = corpus, speed
        self.steps: list[TourStep] = list(TOUR_STEPS if steps is None else steps)
        self.tour: Tour | None = None
        self.queue: list[str] = []
        self.caption = TourCaption(app.theme)
        self.resets = 0
        self._tries = 0

    @property
    def touring(self) -> bool:
        return self.tour is not None

    # ------------------------------------------------------------------ idle and visitors

    def update(self, dt: float) -> None:
        app = self.app
        if self.tour is None:
            if app.idle_timeout and app.idle > app.idle_timeout:
                self.idle_reset()
            return
        if self.tour.update(dt):
            self._arrive(self.tour)
        elif self.queue:
            self._run(self.queue.pop(0))

    def idle_reset(self) -> None:
        """Nobody pressed a key for the idle timeout: fresh exhibit, then the tour if enabled."""
        stopped = self.app.reset_visitor()
        self.resets += 1
        log.info("idle reset after %.0f s: %d session(s) stopped", self.app.idle, len(stopped))
        self.app.idle = 0.0
        if self.enabled:
            self.start()

    def start(self) -> None:
        steps = [step for step in self.steps if self.can_show(step.tab)]
        self.tour = tour = Tour(steps)
        log.info("tour started: %d steps, %.0f s a loop", len(steps), tour.loop_seconds)
        self._arrive(tour)

    def end(self) -> None:
        """A visitor pressed a key: the tour stops and everything it started is wiped."""
        loops = self.tour.loops if self.tour else 0
        self.tour, self.queue = None, []
        stopped = self.app.reset_visitor()
        log.info("tour ended by a visitor after %d loop(s); %d session(s) stopped",
                 loops, len(stopped))  # fmt: skip

    def can_show(self, tab_id: str) -> bool:
        if tab_id == LANDING:
            return True
        dashboard = self.app.dashboard
        index = dashboard.tab_index(tab_id)
        return index is not None and not isinstance(dashboard.tabs[index], PlaceholderTab)

    # ------------------------------------------------------------------ steps

    def _arrive(self, tour: Tour) -> None:
        if tour.index == 0 and tour.loops:
            stopped = self.app.reset_visitor()  # every loop starts afresh: nothing piles up
            log.info("tour loop %d done; %d session(s) stopped", tour.loops, len(stopped))
        step = tour.step
        actions = [a.format(corpus=self.corpus, speed=self.speed) for a in step.actions]
        self.queue = [f"goto:{step.tab}", *actions]
        self._tries = NAVIGATION_TRIES

    def _run(self, action: str) -> None:
        """One action a frame, so each key lands after the last one took effect."""
        kind, _, argument = action.partition(":")
        if kind == "goto":
            if not self._at(argument) and self._tries > 0:
                self._tries -= 1
                self._navigate(argument)
                self.queue.insert(0, action)
        elif kind == "type":
            self.app.scene.handle_event(pygame.event.Event(pygame.TEXTINPUT, text=argument))
        elif kind == "choose":
            self._choose(argument, action)
        else:
            self.press(action)

    def _at(self, tab_id: str) -> bool:
        scene = self.app.scene
        if tab_id == LANDING:
            return scene.name == LANDING
        return scene.name == "dashboard" and scene.tab.id == tab_id

    def _navigate(self, tab_id: str) -> None:
        app = self.app
        if tab_id == LANDING:
            self.press("back")
        elif app.scene.name == LANDING:
            self.press("launch")
        else:
            index = app.dashboard.tab_index(tab_id)
            self.press(f"tab:{app.dashboard.tabs[index].key}")

    def _choose(self, name: str, action: str) -> None:
        """Press the picker's keys until the named corpus is chosen (skipped if it is missing)."""
        picker = getattr(self.app.scene.tab, "picker", None) if self._on_dashboard() else None
        names = [entry.name for entry in picker.entries if entry.available] if picker else []
        if picker is None or name not in names or picker.selected.name == name:
            if name not in names:
                log.warning("tour corpus %s is not available; training the one shown", name)
            return
        self.press("pick:1")
        self.queue.insert(0, action)

    def _on_dashboard(self) -> bool:
        return self.app.scene.name == "dashboard"

    def press(self, action: str) -> None:
        """Press the key the key table binds to `action` in the current scene."""
        app = self.app
        binding = app.keymap.binding_of(action, [*app.scene.scopes(), GLOBAL])
        if binding is None:
            log.warning("tour: no key runs %s here", action)
            return
        app.handle_key(key_event(binding.keys[0]))

    # ------------------------------------------------------------------ drawing

    def label_of(self, action: str) -> str | None:
        """The key label the table shows for an action, looked up in the step's tab first."""
        scopes = [self.tour.step.tab, *LABEL_SCOPES] if self.tour else list(LABEL_SCOPES)
        binding = self.app.keymap.binding_of(action, scopes)
        return binding.label if binding else None

    def draw(self, surface: pygame.Surface) -> None:
        if self.tour is None:
            return
        step = self.tour.step
        self.caption.draw(surface, step.title, step.caption, fill(step.try_it, self.label_of),
                          self.tour.progress)  # fmt: skip
