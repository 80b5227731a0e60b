"""The Scene interface: the app owns the loop, a scene asks for a switch via `next_scene`."""

from __future__ import annotations

import pygame

from game.tabs.base import AppContext


class Scene:
    """One full-window screen."""

    name = "scene"
    fps = 30  # frames a second the app draws while this scene shows

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.theme = ctx.theme
        self.next_scene: str | None = None

    def scopes(self) -> list[str]:
        """Key-table scopes that apply, most specific first (global is added by the app)."""
        return [self.name]

    def enter(self) -> None:
        self.next_scene = None

    def exit(self) -> None:
        pass

    def handle_action(self, action: str) -> bool:
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass
