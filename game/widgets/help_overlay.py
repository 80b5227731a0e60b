"""The help overlay: the whole key table, grouped by scope, generated from the table itself."""

from __future__ import annotations

import pygame

from game.keys import SCOPE_TITLES, KeyMap
from game.theme import Theme


class HelpOverlay:
    """Shown over any scene; lists every visible binding of the key map."""

    def __init__(self, theme: Theme, keymap: KeyMap, scope_titles: dict[str, str]) -> None:
        self.theme = theme
        self.keymap = keymap
        self.scope_titles = {**SCOPE_TITLES, **scope_titles}
        self.visible = False
        self.drawn_rows: list[tuple[str, str, str]] = []  # (scope, key label, description)
        self._shade: pygame.Surface | None = None

    def toggle(self) -> None:
        self.visible = not self.visible

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        if not self.visible:
            return
        theme = self.theme
        if self._shade is None or self._shade.get_size() != rect.size:
            self._shade = pygame.Surface(rect.size, pygame.SRCALPHA)
            self._shade.fill((*theme.colour["bg"], 225))
        surface.blit(self._shade, rect.topleft)
        box = rect.inflate(-theme.px(16), -theme.px(10))
        inner = theme.panel(surface, box, "Keys  ·  F1 or ? to close")
        groups = self.keymap.grouped()
        columns = 2 if len(groups) > 2 else 1
        col_w = inner.w // columns
        key_w = theme.px(22)
        self.drawn_rows = []
        x, y, column = inner.x, inner.y, 0
        for scope, rows in groups:
            need = theme.px(5) + len(rows) * theme.px(4.5)
            if y + need > inner.bottom and column + 1 < columns:
                column += 1
                x, y = inner.x + column * col_w, inner.y
            title = theme.text(
                self.scope_titles.get(scope, scope.title()), "base", "cyan", bold=True
            )
            surface.blit(title, (x, y))
            y += title.get_height() + theme.px(1)
            for binding in rows:
                key = theme.text(binding.label, "sm", "light", mono=True, bold=True)
                text = theme.text(binding.description, "sm", "text2")
                surface.blit(key, (x + theme.px(1), y))
                surface.blit(text, (x + key_w, y))
                self.drawn_rows.append((scope, binding.label, binding.description))
                y += max(key.get_height(), text.get_height()) + theme.px(1)
            y += theme.px(2)
