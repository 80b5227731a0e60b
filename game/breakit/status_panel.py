"""The training status of the pair and the keys that drive it, named from the key table."""

from __future__ import annotations

import pygame

from game.breakit.frame import BreakFrame
from game.theme import Theme
from game.widgets.training_controls import STATUS_TEXT  # one wording for every tab

GHOST_TEXT = {
    "live": "Ghost trains beside it; later runs replay it",
    "cached": "Ghost replayed from the cache, in step",
    "": "",
}


class StatusPanel:
    """Draws from a BreakFrame; the tab owns the keys."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: BreakFrame) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "Training")
        text, colour = STATUS_TEXT.get(frame.status, ("", "dim"))
        title = theme.text(text, "xl", colour, bold=True)
        surface.blit(title, inner.topleft)
        if frame.max_iters:
            steps = theme.text(f"{frame.step:,} / {frame.max_iters:,}", "lg", "text", mono=True)
            surface.blit(steps, (inner.right - steps.get_width(), inner.y + theme.px(1)))
        y = inner.y + title.get_height() + theme.px(1)
        bar = pygame.Rect(inner.x, y, inner.w, theme.px(1))
        pygame.draw.rect(surface, theme.colour["raised"], bar, border_radius=bar.h // 2)
        if frame.max_iters:
            done = bar.copy()
            done.w = round(bar.w * min(1.0, frame.step / frame.max_iters))
            pygame.draw.rect(surface, theme.colour["warning"], done, border_radius=bar.h // 2)
        y = bar.bottom + theme.px(1)
        ghost = GHOST_TEXT.get(frame.ghost_mode, "")
        if frame.ghost_mode == "live" and frame.status in ("completed", "stopped"):
            ghost = "Ghost trained beside it; later runs replay it"
        if ghost:
            label = theme.text(ghost, "xs", "dim")
            surface.blit(label, (inner.x, y))
            y += label.get_height()
        y += theme.px(1)
        for key, what in frame.hints:
            key_label = theme.text(key, "sm", "cyan", mono=True, bold=True)
            if y + key_label.get_height() > inner.bottom:
                break
            surface.blit(key_label, (inner.x, y))
            surface.blit(theme.text(what, "sm", "text2"), (inner.x + theme.px(13), y))
            y += key_label.get_height() + theme.px(0.5)
