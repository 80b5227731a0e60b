"""The panel a crashed session shows instead of its chart: what happened and the key to restart.

The engine's message says what went wrong; the key hint comes from the key table.
"""

from __future__ import annotations

import pygame

from game.theme import Theme


def draw_error_panel(
    theme: Theme,
    surface: pygame.Surface,
    rect: pygame.Rect,
    message: str,
    key_hint: str,
) -> None:
    pygame.draw.rect(surface, theme.colour["panel"], rect, border_radius=theme.px(1.5))
    pygame.draw.rect(
        surface,
        theme.colour["warning"],
        rect,
        width=max(2, theme.px(0.3)),
        border_radius=theme.px(1.5),
    )
    title = theme.text("Training stopped unexpectedly", "xxl", "warning", bold=True)
    surface.blit(title, title.get_rect(center=(rect.centerx, rect.centery - theme.px(7))))
    detail = theme.text(message[:140], "lg", "text2")
    surface.blit(detail, detail.get_rect(center=(rect.centerx, rect.centery)))
    hint = theme.text(key_hint, "xl", "text", bold=True)
    surface.blit(hint, hint.get_rect(center=(rect.centerx, rect.centery + theme.px(7))))
