"""Key hints drawn from the key table: a footer row, or a key/description list in a panel."""

from __future__ import annotations

import pygame

from game.text_fit import wrap


def draw_key_row(surface, theme, rect: pygame.Rect, hints, size: str = "sm") -> int:
    """[key] what │ [key] what ... on one line; items that would not fit are left off whole.

    Returns how many were drawn.
    """
    x, drawn = rect.x, 0
    for key, what in hints:
        if not key:
            continue
        parts = []
        if drawn:
            parts.append((theme.text("│", size, "faint"), theme.px(1.5)))
        parts.append((theme.text(f"[{key}]", size, "light", mono=True), theme.px(0.75)))
        parts.append((theme.text(what, size, "text2"), theme.px(1.5)))
        width = sum(label.get_width() + gap for label, gap in parts) - parts[-1][1]
        if x + width > rect.right:
            break
        for label, gap in parts:
            surface.blit(label, (x, rect.centery - label.get_height() // 2))
            x += label.get_width() + gap
        drawn += 1
    return drawn


def draw_key_list(surface, theme, rect: pygame.Rect, hints, size: str = "xs") -> int:
    """Key column and description column, descriptions wrapped; stops where rect ends.

    Returns the y below the last row drawn.
    """
    hints = [(key, what) for key, what in hints if key]
    key_font, font = theme.font(size, bold=True), theme.font(size)
    key_w = max((key_font.size(key)[0] for key, _ in hints), default=0) + theme.px(1.5)
    line_h = font.get_linesize()
    y = rect.y
    for key, what in hints:
        lines = wrap(font, what, rect.w - key_w)
        if key_w >= rect.w or y + len(lines) * line_h > rect.bottom:
            break
        surface.blit(theme.text(key, size, "light", bold=True), (rect.x, y))
        for line in lines:
            surface.blit(theme.text(line, size, "text2"), (rect.x + key_w, y))
            y += line_h
    return y
