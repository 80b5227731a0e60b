"""The cinema's side panel: what is shown, what each head seems to do, and the keys to press."""

from __future__ import annotations

import pygame

from game.attention.frame import CinemaFrame
from game.text_fit import wrap
from game.widgets.key_hints import draw_key_list
from game.wording import count

# (binding ids shown together, what they do): the keys themselves come from the table.
HINTS = [
    (("attention_view",), "overview ↔ detail"),
    (("attention_dims",), "2D ↔ 3D bars (detail)"),
    (("attention_head_prev", "attention_head_next"), "previous / next head"),
    (("attention_layer_prev", "attention_layer_next"), "previous / next layer"),
    (("attention_left", "attention_right", "attention_up", "attention_down"), "cursor, 3D turn"),
    (("attention_zoom_in", "attention_zoom_out"), "zoom (3D)"),
    (("attention_back_one", "attention_forward_one"), "checkpoint back / forward"),
    (("attention_first", "attention_live"), "step 0 / follow live"),
    (("attention_play", "attention_rate"), "play / play speed"),
    (("attention_gif", "attention_png"), "save GIF / PNG"),
    (("play_pause",), "pause / resume training"),
]


def key_hints(keys) -> list[tuple[str, str]]:
    """(keys, what) rows of the panel's key list, labels as the table binds them now."""
    return [(keys.hint(*ids, joiner=" "), what) for ids, what in HINTS]


def info_lines(frame: CinemaFrame) -> list[tuple[str, str]]:
    """(text, colour) lines: the session, its progress, its shape, the view."""
    if not frame.label:
        return [("No session yet", "text2")]
    layers, heads = frame.shape
    lines = [
        (f"Session: {frame.label}", "text"),
        (f"{frame.status} · step {frame.step:,} of {frame.max_iters:,}", "text2"),
        (f"{layers} layers × {heads} heads · {count(frame.checkpoints, 'checkpoint')}", "text2"),
        (f"View: {frame.view} · Layer {frame.selected[0]}, Head {frame.selected[1]}", "light"),
    ]
    if frame.notice:
        lines.append((frame.notice[:60], "warning"))
    return lines


def draw_side_panel(surface, theme, rect: pygame.Rect, frame: CinemaFrame) -> None:
    """The session and view, what each head does, and the keys (as far as they fit)."""
    captions, selected, hints = frame.captions, frame.selected, frame.hints
    inner = theme.panel(surface, rect, "Attention Cinema")
    y = inner.y
    for line, colour in info_lines(frame):
        for part in wrap(theme.font("sm"), line, inner.w):  # a long file name wraps
            text = theme.text(part, "sm", colour)
            surface.blit(text, (inner.x, y))
            y += text.get_height() + theme.px(0.5)
    y += theme.px(2)
    heading = theme.text("WHAT EACH HEAD DOES", "xs", "dim", bold=True)
    surface.blit(heading, (inner.x, y))
    y += heading.get_height() + theme.px(1)
    line_h = theme.font("xs").get_linesize()
    keys_h = len(hints) * line_h + theme.px(2)
    # Captions that wrap ("leans toward the previous character") take a second line; where the
    # list and every key row would not both fit, the captions go a size smaller.
    size = "sm"
    if y + _captions_height(theme, captions, inner, size) + keys_h > inner.bottom:
        size = "xs"
    y = _draw_captions(surface, theme, inner, y, captions, selected, size)
    top = max(y + theme.px(2), inner.bottom - len(hints) * line_h)
    draw_key_list(surface, theme, pygame.Rect(inner.x, top, inner.w, inner.bottom - top), hints)


def _caption_x(theme, inner: pygame.Rect, size: str) -> int:
    """The caption column starts after the widest (bold) label, so the two never touch."""
    label_w = theme.text("L0 H0", size, "cyan", bold=True).get_width() + theme.px(1.5)
    return inner.x + max(theme.px(9 if size == "sm" else 7), label_w)


def _captions_height(theme, captions, inner: pygame.Rect, size: str) -> int:
    width = inner.right - _caption_x(theme, inner, size)
    lines = sum(len(wrap(theme.font(size), c.text, width)) for c in captions.values())
    return lines * theme.font(size).get_height() + len(captions) * theme.px(0.5)


def _draw_captions(surface, theme, inner: pygame.Rect, y: int, captions, selected, size) -> int:
    """Each head's label and caption from y down; returns the y under the last."""
    caption_x = _caption_x(theme, inner, size)
    for (layer, head), caption in sorted(captions.items()):
        chosen = (layer, head) == selected
        name = theme.text(f"L{layer} H{head}", size, "cyan" if chosen else "text2", bold=chosen)
        surface.blit(name, (inner.x, y))
        # A caption wider than the panel goes on to a second line under itself rather than
        # past the panel's edge.
        for part in wrap(theme.font(size), caption.text, inner.right - caption_x):
            text = theme.text(part, size, "text" if chosen else "text2")
            surface.blit(text, (caption_x, y))
            y += name.get_height()
        y += theme.px(0.5)
    return y
