"""The controls panel: status, progress, speed chips and the keys that drive training."""

from __future__ import annotations

import pygame

from game.theme import Theme

SPEED_KEYS = (("1x", "6"), ("2x", "7"), ("5x", "8"), ("10x", "9"), ("max", "0"))
STATUS_TEXT = {
    None: ("Ready", "text2"),
    "starting": ("Starting…", "warning"),
    "running": ("Training", "success"),
    "paused": ("Paused", "warning"),
    "completed": ("Done", "cyan"),
    "stopped": ("Stopped", "dim"),
    "error": ("Crashed", "warning"),
}
HINTS = {
    None: ["Space  start training"],
    "starting": ["Backspace  stop"],
    "running": ["Space  pause", "← →  look at checkpoints"],
    "paused": ["Space  resume", "S / →  one step", "Backspace  stop"],
    "completed": ["Space / R  replay", "← →  look at checkpoints"],
    "stopped": ["Space / R  train again"],
    "error": ["R  restart"],
}


class TrainingControls:
    """Draws from the session state it is given; the tab owns the keys."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, state, speed: str) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "Training")
        status = state.status if state else None
        text, colour = STATUS_TEXT.get(status, ("", "dim"))
        title = theme.text(text, "xl", colour, bold=True)
        surface.blit(title, inner.topleft)
        if state and state.max_iters:
            steps = theme.text(f"{state.step:,} / {state.max_iters:,}", "lg", "text", mono=True)
            surface.blit(
                steps,
                (
                    inner.right - steps.get_width(),
                    inner.y + title.get_height() - steps.get_height(),
                ),
            )
        y = inner.y + title.get_height() + theme.px(1.5)
        bar = pygame.Rect(inner.x, y, inner.w, theme.px(1))
        pygame.draw.rect(surface, theme.colour["raised"], bar, border_radius=bar.h // 2)
        if state and state.progress:
            done = pygame.Rect(bar.x, bar.y, round(bar.w * state.progress), bar.h)
            pygame.draw.rect(surface, theme.colour["cyan"], done, border_radius=bar.h // 2)
        y = bar.bottom + theme.px(2.5)
        y = self._draw_speeds(surface, inner.x, y, inner.w, speed)
        hints = [hint.partition("  ") for hint in HINTS.get(status, [])]
        keys = [theme.text(key, "sm", "light", mono=True, bold=True) for key, _, _ in hints]
        column = max([theme.px(12)] + [k.get_width() + theme.px(2) for k in keys])
        for key, (_, _, what) in zip(keys, hints, strict=True):
            surface.blit(key, (inner.x, y))
            surface.blit(theme.text(what, "sm", "text2"), (inner.x + column, y))
            y += key.get_height() + theme.px(0.75)
        if state and state.tokens_per_s and not state.finished:
            rate = theme.text(f"{state.tokens_per_s:,.0f} characters / second", "sm", "dim")
            surface.blit(rate, (inner.x, inner.bottom - rate.get_height()))

    def _draw_speeds(self, surface, x: int, y: int, width: int, speed: str) -> int:
        theme = self.theme
        gap = theme.px(1)
        chip_w = (width - gap * (len(SPEED_KEYS) - 1)) // len(SPEED_KEYS)
        chip_h = theme.px(5)
        for name, key in SPEED_KEYS:
            chip = pygame.Rect(x, y, chip_w, chip_h)
            active = name == speed
            pygame.draw.rect(
                surface,
                theme.colour["blue" if active else "raised"],
                chip,
                border_radius=theme.px(1),
            )
            label = theme.text(name, "base", "text" if active else "text2", bold=active)
            surface.blit(label, label.get_rect(center=chip.center))
            hint = theme.text(key, "xs", "dim", mono=True)
            surface.blit(hint, hint.get_rect(midtop=(chip.centerx, chip.bottom + theme.px(0.5))))
            x += chip_w + gap
        return y + chip_h + theme.px(4.5)
