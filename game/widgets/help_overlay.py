"""The help overlay: the whole key table, grouped by scope, generated from the table itself."""

from __future__ import annotations

import pygame

from game.keys import SCOPE_TITLES, Binding, KeyMap
from game.theme import Theme

# (font size, columns) tried in order until every row fits on the screen.
LAYOUTS = (("sm", 2), ("sm", 3), ("xs", 3), ("xs", 4), ("xs", 5))


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

    def _lines(self) -> list[tuple[str, str | Binding]]:
        """("title", scope) and ("row", binding) in table order."""
        lines: list[tuple[str, str | Binding]] = []
        for scope, rows in self.keymap.grouped():
            lines.append(("title", scope))
            lines += [("row", binding) for binding in rows]
        return lines

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        if not self.visible:
            return
        theme = self.theme
        if self._shade is None or self._shade.get_size() != rect.size:
            self._shade = pygame.Surface(rect.size, pygame.SRCALPHA)
            self._shade.fill((*theme.colour["bg"], 230))
        surface.blit(self._shade, rect.topleft)
        box = rect.inflate(-theme.px(10), -theme.px(6))
        inner = theme.panel(surface, box, "Keys  ·  F1 or ? to close")
        lines = self._lines()
        size, columns, per_column, key_ws = self._fit(lines, inner)
        col_w = inner.w // columns
        row_h = inner.h // per_column
        self.drawn_rows = []
        clip = surface.get_clip()
        for index, (_kind, item) in enumerate(lines):
            column, slot = divmod(index, per_column)
            x, y = inner.x + column * col_w, inner.y + slot * row_h
            surface.set_clip(pygame.Rect(x, y, col_w - theme.px(2), row_h))
            if isinstance(item, str):  # a scope's title
                title = self.scope_titles.get(item, item.title())
                surface.blit(theme.text(title, size, "cyan", bold=True), (x, y))
                continue
            surface.blit(theme.text(item.label, size, "light", mono=True, bold=True), (x, y))
            surface.blit(theme.text(item.description, size, "text2"), (x + key_ws[column], y))
            self.drawn_rows.append((item.scope, item.label, item.description))
        surface.set_clip(clip)

    def _fit(self, lines, inner: pygame.Rect):
        """The first layout whose rows fit the height and whose descriptions fit their column."""
        theme = self.theme
        for size, columns in LAYOUTS:
            row_h = theme.font(size).get_linesize() + theme.px(0.25)
            per_column = max(1, inner.h // row_h)
            if len(lines) > columns * per_column:
                continue
            col_w = inner.w // columns
            key_ws, fits = [], True
            for column in range(columns):
                chunk = [
                    item
                    for _kind, item in lines[column * per_column :][:per_column]
                    if isinstance(item, Binding)
                ]
                key_w = self._key_width(chunk, size) + theme.px(2)
                desc_font = theme.font(size)
                widest = max((desc_font.size(b.description)[0] for b in chunk), default=0)
                fits = fits and key_w + widest <= col_w - theme.px(2)
                key_ws.append(key_w)
            if fits:
                break
        return size, columns, per_column, key_ws

    def _key_width(self, bindings, size: str) -> int:
        font = self.theme.font(size, mono=True, bold=True)
        return max((font.size(b.label)[0] for b in bindings), default=0)
