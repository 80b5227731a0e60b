"""The dashboard: header, tab bar and the active tab; hidden tabs stay alive and keep training."""

from __future__ import annotations

import logging

import pygame

from game.keys import SESSION
from game.scenes.base import Scene
from game.tabs import build_tabs
from game.tabs.placeholder import PlaceholderTab
from game.widgets.header import Header

log = logging.getLogger(__name__)


class DashboardScene(Scene):
    name = "dashboard"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.header = Header(ctx.theme, ctx.sessions)
        self.tabs = build_tabs(ctx)
        self.active = 0

    @property
    def tab(self):
        return self.tabs[self.active]

    def scopes(self) -> list[str]:
        """The tab's own keys, then the training controls every tab shares, then the tab keys."""
        shared = [SESSION] if self.tab.session_controls else []
        return [self.tab.id, *shared, self.name]

    def enter(self) -> None:
        super().enter()
        self.tab.enter()

    def select(self, key: str) -> None:
        for index, tab in enumerate(self.tabs):
            if tab.key == key and index != self.active:
                self.tab.exit()
                self.active = index
                self.tab.enter()

    def close(self) -> None:
        for index, tab in enumerate(self.tabs):
            self._guarded(index, tab.close)

    def reset(self) -> None:
        """Every tab forgets its visitor; the next visitor starts on the first tab."""
        for index, tab in enumerate(self.tabs):
            self._guarded(index, tab.reset)
        self.active = 0

    def tab_index(self, tab_id: str) -> int | None:
        for index, tab in enumerate(self.tabs):
            if tab.id == tab_id:
                return index
        return None

    def handle_action(self, action: str) -> bool:
        if action.startswith("tab:"):
            self.select(action.split(":", 1)[1])
            return True
        if action == "back":
            self.next_scene = "landing"
            return True
        return bool(self._answered(self.tab.handle_action, action))

    def handle_event(self, event: pygame.event.Event) -> bool:
        return bool(self._answered(self.tab.handle_event, event))

    def update(self, dt: float) -> None:
        self.header.update(dt)
        for index, tab in enumerate(self.tabs):  # hidden tabs keep following their sessions
            self._guarded(index, tab.update, dt)

    def _answered(self, method, *args):
        """Run a key's handler; one that fails says so in a toast and the tab stays usable."""
        try:
            return method(*args)
        except Exception as exc:
            log.exception("tab %s: an action failed", self.tab.id)
            self.ctx.toast(f"{self.tab.title}: that did not work ({exc or type(exc).__name__})",
                           "error")  # fmt: skip
            return True

    def _guarded(self, index: int, method, *args):
        """Run a tab method; a tab that raises is swapped for a panel that says so."""
        try:
            return method(*args)
        except Exception as exc:
            log.exception("tab %s failed", self.tabs[index].id)
            tab = self.tabs[index]
            reason = f"Stopped after an error: {exc}"
            self.tabs[index] = PlaceholderTab(self.ctx, tab.id, tab.title, tab.key, reason)

    def layout(self, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        theme = self.theme
        header = pygame.Rect(rect.x, rect.y, rect.w, self.header.height())
        bar = pygame.Rect(rect.x, header.bottom, rect.w, theme.px(7))
        body = pygame.Rect(rect.x, bar.bottom, rect.w, rect.bottom - bar.bottom)
        return header, bar, body

    def draw(self, surface: pygame.Surface) -> None:
        header, bar, body = self.layout(surface.get_rect())
        area = body.inflate(-self.theme.px(6), -self.theme.px(4))
        if getattr(self.tab, "opaque", False):  # the tab paints its area: fill around it only
            fill_around(surface, self.theme.colour["bg"], surface.get_rect(), area)
        else:
            surface.fill(self.theme.colour["bg"])
        self.header.draw(surface, header)
        self._draw_tab_bar(surface, bar)
        self._guarded(self.active, self.tab.draw, surface, area)

    def _draw_tab_bar(self, surface, rect: pygame.Rect) -> None:
        theme = self.theme
        x = rect.x + theme.px(3)
        for index, tab in enumerate(self.tabs):
            active = index == self.active
            key = theme.text(tab.key, "sm", "cyan" if active else "dim", mono=True, bold=True)
            label = theme.text(tab.title, "base", "text" if active else "dim", bold=active)
            width = key.get_width() + theme.px(1.5) + label.get_width()
            y = rect.centery
            surface.blit(key, (x, y - key.get_height() // 2))
            surface.blit(label, (x + key.get_width() + theme.px(1.5), y - label.get_height() // 2))
            if active:
                line = pygame.Rect(x, rect.bottom - theme.px(0.5), width, theme.px(0.5))
                pygame.draw.rect(surface, theme.colour["blue"], line)
            x += width + theme.px(6)
        pygame.draw.line(surface, theme.colour["raised"], rect.bottomleft, rect.bottomright, 1)


def fill_around(surface: pygame.Surface, colour, outer: pygame.Rect, inner: pygame.Rect) -> None:
    """Fill outer except inner (four strips): a full-window fill under a tab that paints all of
    its area anyway was 0.3-0.5 ms a frame at 1920x1080, measured."""
    inner = inner.clip(outer)
    surface.fill(colour, (outer.x, outer.y, outer.w, inner.y - outer.y))
    surface.fill(colour, (outer.x, inner.bottom, outer.w, outer.bottom - inner.bottom))
    surface.fill(colour, (outer.x, inner.y, inner.x - outer.x, inner.h))
    surface.fill(colour, (inner.right, inner.y, outer.right - inner.right, inner.h))
