"""A clear panel for a tab whose module is missing or failed to load."""

from __future__ import annotations

import pygame

from game.tabs.base import AppContext, Tab


class PlaceholderTab(Tab):
    """Says the tab is coming, or why it could not load; never crashes."""

    session_controls = False

    def __init__(
        self, ctx: AppContext, tab_id: str, title: str, key: str, reason: str = ""
    ) -> None:
        super().__init__(ctx)
        self.id, self.title, self.key = tab_id, title, key
        self.bindings = []
        self.reason = reason

    def reset(self) -> None:
        """Nothing a visitor can change here."""

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        box = rect.inflate(-theme.px(20), -theme.px(20))
        inner = theme.panel(surface, box)
        title = theme.text(f"{self.title} — coming soon", "xxl", "text", bold=True)
        surface.blit(title, title.get_rect(center=(inner.centerx, inner.centery - theme.px(4))))
        first = self.key_label("tab1")
        lines = ["This part of the exhibit is being built.", f"Press {first} to see a model learn."]
        if self.reason:
            lines.insert(1, self.reason[:120])
        y = inner.centery + theme.px(3)
        for line in lines:
            text = theme.text(line, "lg", "text2")
            surface.blit(text, text.get_rect(midtop=(inner.centerx, y)))
            y += text.get_height() + theme.px(1)
