"""Palette, fonts, sizes on an 8 px grid scaled to the window, easing curves and a text cache."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import fontpkg_inter
import fontpkg_jetbrains_mono
import pygame

Colour = tuple[int, int, int]

PALETTE: dict[str, Colour] = {
    "bg": (15, 23, 42),  # slate-900
    "panel": (30, 41, 59),  # slate-800
    "raised": (51, 65, 85),  # slate-700
    "text": (241, 245, 249),  # slate-100
    "text2": (203, 213, 225),  # slate-300
    "dim": (100, 116, 139),  # slate-500
    "faint": (71, 85, 105),  # slate-600, for grid lines and untrained characters
    "blue": (59, 130, 246),
    "light": (96, 165, 250),
    "dark_blue": (37, 99, 235),
    "cyan": (6, 182, 212),
    "success": (16, 185, 129),
    "warning": (245, 158, 11),
    "heat_low": (255, 255, 255),
    "heat_mid": (96, 165, 250),
    "heat_high": (30, 58, 138),
}

# Font sizes in pixels at 1080 lines; bigger than the web spec so they read from two metres.
SIZES: dict[str, int] = {
    "xs": 18,
    "sm": 22,
    "base": 26,
    "lg": 32,
    "xl": 40,
    "xxl": 56,
    "hero": 144,
}

INTER = Path(fontpkg_inter.ROOT) / "files" / "Inter[opsz,wght].ttf"
MONO = Path(fontpkg_jetbrains_mono.ROOT) / "files" / "JetBrainsMono[wght].ttf"
# Rendered lines kept, least recently drawn dropped first. (Emptying the whole cache when it
# filled made the next frame render every line on screen again: 1-3 ms more CPU on each tab,
# measured, and every new line typed after that was one more render.)
TEXT_CACHE_LIMIT = 3000


def ease_out_cubic(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return 1 - (1 - t) ** 3


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """A colour between a and b; t=0 is a."""
    t = min(1.0, max(0.0, t))
    return (round(lerp(a[0], b[0], t)), round(lerp(a[1], b[1], t)), round(lerp(a[2], b[2], t)))


class Theme:
    """Everything visual that widgets ask for; rescaled when the window changes size."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.colour = PALETTE
        self._fonts: dict[tuple[int, bool, bool], pygame.font.Font] = {}
        self._texts: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.resize(size)

    def resize(self, size: tuple[int, int]) -> None:
        width, height = size
        self.size = size
        self.scale = max(0.4, min(width / 1920, height / 1080))
        self.unit = 8 * self.scale

    def px(self, units: float) -> int:
        """A length of `units` grid steps (8 px at 1080p)."""
        return max(1, round(units * self.unit))

    def font_px(self, size: str | int) -> int:
        base = SIZES[size] if isinstance(size, str) else size
        return max(9, round(base * self.scale))

    def font(self, size: str | int = "base", mono: bool = False, bold: bool = False):
        key = (self.font_px(size), mono, bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(str(MONO if mono else INTER), key[0])
            font.bold = bold
            self._fonts[key] = font
        return font

    def text(
        self,
        text: str,
        size: str | int = "base",
        colour: str | Colour = "text",
        mono: bool = False,
        bold: bool = False,
    ) -> pygame.Surface:
        """A rendered line of text, cached: font rendering is the slowest thing a frame does."""
        rgb = self.colour[colour] if isinstance(colour, str) else colour
        key = (text, self.font_px(size), rgb, mono, bold)
        surface = self._texts.get(key)
        if surface is not None:
            self._texts.move_to_end(key)
            return surface
        if len(self._texts) >= TEXT_CACHE_LIMIT:
            self._texts.popitem(last=False)
        surface = self.font(size, mono, bold).render(text, True, rgb)
        self._texts[key] = surface
        return surface

    def panel(self, surface: pygame.Surface, rect: pygame.Rect, title: str = "") -> pygame.Rect:
        """Draw a rounded panel, optionally titled; returns the inner content rect."""
        pygame.draw.rect(surface, self.colour["panel"], rect, border_radius=self.px(1.5))
        if title:
            pad = self.px(2.5)
            surface.blit(self._panel_title(title), (rect.x + pad, rect.y + pad))
        return self.panel_inner(rect, title)

    def panel_inner(self, rect: pygame.Rect, title: str = "") -> pygame.Rect:
        """The content rect panel() returns, without drawing (for views that keep the panel)."""
        pad = self.px(2.5)
        inner = rect.inflate(-2 * pad, -2 * pad)
        if title:
            top = self._panel_title(title).get_height() + self.px(1.5)
            inner = pygame.Rect(inner.x, inner.y + top, inner.w, inner.h - top)
        return inner

    def _panel_title(self, title: str) -> pygame.Surface:
        return self.text(title.upper(), "sm", "dim", bold=True)
