"""The help overlay: the keys of the current screen first, then the global ones, from the table."""

from __future__ import annotations

import pygame

from game.keys import HELP, SCOPE_TITLES, KeyMap
from game.text_fit import wrap
from game.theme import Theme
from game.widgets.help_layout import HelpLayout, layout_help, line_height

STYLES = {
    "title": ("cyan", False, True),
    "key": ("light", True, True),
    "description": ("text2", False, False),
    "header": ("text", False, True),
    "footer": ("dim", False, False),
}


class HelpOverlay:
    """Shown over any scene; lists the bindings of the scopes it was opened with."""

    def __init__(self, theme: Theme, keymap: KeyMap, scope_titles: dict[str, str]) -> None:
        self.theme = theme
        self.keymap = keymap
        self.scope_titles = {**SCOPE_TITLES, **scope_titles}
        self.visible = False
        self.scopes: list[str] = []
        self.page = 0
        self.pages = 1
        self.drawn_rows: list[tuple[str, str, str]] = []  # (scope, key label, description)
        self.drawn: list[tuple[str, pygame.Rect, pygame.Rect]] = []  # (text, box, text's rect)
        self._shade: pygame.Surface | None = None
        self._layout: tuple[tuple, HelpLayout | None] | None = None

    def open(self, scopes: list[str]) -> None:
        """Show the keys of these scopes, most specific first."""
        self.scopes = [s for s in scopes if s != HELP]
        self.visible, self.page = True, 0

    def close(self) -> None:
        self.visible = False

    def turn(self, pages: int) -> None:
        self.page = (self.page + pages) % max(1, self.pages)

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def groups(self) -> list[tuple[str, str, list]]:
        return [
            (scope, self.scope_titles.get(scope, scope.title()), rows)
            for scope, rows in self.keymap.grouped(self.scopes)
        ]

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        if not self.visible:
            return
        theme = self.theme
        if self._shade is None or self._shade.get_size() != rect.size:
            self._shade = pygame.Surface(rect.size, pygame.SRCALPHA)
            self._shade.fill((*theme.colour["bg"], 235))
        surface.blit(self._shade, rect.topleft)
        self.drawn, self.drawn_rows = [], []
        box = rect.inflate(-2 * min(theme.px(6), rect.w // 20), -2 * min(theme.px(4), rect.h // 20))
        pygame.draw.rect(surface, theme.colour["panel"], box, border_radius=theme.px(1.5))
        inner = box.inflate(-2 * theme.px(2.5), -2 * theme.px(2))
        layout = self._fitted(inner)
        if layout is None:
            self._too_small(surface, inner)
            return
        body = self._body(inner)
        self.pages = len(layout.pages)
        self.page %= self.pages
        page = layout.pages[self.page]
        size = layout.size
        header = f"Keys  ·  {self.keymap.label('help')} closes"
        self._line(surface, "header", header, inner.topleft, inner.w, size)
        for placed in page.lines:
            self._line(surface, placed.kind, placed.text, placed.box.topleft, placed.box.w, size)
        if self.pages > 1:
            turn = self.keymap.label("help_next")
            footer = f"Page {self.page + 1} of {self.pages}  ·  {turn}: next page"
            self._line(surface, "footer", footer, (inner.x, body.bottom + theme.px(1)), inner.w,
                       layout.size)  # fmt: skip
        self.drawn_rows = list(page.rows)

    def _body(self, inner: pygame.Rect) -> pygame.Rect:
        """The inner area less a header line above and a footer line below."""
        margin = line_height(self.theme, "base") + self.theme.px(1)
        return pygame.Rect(inner.x, inner.y + margin, inner.w, max(0, inner.h - 2 * margin))

    def _fitted(self, inner: pygame.Rect) -> HelpLayout | None:
        """The layout for this size and these scopes, worked out once and reused every frame."""
        key = (inner.size, tuple(self.scopes), len(self.keymap.bindings), self.theme.unit)
        if self._layout is None or self._layout[0] != key:
            body = self._body(inner)
            layout = layout_help(self.theme, self.groups(), body) if body.h > 0 else None
            self._layout = (key, layout)
        return self._layout[1]

    def _line(self, surface, kind: str, text: str, topleft, width: int, size: str) -> None:
        """Draw one line if it fits its box (it always should; the test checks it does)."""
        colour, mono, bold = STYLES[kind]
        label = self.theme.text(text, size, colour, mono=mono, bold=bold)
        box = pygame.Rect(topleft, (width, line_height(self.theme, size)))
        if label.get_width() > width:  # a header in a very narrow window: leave it out
            return
        surface.blit(label, topleft)
        self.drawn.append((text, box, label.get_rect(topleft=topleft)))

    def _too_small(self, surface, inner: pygame.Rect) -> None:
        """A window too small for any layout: say so, in as many lines as fit."""
        font, line_h = self.theme.font("xs"), line_height(self.theme, "xs")
        message = f"Make the window larger to read the keys ({self.keymap.label('fullscreen')}: " \
                  f"full screen, {self.keymap.label('help')} closes)."  # fmt: skip
        y = inner.y
        for line in wrap(font, message, inner.w):
            if y + line_h > inner.bottom:
                break
            self._line(surface, "description", line, (inner.x, y), inner.w, "xs")
            y += line_h
