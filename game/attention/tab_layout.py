"""Lay out and draw the cinema tab from its frame: main view, side panel and timeline."""

from __future__ import annotations

import time

import pygame

from game.attention.detail_view import draw_detail
from game.attention.frame import BARS, OVERVIEW, CinemaFrame
from game.attention.overview_cache import CachedOverview
from game.attention.overview_view import draw_overview
from game.attention.side_panel import CachedSidePanel
from game.attention.timeline_bar import CachedTimeline


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


def regions(rect: pygame.Rect, main: pygame.Rect, side: pygame.Rect, timeline: pygame.Rect):
    """(main, side, timeline) regions that tile rect exactly, each part's rect with the gaps
    around it, so the three kept surfaces paint every pixel of the tab and nothing twice."""
    top = max(0, min(timeline.y, rect.bottom) - rect.y)
    left = max(0, min(side.x, rect.right) - rect.x)
    return (
        pygame.Rect(rect.x, rect.y, left, top),
        pygame.Rect(rect.x + left, rect.y, rect.w - left, top),
        pygame.Rect(rect.x, rect.y + top, rect.w, rect.h - top),
    )


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
    """Draws a CinemaFrame; keeps what parts reuse across frames (the overview, side panel and
    scrubber as surfaces, scaled pictures, the 3D view). Paints every pixel of its rect."""

    def __init__(self, theme, view3d) -> None:
        self.theme = theme
        self.view3d = view3d
        self.pictures: dict = {}  # scaled heatmaps of the shown attention, reused across frames
        self.tiles: dict = {}  # (layer, head) -> tile rect, as last drawn
        self.detail_rect: pygame.Rect | None = None  # the detail heatmap's rect, as last drawn
        self.overview = CachedOverview()
        self.side_panel = CachedSidePanel()
        self.timeline = CachedTimeline()

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: CinemaFrame) -> None:
        theme = self.theme
        main, side, timeline = split(theme, rect)
        main_region, side_region, time_region = regions(rect, main, side, timeline)
        if frame.view == OVERVIEW and frame.label and frame.attention is not None:
            self.tiles = self.overview.draw(surface, theme, main_region, main, frame)
        else:
            surface.fill(theme.colour["bg"], main_region)
            if not _empty_state(surface, theme, main, frame):  # so the detail view
                self._draw_detail(surface, main, frame)
        self.side_panel.draw(surface, theme, side_region, side, frame)
        self.timeline.draw(surface, theme, time_region, timeline, frame)

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
