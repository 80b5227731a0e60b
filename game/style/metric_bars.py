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


def draw_metric(surface: pygame.Surface, theme, rect: pygame.Rect, row: MetricRow) -> int:
    """Name, bars and explanation from rect's top; returns the height used."""
    y = rect.y
    name = theme.text(row.name, "sm", "text", bold=True)
    surface.blit(name, (rect.x, y))
    if row.badge:
        colour = "success" if row.badge_good else "dim"
        badge = theme.text(row.badge, "xs", colour)
        surface.blit(badge, (rect.x + name.get_width() + theme.px(1.5),
                             y + name.get_height() - badge.get_height()))  # fmt: skip
    y += name.get_height() + theme.px(0.25)
    line = theme.font("xs", mono=True).get_linesize()
    bar_h, gap = round(line * 0.7), line - round(line * 0.7) + 1  # value labels never touch
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
    if row.explanation:
        note = theme.text(row.explanation, "xs", "dim")
        surface.blit(note, (rect.x, y + theme.px(0.25)))
        y += note.get_height()
    return y + theme.px(1) - rect.y


def draw_metrics(surface: pygame.Surface, theme, rect: pygame.Rect, rows, legend=SERIES) -> None:
    """A legend, then each metric stacked downwards while it fits."""
    y = rect.y
    if legend:
        y += draw_legend(surface, theme, (rect.x, y), legend) + theme.px(1.5)
    for row in rows:
        if y >= rect.bottom:
            break
        y += draw_metric(surface, theme, pygame.Rect(rect.x, y, rect.w, rect.bottom - y), row)
