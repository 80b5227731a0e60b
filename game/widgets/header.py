"""The top bar: logo, each session's state and progress, and the frame rate."""

from __future__ import annotations

import pygame

from game.sessions import Sessions
from game.theme import Theme
from game.widgets.logo import gradient_text

STATUS_COLOUR = {
    "starting": "warning",
    "running": "success",
    "paused": "warning",
    "completed": "cyan",
    "stopped": "dim",
    "error": "warning",
}


class Header:
    """Reads the session registry each frame; owns no state of its own but the FPS."""

    def __init__(self, theme: Theme, sessions: Sessions) -> None:
        self.theme = theme
        self.sessions = sessions
        self.fps = 0.0
        self.show_fps = True  # for developers; hidden in kiosk mode

    def height(self) -> int:
        return self.theme.px(9)

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        if dt > 0:
            self.fps = 0.9 * self.fps + 0.1 * (1 / dt) if self.fps else 1 / dt

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        pygame.draw.rect(surface, theme.colour["panel"], rect)
        logo = gradient_text(theme, "LLMBreaker", "xl")
        surface.blit(logo, (rect.x + theme.px(3), rect.centery - logo.get_height() // 2))
        right = rect.right - theme.px(3)
        if self.show_fps:
            fps = theme.text(f"{self.fps:4.0f} FPS", "xs", "dim", mono=True)
            right -= fps.get_width()
            surface.blit(fps, (right, rect.centery - fps.get_height() // 2))
        limit = rect.x + theme.px(6) + logo.get_width()
        sessions = list(reversed(list(self.sessions.by_id.values())))
        for shown, session in enumerate(sessions):
            room = right - theme.px(4) - limit
            if shown < len(sessions) - 1:  # keep room to say how many more there are
                room -= theme.text("+9 more", "sm", "text2").get_width() + theme.px(4)
            if self._chip(session)[0] > room:  # no room left: say how many are not shown
                more = theme.text(f"+{len(sessions) - shown} more", "sm", "text2")
                if more.get_width() <= right - theme.px(4) - limit:
                    surface.blit(
                        more,
                        (
                            right - theme.px(4) - more.get_width(),
                            rect.centery - more.get_height() // 2,
                        ),
                    )
                break
            right = self._draw_session(surface, rect, right - theme.px(4), session)

    def _chip(self, session):
        """(width, name label, step label) of a session's chip."""
        theme, state = self.theme, session.state
        status = state.status
        steps = f"{state.step}/{state.max_iters}" if state.max_iters else " "
        label = state.label if len(state.label) <= 24 else state.label[:23] + "…"
        name = theme.text(f"{label}  ·  {status}", "sm", "text2")
        count = theme.text(steps, "sm", "text", mono=True)
        width = theme.px(2) + name.get_width() + theme.px(2) + theme.px(16) + theme.px(1.5)
        return width + count.get_width(), name, count

    def _draw_session(self, surface, rect, right: int, session) -> int:
        """Draw one session's chip ending at `right`; returns where the next one must end."""
        theme, state = self.theme, session.state
        width, name, count = self._chip(session)
        bar_w = theme.px(16)
        x = right - width
        y = rect.centery
        dot = STATUS_COLOUR.get(state.status, "dim")
        pygame.draw.circle(surface, theme.colour[dot], (x + theme.px(0.75), y), theme.px(0.75))
        x += theme.px(2)
        surface.blit(name, (x, y - name.get_height() // 2))
        x += name.get_width() + theme.px(2)
        bar = pygame.Rect(x, y - theme.px(0.5), bar_w, theme.px(1))
        pygame.draw.rect(surface, theme.colour["raised"], bar, border_radius=bar.h // 2)
        filled = bar.copy()
        filled.w = round(bar_w * state.progress)
        if filled.w:
            pygame.draw.rect(surface, theme.colour["cyan"], filled, border_radius=bar.h // 2)
        x += bar_w + theme.px(1.5)
        surface.blit(count, (x, y - count.get_height() // 2))
        return right - width
