"""Lay out and draw the cinema tab from its frame: main view, side panel and timeline."""

from __future__ import annotations

import time

import pygame

from game.attention.detail_view import draw_detail
from game.attention.frame import BARS, OVERVIEW, CinemaFrame
from game.attention.overview_view import draw_overview
from game.attention.side_panel import draw_side_panel
from game.attention.timeline_bar import draw_timeline


def split(theme, rect: pygame.Rect):
    """(main, side, timeline) rects on the 8 px grid."""
    gap = theme.px(2)
    outer = rect.inflate(-2 * gap, -2 * gap)
    side_w = max(theme.px(40), outer.w * 24 // 100)
    time_h = theme.px(9)
    main = pygame.Rect(outer.x, outer.y, outer.w - side_w - gap, outer.h - time_h - gap)
    side = pygame.Rect(main.right + gap, outer.y, side_w, main.h)
    timeline = pygame.Rect(outer.x, main.bottom + gap, outer.w, time_h)
    return main, side, timeline


def _centred(surface, theme, rect, lines) -> None:
    y = rect.centery - len(lines) * theme.px(3)
    for text, size, colour in lines:
        label = theme.text(text, size, colour)
        surface.blit(label, label.get_rect(midtop=(rect.centerx, y)))
        y += label.get_height() + theme.px(1.5)


def _empty_state(surface, theme, main, frame: CinemaFrame) -> bool:
    """Invite or wait; True when there is nothing else to draw."""
    if not frame.label:
        invite = [(line, "lg", "text2") for line in frame.invite]
        _centred(
            surface, theme, main, [("Watch attention form out of noise", "xl", "text")] + invite
        )
        return True
    if frame.attention is None:
        dots = "." * (1 + int(time.monotonic() * 2) % 3)
        draw_overview(surface, theme, main, frame)
        veil = pygame.Surface(main.size, pygame.SRCALPHA)
        veil.fill((*theme.colour["bg"], 170))
        surface.blit(veil, main.topleft)
        why = frame.starting_note or "Attention is captured on the probe text at every checkpoint."
        _centred(surface, theme, main, [(f"Waiting for the first checkpoint{dots}", "xl", "text"),
                                         (why, "lg", "text2")])  # fmt: skip
        return True
    return False


class CinemaLayout:
    """Draws a CinemaFrame; keeps what parts reuse across frames (scaled pictures, 3D view)."""

    def __init__(self, theme, view3d) -> None:
        self.theme = theme
        self.view3d = view3d
        self.pictures: dict = {}  # scaled heatmaps of the shown attention, reused across frames
        self.tiles: dict = {}  # (layer, head) -> tile rect, as last drawn
        self.detail_rect: pygame.Rect | None = None  # the detail heatmap's rect, as last drawn

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: CinemaFrame) -> None:
        theme = self.theme
        surface.fill(theme.colour["bg"], rect)
        main, side, timeline = split(theme, rect)
        if not _empty_state(surface, theme, main, frame):
            if frame.view == OVERVIEW:
                self.tiles = draw_overview(surface, theme, main, frame, self.pictures)
            else:
                self._draw_detail(surface, main, frame)
        draw_side_panel(surface, theme, side, frame)
        draw_timeline(surface, theme, timeline, frame)

    def _draw_detail(self, surface, main: pygame.Rect, frame: CinemaFrame) -> None:
        theme = self.theme
        assert frame.attention is not None  # the empty states were drawn instead
        matrix = frame.attention[frame.selected]
        title = f"Layer {frame.selected[0]} · Head {frame.selected[1]}"
        caption = frame.captions.get(frame.selected)
        if caption is not None:
            title += f"  —  {caption.text}"
        label = theme.text(title, "lg", "text", bold=True)
        surface.blit(label, (main.x, main.y))
        body = pygame.Rect(main.x, main.y + label.get_height(), main.w, main.h - label.get_height())
        bars = frame.view == BARS and self.view3d.draw(surface, theme, body, matrix, frame.probe)
        if not bars:
            self.detail_rect = draw_detail(surface, theme, body, matrix, frame.probe, frame.cursor,
                                           self.pictures, frame.selected)  # fmt: skip
