"""A small badge in the bottom-left corner while slow work runs off the frame loop."""

from __future__ import annotations

import pygame

from game.theme import Theme


class BusyBadge:
    """Draws one line per piece of work given to it: its label and a progress bar."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, items) -> None:
        """items: (label, share done 0..1, or None when the share is unknown)."""
        theme = self.theme
        pad = theme.px(1.5)
        bottom = rect.bottom - theme.px(3)
        for label_text, share in reversed(list(items)):
            label = theme.text(label_text, "sm", "text2")
            bar_h = theme.px(0.6)
            w = max(theme.px(30), label.get_width() + 2 * pad)
            h = label.get_height() + bar_h + 3 * pad
            box = pygame.Rect(rect.x + theme.px(3), bottom - h, w, h)
            pygame.draw.rect(surface, theme.colour["raised"], box, border_radius=theme.px(1))
            surface.blit(label, (box.x + pad, box.y + pad))
            track = pygame.Rect(box.x + pad, box.bottom - pad - bar_h, w - 2 * pad, bar_h)
            pygame.draw.rect(surface, theme.colour["panel"], track, border_radius=bar_h // 2)
            if share is None:  # unknown length: a block sliding back and forth
                t = (pygame.time.get_ticks() / 1000) % 2
                t = t if t < 1 else 2 - t
                part = track.w // 4
                done = pygame.Rect(track.x + round((track.w - part) * t), track.y, part, bar_h)
            else:
                done = pygame.Rect(track.x, track.y, round(track.w * share), bar_h)
            pygame.draw.rect(surface, theme.colour["cyan"], done, border_radius=bar_h // 2)
            bottom = box.y - theme.px(1)
