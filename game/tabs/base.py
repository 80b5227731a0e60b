"""The Tab interface every dashboard tab implements, and the context it is built with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.background import Background
from game.exports import Exports
from game.keys import Binding, KeyMap
from game.sessions import Session, Sessions
from game.tabs import session_controls
from game.theme import Theme


@dataclass
class AppContext:
    """What the app hands every scene and tab."""

    theme: Theme
    sessions: Sessions
    toast: Callable[[str, str], None]
    datasets: list | None = None  # DatasetInfo rows; None lists the bundled corpora
    training: dict = field(default_factory=dict)  # session_config keyword arguments
    background: Background = field(default_factory=Background)  # slow work off the frame loop
    exports: Exports | None = None  # every file the exhibit writes goes through it
    keys: KeyMap = field(default_factory=lambda: KeyMap([]))  # the app's table, remaps applied

    def __post_init__(self) -> None:
        if self.exports is None:  # the default folder, paths.exports_dir()
            self.exports = Exports(None, self.toast, self.background)

    @property
    def manager(self):
        return self.sessions.manager


class Tab:
    """A dashboard page; it stays alive while hidden, so its training never stops.

    Actions from the key table run the method `do_<action>` (`do_speed("2x")` for "speed:2x").
    """

    id = "tab"
    title = "Tab"
    key = "0"
    bindings: list[Binding] = []
    session_controls = True  # Space, S and the speed keys act on followed()
    speed: str | None = None  # the speed chosen for the next session this tab starts
    # Session id -> the binding whose key restarts it after a crash, for the app's error toast
    # (sessions not named here restart with Space).
    restart_bindings: dict[str, str] = {}
    # True when draw() paints every pixel of its rect, so the dashboard need not fill it first.
    opaque = False

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.theme = ctx.theme

    def enter(self) -> None:
        pass

    def exit(self) -> None:
        pass

    def close(self) -> None:
        """The app is closing: end anything the tab started outside the session manager."""

    def reset(self) -> None:
        """Forget everything a visitor did here (text, files, choices, results): the idle reset.

        The app has already stopped every session. Each tab overrides this; a test checks it.
        """

    def handle_action(self, action: str) -> bool:
        name, _, argument = action.partition(":")
        handler = getattr(self, f"do_{name}", None)
        if handler is None:
            return False
        handler(argument) if argument else handler()
        return True

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        pass

    # ------------------------------------------------------------------ the session shown

    def followed(self) -> Session | None:
        """The session this tab shows, which Space, S and the speed keys act on."""
        return self.ctx.sessions.get(self.id)

    def start_training(self) -> None:
        """Space with nothing running: tabs that can train start their own session here."""

    def do_play_pause(self) -> None:
        session_controls.play_pause(self)

    def do_step(self) -> None:
        session_controls.step(self)

    def do_speed(self, speed: str) -> None:
        session_controls.set_speed(self, speed)

    def key_label(self, binding_id: str, first: bool = False) -> str:
        """The key bound to a row of the table now (remaps included), for hints and captions."""
        return self.ctx.keys.label(binding_id, first)
