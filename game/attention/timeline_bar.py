"""The scrubber: a track with a tick per checkpoint, the playhead, the step and play state."""

from __future__ import annotations

import pygame

from game.attention.frame import CinemaFrame
from game.attention.surfaces import format_of, reuse
from game.wording import count


def draw_timeline(surface, theme, rect: pygame.Rect, frame: CinemaFrame) -> None:
    """Draw the scrubber across rect; ticks snap points, the knob is the eased position."""
    steps = frame.steps
    pad = theme.px(3)
    status = "▶ playing" if frame.playing else ("● live" if frame.follow_live else "❚❚ paused")
    status += f"  ·  film: {count(frame.rate, 'checkpoint')} a second"
    left = theme.text(status, "sm", "light" if frame.playing else "text2")
    right_text = f"step {frame.shown_step:,.0f}"
    if steps:
        right_text += f"  /  {frame.max_iters:,}" + ("  (training)" if frame.live else "")
    right = theme.text(right_text, "lg", "text", bold=True)
    surface.blit(left, left.get_rect(midleft=(rect.x + pad, rect.centery)))
    surface.blit(right, right.get_rect(midright=(rect.right - pad, rect.centery)))
    track = pygame.Rect(0, 0, rect.w - left.get_width() - right.get_width() - 6 * pad, theme.px(1))
    track.midleft = (rect.x + left.get_width() + 3 * pad, rect.centery)
    pygame.draw.rect(surface, theme.colour["raised"], track, border_radius=track.h)
    if len(steps) < 2:
        return
    last = len(steps) - 1
    for index in range(len(steps)):
        x = track.x + track.w * index / last
        pygame.draw.line(
            surface,
            theme.colour["dim"],
            (x, track.y - theme.px(1)),
            (x, track.bottom + theme.px(1)),
            2,
        )
    filled = track.copy()
    filled.w = round(track.w * frame.position / last)
    pygame.draw.rect(surface, theme.colour["blue"], filled, border_radius=track.h)
    knob_x = track.x + filled.w
    pygame.draw.circle(surface, theme.colour["text"], (knob_x, track.centery), theme.px(1.5))
    for index in (0, last):
        label = theme.text(f"{steps[index]:,}", "xs", "dim")
        x = track.x + track.w * index / last
        surface.blit(label, label.get_rect(midtop=(x, track.bottom + theme.px(1.5))))


class CachedTimeline:
    """The scrubber kept as a surface of its strip, drawn again only when what it shows moves
    (the playhead gliding or playing, a checkpoint, the play state): one blit otherwise. Its
    tick a checkpoint made it dearer the longer a run went (200 lines for 10,000 steps)."""

    def __init__(self) -> None:
        self.surface: pygame.Surface | None = None
        self.key: tuple | None = None
        self.rebuilds = 0

    def draw(self, surface, theme, region: pygame.Rect, rect: pygame.Rect, frame: CinemaFrame):
        """Paint region (bg, and the scrubber of rect inside it)."""
        key = (tuple(region), tuple(rect), theme.size, theme.scale, format_of(surface),
               frame.steps, frame.position, frame.shown_step, frame.max_iters, frame.live,
               frame.playing, frame.follow_live, frame.rate)  # fmt: skip
        if key != self.key or self.surface is None:
            self.surface = reuse(self.surface, region.size, surface)
            self.surface.fill(theme.colour["bg"])
            draw_timeline(self.surface, theme, rect.move(-region.x, -region.y), frame)
            self.key = key
            self.rebuilds += 1
        surface.blit(self.surface, region.topleft)
