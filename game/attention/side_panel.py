"""The cinema's side panel: what is shown, what each head seems to do, and the keys to press."""

from __future__ import annotations

import pygame

from game.attention.frame import CinemaFrame
from game.attention.surfaces import format_of, reuse
from game.text_fit import wrap
from game.widgets.key_hints import draw_key_list
from game.wording import count

TITLE = "Attention Cinema"

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
    inner = theme.panel(surface, rect, TITLE)
    parts, y = info_parts(theme, inner, frame)
    for text, position in parts:
        surface.blit(text, position)
    draw_panel_body(surface, theme, inner, y, frame)


def info_parts(theme, inner: pygame.Rect, frame: CinemaFrame):
    """([(rendered line, position)], the y under them) of the info lines, a long file name
    wrapped."""
    y, parts = inner.y, []
    for line, colour in info_lines(frame):
        for part in wrap(theme.font("sm"), line, inner.w):
            text = theme.text(part, "sm", colour)
            parts.append((text, (inner.x, y)))
            y += text.get_height() + theme.px(0.5)
    return parts, y


def draw_panel_body(
    surface, theme, inner: pygame.Rect, y: int, frame: CinemaFrame, draw_keys=None
) -> None:
    """From y down: what each head does, then the key rows at the bottom (drawn by draw_keys,
    called as draw_key_list is, else by draw_key_list)."""
    captions, selected, hints = frame.captions, frame.selected, frame.hints
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
    keys_rect = pygame.Rect(inner.x, top, inner.w, inner.bottom - top)
    (draw_keys or draw_key_list)(surface, theme, keys_rect, hints)


class CachedSidePanel:
    """The panel kept as a surface of its column; only the info lines (the step count moves
    with every training step) are drawn on it each frame.

    Drawing the whole panel was 1.0-2.0 ms a frame while training (its 40-odd blits, the key
    column's measurements and the rounded panel); kept, it is one blit and the info lines.
    When a caption or the selection changes, the panel is drawn again from two more kept
    surfaces, the empty titled panel and the key rows, and the captions.
    """

    def __init__(self) -> None:
        self.surface: pygame.Surface | None = None
        self.key: tuple | None = None
        self.blank: pygame.Surface | None = None  # the column: background, panel and title
        self.blank_key: tuple | None = None
        self.keys: pygame.Surface | None = None  # the key rows on the panel's colour
        self.keys_key: tuple | None = None
        self.rebuilds = 0

    def draw(self, surface, theme, region: pygame.Rect, rect: pygame.Rect, frame: CinemaFrame):
        """Paint region (bg, and the panel of rect inside it)."""
        inner = theme.panel_inner(rect, TITLE)
        parts, y = info_parts(theme, inner, frame)
        captions = tuple(sorted((head, c.text) for head, c in frame.captions.items()))
        place = (tuple(region), tuple(rect), theme.size, theme.scale, format_of(surface))
        key = (place, y, captions, frame.selected, frame.hints)
        if key != self.key or self.surface is None:
            shifted = rect.move(-region.x, -region.y)
            if place != self.blank_key or self.blank is None:
                self.blank = reuse(self.blank, region.size, surface)
                self.blank.fill(theme.colour["bg"])
                theme.panel(self.blank, shifted, TITLE)
                self.blank_key = place
            self.surface = reuse(self.surface, region.size, surface)
            self.surface.blit(self.blank, (0, 0))
            panel_inner = theme.panel_inner(shifted, TITLE)
            draw_panel_body(self.surface, theme, panel_inner, y - region.y, frame, self._keys)
            self.key = key
            self.rebuilds += 1
        surface.blit(self.surface, region.topleft)
        for text, position in parts:
            surface.blit(text, position)

    def _keys(self, surface, theme, rect: pygame.Rect, hints) -> None:
        """draw_key_list's rows, drawn once per size and key table and blitted after."""
        key = (rect.size, theme.size, theme.scale, format_of(surface), hints)
        if key != self.keys_key or self.keys is None:
            self.keys = reuse(self.keys, rect.size, surface)
            self.keys.fill(theme.colour["panel"])
            draw_key_list(self.keys, theme, self.keys.get_rect(), hints)
            self.keys_key = key
        surface.blit(self.keys, rect.topleft)


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
