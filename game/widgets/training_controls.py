"""The controls panel: status, progress, speed chips and the keys that drive training."""

from __future__ import annotations

import pygame

from game.keys import SPEEDS, KeyMap
from game.text_fit import wrap
from game.theme import Theme

STATUS_TEXT = {
    None: ("Ready", "text2"),
    "starting": ("Starting…", "warning"),
    "running": ("Training", "success"),
    "paused": ("Paused", "warning"),
    "completed": ("Done", "cyan"),
    "stopped": ("Stopped", "dim"),
    "error": ("Crashed", "warning"),
}
# Per status: (binding ids whose keys are shown together, what they do); keys come from the table.
HINTS: dict[str | None, list[tuple[tuple[str, ...], str]]] = {
    None: [(("play_pause",), "start training")],
    "starting": [(("stop",), "stop")],
    "running": [(("play_pause",), "pause"), (("previous", "next"), "look at checkpoints")],
    "paused": [(("play_pause",), "resume"), (("step", "next"), "one step"), (("stop",), "stop")],
    "completed": [(("play_pause", "replay"), "replay"), (("previous", "next"), "see checkpoints")],
    "stopped": [(("play_pause", "replay"), "train again")],
    "error": [(("replay",), "restart")],
}


class TrainingControls:
    """Draws from the session state it is given; the tab owns the keys."""

    def __init__(self, theme: Theme, keys: KeyMap) -> None:
        self.theme = theme
        self.keys = keys

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(
        self, surface: pygame.Surface, rect: pygame.Rect, state, speed: str, note: str = ""
    ) -> None:
        """note: a line about what is happening (a worker starting), shown at the bottom."""
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
        hints = [
            (" / ".join(self.keys.label(i, first=True) for i in ids), what)
            for ids, what in HINTS.get(status, [])
        ]
        keys = [theme.text(key, "sm", "light", mono=True, bold=True) for key, _ in hints]
        column = max([theme.px(12)] + [k.get_width() + theme.px(2) for k in keys])
        for key, (_, what) in zip(keys, hints, strict=True):
            surface.blit(key, (inner.x, y))
            surface.blit(theme.text(what, "sm", "text2"), (inner.x + column, y))
            y += key.get_height() + theme.px(0.75)
        if note:
            lines = wrap(theme.font("sm"), note, inner.w)
            line_h = theme.font("sm").get_linesize()
            top = max(y, inner.bottom - len(lines) * line_h)
            for line in lines:
                if top + line_h <= inner.bottom:
                    surface.blit(theme.text(line, "sm", "warning"), (inner.x, top))
                top += line_h
        elif state and state.tokens_per_s and not state.finished:
            rate = theme.text(f"{state.tokens_per_s:,.0f} characters a second", "sm", "dim")
            surface.blit(rate, (inner.x, inner.bottom - rate.get_height()))

    def _draw_speeds(self, surface, x: int, y: int, width: int, speed: str) -> int:
        theme = self.theme
        gap = theme.px(1)
        chip_w = (width - gap * (len(SPEEDS) - 1)) // len(SPEEDS)
        chip_h = theme.px(5)
        for name, _ in SPEEDS:
            key = self.keys.label(f"speed_{name}", first=True)
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
