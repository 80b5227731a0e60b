"""Before and after: the base model's text and the tuned model's, both from your opening."""

from __future__ import annotations

import pygame

from game.style.frame import DONE, IDLE, TRAINING, StyleFrame
from game.style.side_by_side import SideBySide, draw_highlighted
from game.style.wrap import one_block

HOW_IT_WORKS = (
    "1  Type or paste 50+ words of your own writing (a note, a letter, a review).",
    "   Or drop a .txt/.docx on the window, or press {style_open} and type its path.",
    "2  Press {style_train}. A model that has read books (presidents' speeches,",
    "   children's stories) writes from your first words; then it studies your text.",
    "3  10-15 seconds later it writes again, from the same words, like you.",
    "",
    "No text to hand? Press {style_example} for an example.",
)  # {binding id}: the key the table binds it to, filled in when drawn
NAMED_KEYS = ("style_open", "style_train", "style_example")
BEFORE_TITLE = "Before  ·  it writes like its training books"
AFTER_TITLE = "After  ·  it writes like you"


class BeforeAfter:
    """Two stacked panels; the after text types itself out, sharing phrases with yours."""

    def __init__(self, theme, side: SideBySide, keys) -> None:
        self.theme = theme
        self.keys = keys  # the key table: hints name the keys it binds now
        self.side = side  # owns the after text's typing and the phrases shared with yours

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: StyleFrame) -> None:
        theme = self.theme
        if frame.phase == IDLE:
            inner = theme.panel(surface, rect, "Before and after")
            y = inner.y
            labels = {i: self.keys.label(i, first=True) for i in NAMED_KEYS}
            for template in HOW_IT_WORKS:
                line = template.format(**labels)
                label = theme.text(line, "base", "text2" if line[:1].isdigit() else "dim")
                surface.blit(label, (inner.x, y))
                y += label.get_height() + theme.px(1)
            return
        gap = theme.px(2)
        top = pygame.Rect(rect.x, rect.y, rect.w, (rect.h - gap) * 9 // 20)
        bottom = pygame.Rect(rect.x, top.bottom + gap, rect.w, rect.bottom - top.bottom - gap)
        self._draw_before(surface, top, frame)
        self._draw_after(surface, bottom, frame)

    def _draw_before(self, surface, rect: pygame.Rect, frame: StyleFrame) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, BEFORE_TITLE)
        if not frame.before:
            surface.blit(theme.text("The base model is reading your first words...", "sm",
                                    "dim"), inner.topleft)  # fmt: skip
            return
        draw_highlighted(surface, theme, inner, one_block(frame.prompt + frame.before)[0], [])

    def _draw_after(self, surface, rect: pygame.Rect, frame: StyleFrame) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, AFTER_TITLE)
        status = self._status(frame, self.keys.label("style_restart", first=True))
        label = theme.text(status, "sm", "text2")
        surface.blit(label, inner.topleft)
        bar_h = theme.px(1)
        bar = pygame.Rect(inner.x, inner.y + label.get_height() + theme.px(0.5), inner.w, bar_h)
        pygame.draw.rect(surface, theme.colour["bg"], bar)
        colour = theme.colour["success" if frame.phase == DONE else "blue"]
        pygame.draw.rect(surface, colour, (bar.x, bar.y, round(bar.w * frame.progress), bar_h))
        body = pygame.Rect(inner.x, bar.bottom + theme.px(1.5), inner.w,
                           inner.bottom - bar.bottom - theme.px(1.5))  # fmt: skip
        self.side.draw_generated(surface, body)

    @staticmethod
    def _status(frame: StyleFrame, restart: str) -> str:
        if frame.phase == TRAINING:
            text = f"Studying your text  ·  step {frame.step:,} / {frame.max_iters:,}"
            return text + "  ·  newest checkpoint's attempt below"
        if frame.phase == DONE and frame.status == "error":
            return f"Training failed  ·  press {restart} to try again"
        best = frame.best
        where = f"best checkpoint: step {best.step:,}" if best else "no checkpoint"
        if best is not None and best.step == 0 and frame.phase == DONE:
            # Tuning never beat the base on the held-out end (a formal letter's, which the
            # base already predicts): after is the base's own text, and the visitor should not
            # wonder why they match.
            where = "step 0 stayed best on your held-out end: after = before"
        ended = "stopped early" if frame.stopped_early else "finished"
        took = f"  ·  {frame.wall_time:.0f} s" if frame.wall_time is not None else ""
        writing = "  ·  writing..." if frame.phase != DONE else ""
        return f"Training {ended}{took}  ·  {where}{writing}"
