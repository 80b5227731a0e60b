"""The landing's neural-network field: drifting nodes, links fading with distance, pulses."""

from __future__ import annotations

import numpy as np
import pygame

from game.theme import Theme, mix

NODES = 110
LINK_DISTANCE = 0.16  # of the window's diagonal-ish scale (height)
PULSES = 24
PULSE_SECONDS = 1.2
LINK_SHADES = 16  # link colours are picked from this many pre-mixed shades, not mixed per line


def _glow(radius: int, colour) -> pygame.Surface:
    """A soft round sprite, pre-multiplied on black so it can be added onto the background."""
    size = radius * 2 + 1
    surface = pygame.Surface((size, size))
    for r in range(radius, 0, -1):
        glow = min(1.0, 1.6 * (1 - r / radius) ** 1.5)
        pygame.draw.circle(surface, [round(c * glow) for c in colour], (radius, radius), r)
    return surface


class ParticleField:
    """Positions in numpy, links from a vectorised distance matrix, colours pre-mixed on bg."""

    def __init__(self, theme: Theme, seed: int = 7) -> None:
        self.theme = theme
        self.rng = np.random.default_rng(seed)
        self.pos = self.rng.random((NODES, 2))
        self.vel = (self.rng.random((NODES, 2)) - 0.5) * 0.02
        self.hue = self.rng.random(NODES)
        self.pulses: list[list[float]] = []  # [from, to, t]
        self._sprites: dict[tuple[int, int], pygame.Surface] = {}
        self.links: np.ndarray = np.zeros((0, 2), dtype=int)
        bg, line = theme.colour["bg"], theme.colour["blue"]
        self._shades = [
            mix(bg, line, 0.15 + 0.55 * (k / (LINK_SHADES - 1)) ** 2) for k in range(LINK_SHADES)
        ]

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        self.pos += self.vel * dt
        for axis in (0, 1):  # bounce softly off the edges
            low, high = self.pos[:, axis] < 0, self.pos[:, axis] > 1
            self.vel[low | high, axis] *= -1
            np.clip(self.pos[:, axis], 0, 1, out=self.pos[:, axis])
        for pulse in self.pulses:
            pulse[2] += dt / PULSE_SECONDS
        self.pulses = [p for p in self.pulses if p[2] < 1]
        if len(self.links) and len(self.pulses) < PULSES and self.rng.random() < 0.5:
            a, b = self.links[self.rng.integers(len(self.links))]
            self.pulses.append([int(a), int(b), 0.0])

    def _sprite(self, radius: int, which: int) -> pygame.Surface:
        key = (radius, which)
        if key not in self._sprites:
            colour = self.theme.colour["cyan" if which else "light"]
            self._sprites[key] = _glow(radius, colour)
        return self._sprites[key]

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        points = self.pos * (rect.w, rect.h) + (rect.x, rect.y)
        reach = LINK_DISTANCE * max(rect.w, rect.h)
        delta = points[:, None, :] - points[None, :, :]
        dist = np.sqrt((delta**2).sum(-1))
        i, j = np.nonzero(np.triu(dist < reach, 1))
        self.links = np.stack([i, j], 1) if len(i) else np.zeros((0, 2), dtype=int)
        shade = np.rint((1 - dist[i, j] / reach) * (LINK_SHADES - 1)).astype(int)
        width = max(1, theme.px(0.2))
        shades, xy, draw_line = self._shades, points.tolist(), pygame.draw.line
        for a, b, level in zip(i.tolist(), j.tolist(), shade.tolist(), strict=True):
            draw_line(surface, shades[level], xy[a], xy[b], width)
        node_r = theme.px(1.5)
        for k, (x, y) in enumerate(xy):
            sprite = self._sprite(node_r, int(self.hue[k] > 0.6))
            surface.blit(sprite, (x - node_r, y - node_r), special_flags=pygame.BLEND_RGB_ADD)
        pulse_r = theme.px(1.25)
        for start, end, t in self.pulses:
            px, py = points[int(start)] + (points[int(end)] - points[int(start)]) * t
            sprite = self._sprite(pulse_r, 1)
            surface.blit(sprite, (px - pulse_r, py - pulse_r), special_flags=pygame.BLEND_RGB_ADD)
