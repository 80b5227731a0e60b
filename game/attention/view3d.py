"""The 3D bars view inside the tab: lazy GL context, slow orbit, eased camera keys, labels."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

import numpy as np
import pygame

from game.attention.heatmap import glyph
from game.gl import context as gl_context

if TYPE_CHECKING:  # moderngl is imported only when 3D is first shown
    from game.gl.bars3d import BarsRenderer

MAX_RENDER_WIDTH = 1280  # internal resolution cap
RENDER_BUDGET = 0.030  # seconds; slower renders shrink the internal resolution, faster grow it
MIN_SCALE = 0.4
ORBIT_SPEED = math.radians(6)  # per second, when nobody is steering
ORBIT_RESUME_AFTER = 6.0  # seconds after the last camera key
KEY_TURN = math.radians(20)
KEY_TILT = math.radians(8)
KEY_ZOOM = 1.15
EASE = 8.0


class Bars3DView:
    """Owns the renderer; `available` is False (with `reason`) when no GL 3.3 context exists."""

    def __init__(self) -> None:
        self.renderer: BarsRenderer | None = None
        self.reason = ""
        self.tried = False
        self.idle = ORBIT_RESUME_AFTER
        self.pending_yaw = self.pending_pitch = 0.0
        self.pending_zoom = 1.0
        self.scale = 0.75  # internal resolution share of the panel, adapted to the machine

    def ensure(self) -> bool:
        """Create the GL context and renderer on first use; remember a failure."""
        if not self.tried:
            self.tried = True
            gl = gl_context.shared_context()
            if gl.ok:
                try:
                    from game.gl.bars3d import BarsRenderer

                    self.renderer = BarsRenderer(gl.ctx)
                except Exception as error:  # shader compile or framebuffer failure
                    self.reason = f"3D renderer failed: {error}".splitlines()[0]
            else:
                self.reason = gl.reason
        return self.renderer is not None

    @property
    def available(self) -> bool:
        return self.ensure()

    def steer(self, action: str) -> None:
        """Queue a camera move; update() eases it in."""
        self.idle = 0.0
        if action in ("left", "right"):
            self.pending_yaw += KEY_TURN * (1 if action == "left" else -1)
        elif action in ("up", "down"):
            self.pending_pitch += KEY_TILT * (1 if action == "up" else -1)
        elif action in ("zoom_in", "zoom_out"):
            self.pending_zoom *= 1 / KEY_ZOOM if action == "zoom_in" else KEY_ZOOM

    def update(self, dt: float) -> None:
        if self.renderer is None:
            return
        camera = self.renderer.camera
        share = 1.0 - math.exp(-EASE * dt)
        camera.rotate(self.pending_yaw * share)
        camera.tilt(self.pending_pitch * share)
        camera.zoom_by(self.pending_zoom**share)
        self.pending_yaw *= 1 - share
        self.pending_pitch *= 1 - share
        self.pending_zoom **= 1 - share
        self.idle += dt
        if self.idle >= ORBIT_RESUME_AFTER:
            camera.rotate(ORBIT_SPEED * dt)

    def draw(self, surface, theme, rect: pygame.Rect, matrix: np.ndarray, probe: str) -> bool:
        """Render the bars into rect with axis labels; False when 3D is unavailable."""
        if not self.ensure() or self.renderer is None:
            return False
        # Whole tenths, so the framebuffer is rebuilt only when the scale really moves.
        scale = min(round(self.scale, 1), MAX_RENDER_WIDTH / max(1, rect.w))
        self.renderer.resize((round(rect.w * scale), round(rect.h * scale)))
        started = time.perf_counter()
        picture = self.renderer.render_surface(matrix)
        if scale < 1.0:
            picture = pygame.transform.smoothscale(picture, rect.size)
        self._adapt(time.perf_counter() - started)
        surface.blit(picture, rect.topleft)
        self._labels(surface, theme, rect, self.renderer, probe[: matrix.shape[0]], 1 / scale)
        return True

    def _adapt(self, seconds: float) -> None:
        """Trade sharpness for frame rate: software GL slows down when training shares the CPU."""
        if seconds > RENDER_BUDGET:
            self.scale = max(MIN_SCALE, self.scale * 0.93)
        elif seconds < RENDER_BUDGET * 0.6:
            self.scale = min(1.0, self.scale * 1.03)

    def _labels(
        self, surface, theme, rect, renderer: BarsRenderer, text: str, factor: float
    ) -> None:
        keys, queries = renderer.axis_points()
        every = max(1, math.ceil(len(text) / 32))  # thin the characters when they would crowd
        for points, colour in ((keys, "text2"), (queries, "light")):
            for index in range(0, len(text), every):
                x, y = points[index]
                if not (np.isfinite(x) and np.isfinite(y)):
                    continue
                label = theme.text(glyph(text[index]), "xs", colour, mono=True)
                surface.blit(
                    label, label.get_rect(center=(rect.x + x * factor, rect.y + y * factor))
                )
        for points, name in ((keys, "key →"), (queries, "query →")):
            x, y = points[len(points) // 2] if len(points) else (math.nan, math.nan)
            if np.isfinite(x) and np.isfinite(y):
                label = theme.text(name, "sm", "dim")
                # push the axis name outwards from the field's centre
                cx, cy = rect.centerx - rect.x, rect.centery - rect.y
                dx, dy = x * factor - cx, y * factor - cy
                norm = max(1.0, math.hypot(dx, dy))
                pos = (
                    rect.x + x * factor + dx / norm * theme.px(5),
                    rect.y + y * factor + dy / norm * theme.px(5),
                )
                surface.blit(label, label.get_rect(center=pos))
