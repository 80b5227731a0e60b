"""Where the Style Transfer tab's panels go and how each is drawn."""

from __future__ import annotations

import pygame

from game.style.draft import INVALID, READY
from game.style.metric_bars import draw_metrics
from game.style.results import SERIES, blank
from game.widgets.key_hints import draw_key_row

# (binding ids shown together, what they do); the keys come from the table.
HINTS_INPUT = (
    (("style_train",), "train"),
    (("back",), "leave the box"),  # while typing; else HINT_TYPE, as Esc goes back to the start
    (("style_paste",), "paste"),
    (("style_open",), "open a path"),
    (("style_example",), "example"),
)
HINTS_RESULTS = (
    (("style_edit",), "edit text"),
    (("style_restart",), "train again"),
    (("style_generate",), "new sample"),
    (("play_pause",), "pause"),
    (("style_stop",), "stop"),
    (("tab1",), "Watch It Learn (this keeps training)"),
)
HINT_TYPE = (("style_edit",), "type in the box")
STATUS_COLOURS = {READY: "success", INVALID: "warning"}


class StyleLayout:
    """Draws a StyleTab: two text panels on top, loss and metric panels below, hints last."""

    def __init__(self, tab) -> None:
        self.tab = tab
        self.theme = tab.theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme, tab = self.theme, self.tab
        gap = theme.px(2)
        hint_h = theme.font("xs").get_linesize() + theme.px(1)
        top_h = int((rect.h - hint_h) * 0.5)  # the texts get half; the figures sit below
        left_w = int((rect.w - gap) * 0.42)
        left = pygame.Rect(rect.x, rect.y, left_w, top_h)
        right = pygame.Rect(left.right + gap, rect.y, rect.w - left_w - gap, top_h)
        y = left.bottom + gap
        bottom_h = rect.bottom - hint_h - y
        chart_w = int((rect.w - 2 * gap) * 0.3)
        style_w = int((rect.w - 2 * gap) * 0.36)
        chart = pygame.Rect(rect.x, y, chart_w, bottom_h)
        style = pygame.Rect(chart.right + gap, y, style_w, bottom_h)
        confidence = pygame.Rect(style.right + gap, y, rect.right - style.right - gap, bottom_h)
        self.draw_left(surface, left)
        tab.before_after.draw(surface, right, tab.frame)
        tab.chart.draw(surface, chart, tab.frame)
        self.draw_style(surface, style)
        self.draw_confidence(surface, confidence)
        keys = tab.ctx.keys
        rows: tuple[tuple[tuple[str, ...], str], ...] = (
            HINTS_INPUT if tab.mode == "input" else HINTS_RESULTS
        )
        if tab.mode == "input" and not tab.box.focused:
            rows = tuple(HINT_TYPE if ids == ("back",) else (ids, what) for ids, what in rows)
        hints = [(keys.hint(*ids), what) for ids, what in rows]
        row = pygame.Rect(rect.x + theme.px(1), rect.bottom - hint_h, rect.w - theme.px(1), hint_h)
        draw_key_row(surface, theme, row, hints, "xs")

    # ------------------------------------------------------------------ panels

    def draw_left(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme, tab = self.theme, self.tab
        editing = tab.mode == "input"
        title = "Your text" if editing else "Your text  ·  phrases the model reused in blue"
        inner = theme.panel(surface, rect, title)
        line = theme.font("sm").get_linesize()
        footer_h = 2 * line + theme.px(1)
        if tab.path_prompt.visible:
            footer_h += line + theme.px(6)
        body = pygame.Rect(inner.x, inner.y, inner.w, inner.h - footer_h)
        if editing:
            tab.box.draw(surface, body)
        else:
            tab.side.draw_original(surface, body)
        y = body.bottom + theme.px(1)
        if tab.path_prompt.visible:
            tab.path_prompt.draw(surface, pygame.Rect(inner.x, y, inner.w, line + theme.px(2)))
            y += line + theme.px(6)
        check = tab.check
        meta = (f"Characters {check.characters:,}   ·   Words {check.words:,}   ·   "
                f"Vocabulary {check.vocab} characters")  # fmt: skip
        surface.blit(theme.text(meta, "sm", "text2"), (inner.x, y))
        message, colour = check.message, STATUS_COLOURS.get(check.status, "dim")
        if not editing:
            message, colour = (
                "Blue: runs of 3+ words the model also wrote.  "
                f"{tab.ctx.keys.hint('style_edit')} edits the text.",
                "dim",
            )
        if tab.inline_error:
            message, colour = tab.inline_error, "warning"
        elif check.notice:
            message += "   " + check.notice
        surface.blit(theme.text(message[:140], "sm", colour), (inner.x, y + line))

    def draw_style(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        inner = self.theme.panel(surface, rect, "Style  ·  how your writing reads")
        result = self.tab.style_preview()
        if result is None:
            result = blank()
        draw_metrics(surface, self.theme, inner, result.style_rows(), SERIES)

    def draw_confidence(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        inner = self.theme.panel(surface, rect, "Fit  ·  did it learn you, or copy you?")
        result = self.tab.style_preview() or blank()
        draw_metrics(surface, self.theme, inner, result.confidence_rows(),
                     (("Before", "dim"), ("After", "cyan")))  # fmt: skip
