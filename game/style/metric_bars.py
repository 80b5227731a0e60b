"""Paired horizontal bars (your text vs the model's) with a value and a one-line explanation."""

from __future__ import annotations

from dataclasses import dataclass

import pygame


@dataclass(frozen=True)
class MetricRow:
    """One metric: a name, up to two values on a shared scale, and what it means."""

    name: str
    explanation: str
    values: tuple[float | None, ...]  # (yours, model's) or a single value; None = not yet
    scale: float  # the value drawn as a full bar
    fmt: str = "{:.0f}"
    colours: tuple[str, ...] = ("light", "cyan")  # one per value
    badge: str = ""  # a short verdict beside the name, e.g. "after is closer"
    badge_good: bool = False


SERIES = (("Your text", "light"), ("Model", "cyan"))


def draw_legend(surface: pygame.Surface, theme, pos: tuple[int, int], labels=SERIES) -> int:
    """Colour keys for the series; returns the legend's height."""
    x, y = pos
    size = theme.px(1.5)
    height = 0
    for label, colour in labels:
        pygame.draw.rect(surface, theme.colour[colour], (x, y + theme.px(0.5), size, size))
        text = theme.text(label, "xs", "text2")
        surface.blit(text, (x + size + theme.px(0.75), y))
        x += size + text.get_width() + theme.px(3)
        height = max(height, text.get_height())
    return height


FULL, BRIEF, COMPACT = 0, 1, 2  # how much a metric shows: all, no explanation, small name too


def _bar_sizes(theme, level: int) -> tuple[int, int]:
    line = theme.font("xs", mono=True).get_linesize()
    bar_h = round(line * (0.7 if level < COMPACT else 0.55))
    return bar_h, line - bar_h + 1  # value labels never touch


def _name_font(level: int) -> str:
    return "sm" if level < COMPACT else "xs"


def metric_height(theme, row: MetricRow, level: int = FULL) -> int:
    """The height draw_metric uses for row at a level of detail."""
    bar_h, gap = _bar_sizes(theme, level)
    height = theme.font(_name_font(level)).get_linesize() + len(row.values) * (bar_h + gap)
    if level == FULL and row.explanation:
        height += theme.font("xs").get_linesize()
    return height + (theme.px(1.25) if level < COMPACT else theme.px(0.5))


def draw_metric(
    surface: pygame.Surface, theme, rect: pygame.Rect, row: MetricRow, level: int = FULL
) -> int:
    """Name, bars and (at FULL) the explanation from rect's top; returns the height used."""
    y = rect.y
    name = theme.text(row.name, _name_font(level), "text", bold=True)
    surface.blit(name, (rect.x, y))
    if row.badge:
        colour = "success" if row.badge_good else "dim"
        badge = theme.text(row.badge, "xs", colour)
        surface.blit(badge, (rect.x + name.get_width() + theme.px(1.5),
                             y + name.get_height() - badge.get_height()))  # fmt: skip
    y += theme.font(_name_font(level)).get_linesize()
    y += theme.px(0.25) if level < COMPACT else 0
    bar_h, gap = _bar_sizes(theme, level)
    value_w = theme.font("xs", mono=True).size("0000.00")[0]
    track_w = max(10, rect.w - value_w - theme.px(1))
    for value, colour in zip(row.values, row.colours, strict=False):
        pygame.draw.rect(surface, theme.colour["bg"], (rect.x, y, track_w, bar_h),
                         border_radius=theme.px(0.5))  # fmt: skip
        if value is not None:
            share = max(0.0, min(1.0, value / row.scale)) if row.scale else 0.0
            if share > 0:
                pygame.draw.rect(surface, theme.colour[colour],
                                 (rect.x, y, max(2, round(track_w * share)), bar_h),
                                 border_radius=theme.px(0.5))  # fmt: skip
        shown = "—" if value is None else row.fmt.format(value)
        label = theme.text(shown, "xs", "text2", mono=True)
        surface.blit(label, (rect.x + track_w + theme.px(1), y + (bar_h - label.get_height()) // 2))
        y += bar_h + gap
    if level == FULL and row.explanation:
        surface.blit(theme.text(row.explanation, "xs", "dim"), (rect.x, y + theme.px(0.25)))
        y += theme.font("xs").get_linesize()
    return metric_height(theme, row, level)


def draw_metrics(surface: pygame.Surface, theme, rect: pygame.Rect, rows, legend=SERIES) -> int:
    """A legend, then the metrics stacked downwards, never past rect's bottom: at the most
    detailed level at which all of them fit (explanations go first, then the names shrink);
    rows that do not fit even so are left out. Returns how many rows were drawn."""
    y = rect.y
    if legend:
        y += draw_legend(surface, theme, (rect.x, y), legend) + theme.px(1.5)
    room = rect.bottom - y
    fits = [lvl for lvl in (FULL, BRIEF) if sum(metric_height(theme, r, lvl) for r in rows) <= room]
    level = fits[0] if fits else COMPACT
    drawn = 0
    for row in rows:
        if y + metric_height(theme, row, level) > rect.bottom + theme.px(1.25):
            break
        y += draw_metric(surface, theme, pygame.Rect(rect.x, y, rect.w, rect.bottom - y), row,
                         level)  # fmt: skip
        drawn += 1
    return drawn
