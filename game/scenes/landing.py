"""The landing and attract screen: particle field, logo, tagline and "Press Enter to launch"."""

from __future__ import annotations

import math

import pygame

from game.scenes.base import Scene
from game.theme import ease_out_cubic
from game.widgets.logo import gradient_text
from game.widgets.particle_field import ParticleField

TAGLINE = "See intelligence emerge in real-time"
FADE_SECONDS = 0.5


class LandingScene(Scene):
    name = "landing"
    # The field drifts a few pixels a second: 20 frames look as smooth as 30 and, with the
    # pre-mixed link shades, bring the idle landing from 31 % of a core to under 10 %.
    fps = 20

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.field = ParticleField(ctx.theme)
        self.age = 0.0
        self._veil: pygame.Surface | None = None

    def enter(self) -> None:
        super().enter()
        self.age = 0.0

    def handle_action(self, action: str) -> bool:
        if action == "launch":
            self.next_scene = "dashboard"
            return True
        return False

    def update(self, dt: float) -> None:
        self.age += dt
        self.field.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.theme
        rect = surface.get_rect()
        surface.fill(theme.colour["bg"])
        self.field.draw(surface, rect)
        logo = gradient_text(theme, "LLMBreaker", "hero")
        lift = round((1 - ease_out_cubic(self.age / FADE_SECONDS)) * theme.px(3))
        center_y = rect.centery - theme.px(6) + lift
        self._backdrop(
            surface,
            logo.get_rect(center=(rect.centerx, center_y)).inflate(theme.px(12), theme.px(24)),
        )
        surface.blit(logo, logo.get_rect(center=(rect.centerx, center_y)))
        tagline = theme.text(TAGLINE, "xl", "text2")
        surface.blit(
            tagline,
            tagline.get_rect(
                midtop=(rect.centerx, center_y + logo.get_height() // 2 + theme.px(2))
            ),
        )
        self._draw_launch(surface, rect, center_y + logo.get_height() // 2 + theme.px(14))
        hint = theme.text(f"{self.ctx.keys.label('help')} shows the keys", "sm", "dim")
        surface.blit(hint, hint.get_rect(midbottom=(rect.centerx, rect.bottom - theme.px(4))))
        self._fade_in(surface)

    def _backdrop(self, surface, rect: pygame.Rect) -> None:
        """A soft dark plate behind the title so the field never fights the words."""
        if self._veil is None or self._veil.get_size() != rect.size:
            self._veil = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.rect(
                self._veil,
                (*self.theme.colour["bg"], 170),
                self._veil.get_rect(),
                border_radius=rect.h // 2,
            )
        surface.blit(self._veil, rect)

    def _draw_launch(self, surface, rect: pygame.Rect, top: int) -> None:
        theme = self.theme
        label = theme.text(
            f"Press {self.ctx.keys.label('launch')} to launch", "lg", "text", bold=True
        )
        button = label.get_rect(midtop=(rect.centerx, top)).inflate(theme.px(8), theme.px(3))
        glow = 0.5 + 0.5 * math.sin(self.age * 2.5)
        pygame.draw.rect(surface, theme.colour["dark_blue"], button, border_radius=theme.px(1.5))
        edge = tuple(
            round(a + (b - a) * glow)
            for a, b in zip(theme.colour["blue"], theme.colour["cyan"], strict=True)
        )
        pygame.draw.rect(
            surface, edge, button, width=max(2, theme.px(0.3)), border_radius=theme.px(1.5)
        )
        surface.blit(label, label.get_rect(center=button.center))

    def _fade_in(self, surface) -> None:
        if self.age >= FADE_SECONDS:
            return
        veil = pygame.Surface(surface.get_size())
        veil.fill(self.theme.colour["bg"])
        veil.set_alpha(round(255 * (1 - ease_out_cubic(self.age / FADE_SECONDS))))
        surface.blit(veil, (0, 0))
