"""The Tab interface every dashboard tab implements, and the context it is built with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.background import Background
from game.exports import Exports
from game.keys import Binding
from game.sessions import Sessions
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
    exports: Exports = field(init=False)  # every file the exhibit writes goes through it

    def __post_init__(self) -> None:
        self.exports = Exports(None, self.toast, self.background)  # paths.exports_dir()

    @property
    def manager(self):
        return self.sessions.manager


class Tab:
    """A dashboard page; it stays alive while hidden, so its training never stops."""

    id = "tab"
    title = "Tab"
    key = "0"
    bindings: list[Binding] = []

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.theme = ctx.theme

    def enter(self) -> None:
        pass

    def exit(self) -> None:
        pass

    def reset(self) -> None:
        """Forget everything a visitor did here (text, files, choices, results): the idle reset.

        The app has already stopped every session. Each tab overrides this; a test checks it.
        """

    def handle_action(self, action: str) -> bool:
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        pass
