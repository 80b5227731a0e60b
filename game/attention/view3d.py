"""The 3D bars view inside the tab: rendered on its own thread, slow orbit, eased camera keys."""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.attention.heatmap import glyph
from game.gl.camera import OrbitCamera
from game.gl.render_thread import FAILED, READY, Job, RenderThread

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
    """Owns the render thread; `available` is False (with `reason`) when no GL 3.3 context exists.

    draw() hands the thread the current matrix and camera and shows the newest finished
    picture, so a slow software renderer lowers the 3D view's frame rate, never the window's.
    """

    def __init__(self) -> None:
        self.thread: RenderThread | None = None
        self.camera = OrbitCamera()
        self.idle = ORBIT_RESUME_AFTER
        self.pending_yaw = self.pending_pitch = 0.0
        self.pending_zoom = 1.0
        self.scale = 0.75  # internal resolution share of the panel, adapted to the machine
        self._shown: tuple[int, pygame.Surface] | None = None  # (serial, surface) last built

    def ensure(self) -> RenderThread:
        """Start the render thread (it makes the GL context) on first use."""
        if self.thread is None:
            self.thread = RenderThread()
        return self.thread

    @property
    def status(self) -> str:
        return self.ensure().status

    @property
    def available(self) -> bool:
        """False once the context or renderer failed; True while starting or ready."""
        return self.status != FAILED

    @property
    def reason(self) -> str:
        return self.thread.reason if self.thread else ""

    def close(self) -> None:
        if self.thread is not None:
            self.thread.close()

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
        camera = self.camera
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
        """Ask for a new picture and show the newest one; False when 3D is unavailable."""
        thread = self.ensure()
        if thread.status == FAILED:
            return False
        # Whole tenths, so the framebuffer is rebuilt only when the scale really moves.
        scale = min(round(self.scale, 1), MAX_RENDER_WIDTH / max(1, rect.w))
        size = (max(8, round(rect.w * scale)), max(8, round(rect.h * scale)))
        thread.submit(Job(np.array(matrix, dtype=np.float32), self.camera, size))
        picture = thread.picture
        if thread.status != READY or picture is None:
            label = theme.text("Preparing the 3D view…", "lg", "text2")
            surface.blit(label, label.get_rect(center=rect.center))
            return True
        if self._shown is None or self._shown[0] != picture.serial:
            self._adapt(picture.seconds)
            image = pygame.image.frombuffer(picture.pixels, picture.size, "RGBX")  # opaque: fast
            image = pygame.transform.flip(image, False, True)  # GL rows run upwards
            if image.get_size() != rect.size:
                image = pygame.transform.smoothscale(image, rect.size)
            self._shown = (picture.serial, image)
        surface.blit(self._shown[1], rect.topleft)
        factor = (rect.w / picture.size[0], rect.h / picture.size[1])
        self._labels(surface, theme, rect, probe[: matrix.shape[0]], picture, factor)
        return True

    def _adapt(self, seconds: float) -> None:
        """Trade sharpness for frame rate: software GL slows down when training shares the CPU."""
        if seconds > RENDER_BUDGET:
            self.scale = max(MIN_SCALE, self.scale * 0.93)
        elif seconds < RENDER_BUDGET * 0.6:
            self.scale = min(1.0, self.scale * 1.03)

    def _labels(self, surface, theme, rect, text: str, picture, factor) -> None:
        keys, queries = picture.keys, picture.queries
        fx, fy = factor
        every = max(1, math.ceil(len(text) / 32))  # thin the characters when they would crowd
        for points, colour in ((keys, "text2"), (queries, "light")):
            for index in range(0, min(len(text), len(points)), every):
                x, y = points[index]
                if not (np.isfinite(x) and np.isfinite(y)):
                    continue
                label = theme.text(glyph(text[index]), "xs", colour, mono=True)
                surface.blit(label, label.get_rect(center=(rect.x + x * fx, rect.y + y * fy)))
        for points, name in ((keys, "key →"), (queries, "query →")):
            x, y = points[len(points) // 2] if len(points) else (math.nan, math.nan)
            if np.isfinite(x) and np.isfinite(y):
                label = theme.text(name, "sm", "dim")
                # push the axis name outwards from the field's centre
                cx, cy = rect.centerx - rect.x, rect.centery - rect.y
                dx, dy = x * fx - cx, y * fy - cy
                norm = max(1.0, math.hypot(dx, dy))
                pos = (
                    rect.x + x * fx + dx / norm * theme.px(5),
                    rect.y + y * fy + dy / norm * theme.px(5),
                )
                surface.blit(label, label.get_rect(center=pos))
