"""The caption under the samples: the gap so far while training, what broke once both are done."""

from __future__ import annotations

import pygame

from game.breakit.frame import BreakFrame
from game.breakit.switch_list import wrapped
from game.theme import Theme
from llmbreaker.break_symptoms import signed


def progress_line(frame: BreakFrame) -> str:
    """Before the verdict: what to do, or the gap at the step both samples show."""
    if frame.error:
        return frame.error
    if frame.status is None:
        if not frame.chosen:
            return "Choose a part to break, then press Space."
        return "Press Space: the broken model trains beside a ghost of the working one."
    if frame.broken is None or frame.ghost is None:
        return "Starting both models…"
    if frame.broken.step != frame.ghost.step:
        return f"Broken at step {frame.broken.step:,}; the ghost is catching up…"
    gap = signed(frame.broken.val_loss - frame.ghost.val_loss)
    return (
        f"At step {frame.broken.step:,}: broken {frame.broken.val_loss:.2f}, "
        f"ghost {frame.ghost.val_loss:.2f} (gap {gap})."
    )


class VerdictPanel:
    """Three lines at the end (verdict, losses, symptom); one progress line before."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: BreakFrame) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "What broke")
        lines = list(frame.verdict) or [progress_line(frame)]
        y = inner.y
        for index, text in enumerate(lines):
            size, colour = ("lg", "text") if index == 0 else ("base", "text2")
            if frame.error:
                colour = "warning"
            for line in wrapped(theme, text, size, inner.w, bold=index == 0):
                label = theme.text(line, size, colour, bold=index == 0)
                if y + label.get_height() > inner.bottom:
                    return
                surface.blit(label, (inner.x, y))
                y += label.get_height()
            y += theme.px(0.5)
