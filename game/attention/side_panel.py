"""The cinema's side panel: what is shown, what each head seems to do, and the keys to press."""

from __future__ import annotations

import pygame

HINTS = [
    ("Tab / V", "overview ↔ detail"),
    ("D", "2D ↔ 3D bars (detail)"),
    ("[ ] / PgUp PgDn", "head / layer"),
    ("arrows", "cursor · turn and tilt in 3D"),
    ("+ / −", "zoom (3D)"),
    (", .", "one checkpoint back / forward"),
    ("Home / End", "step 0 / follow live"),
    ("P / T", "play / play speed"),
    ("G / X", "save GIF / PNG"),
]


def draw_side_panel(surface, theme, rect: pygame.Rect, info: dict, captions: dict, selected):
    """info: session label, status and mode lines; captions: (layer, head) -> HeadCaption."""
    inner = theme.panel(surface, rect, "Attention Cinema")
    y = inner.y
    for line, colour in info["lines"]:
        text = theme.text(line, "sm", colour)
        surface.blit(text, (inner.x, y))
        y += text.get_height() + theme.px(0.5)
    y += theme.px(2)
    heading = theme.text("WHAT EACH HEAD DOES", "xs", "dim", bold=True)
    surface.blit(heading, (inner.x, y))
    y += heading.get_height() + theme.px(1)
    # The caption column starts after the widest (bold) label, so the two never touch.
    label_w = theme.text("L0 H0", "sm", "cyan", bold=True).get_width() + theme.px(1.5)
    for (layer, head), caption in sorted(captions.items()):
        chosen = (layer, head) == selected
        name = theme.text(f"L{layer} H{head}", "sm", "cyan" if chosen else "text2", bold=chosen)
        surface.blit(name, (inner.x, y))
        text = theme.text(caption.text, "sm", "text" if chosen else "text2")
        surface.blit(text, (inner.x + max(theme.px(9), label_w), y))
        y += name.get_height() + theme.px(0.5)
    y = max(y + theme.px(2), inner.bottom - len(HINTS) * (theme.font("xs").get_linesize() + 2))
    key_w = max(theme.text(k, "xs", "light", bold=True).get_width() for k, _ in HINTS)
    for key, what in HINTS:
        if y > inner.bottom - theme.font("xs").get_linesize():
            break
        k = theme.text(key, "xs", "light", bold=True)
        w = theme.text(what, "xs", "text2")
        surface.blit(k, (inner.x, y))
        surface.blit(w, (inner.x + max(theme.px(19), key_w + theme.px(1.5)), y))
        y += theme.font("xs").get_linesize() + 2
