"""The 3D attention field: instanced shaded bars over a base grid, rendered off-screen."""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from pathlib import Path

import numpy as np
import pygame

from game.attention.colormap import STOPS
from game.gl.camera import OrbitCamera, project

SHADERS = Path(__file__).resolve().parents[2] / "assets" / "shaders"
BACKGROUND = (15 / 255, 23 / 255, 42 / 255, 1.0)  # the theme's slate background
GRID_COLOUR = (0.39, 0.45, 0.55, 1.0)
HEIGHT_SHARE = 0.45  # a weight of 1 is this share of the field's width tall
GRID_EVERY = 8  # cells between grid lines


@cache
def _gl_finish():
    """glFinish from the GL library moderngl's context uses, called through ctypes, or None.

    moderngl holds Python's lock through every call, and its framebuffer read waits for
    the software rasteriser: 20-40 ms during which the window's thread could not run a
    line (main-thread gaps p95 41 ms while the 3D view drew). ctypes lets go of the lock
    for a foreign call, so the wait happens here instead and the read only copies
    (gaps p95 4 ms; docs/performance.md).
    """
    name = ctypes.util.find_library("GL")
    try:
        return ctypes.CDLL(name).glFinish if name else None
    except (OSError, AttributeError):
        return None


def _cube() -> tuple[np.ndarray, np.ndarray]:
    """Vertices (position, normal) and triangle indices of the unit cube [0, 1]^3, no bottom."""
    faces = [  # normal, then the four corners counter-clockwise seen from outside
        ((0, 1, 0), [(0, 1, 0), (0, 1, 1), (1, 1, 1), (1, 1, 0)]),
        ((0, 0, 1), [(0, 0, 1), (1, 0, 1), (1, 1, 1), (0, 1, 1)]),
        ((0, 0, -1), [(1, 0, 0), (0, 0, 0), (0, 1, 0), (1, 1, 0)]),
        ((1, 0, 0), [(1, 0, 1), (1, 0, 0), (1, 1, 0), (1, 1, 1)]),
        ((-1, 0, 0), [(0, 0, 0), (0, 0, 1), (0, 1, 1), (0, 1, 0)]),
    ]
    vertices = [(*corner, *normal) for normal, quad in faces for corner in quad]
    indices = [4 * f + i for f in range(len(faces)) for i in (0, 1, 2, 0, 2, 3)]
    return np.array(vertices, dtype="f4"), np.array(indices, dtype="i4")


def _grid_lines(n: int) -> np.ndarray:
    """Floor lines every GRID_EVERY cells plus the border, slightly outside the field."""
    marks = sorted(set(range(0, n + 1, GRID_EVERY)) | {n})
    lines = []
    for m in marks:
        lines += [(m, 0, -0.5), (m, 0, n + 0.5), (-0.5, 0, m), (n + 0.5, 0, m)]
    return np.array(lines, dtype="f4")


class BarsRenderer:
    """Draws one T x T attention matrix as bars into its own framebuffer."""

    def __init__(self, ctx, size: tuple[int, int] = (960, 540)) -> None:
        self.ctx = ctx
        self.camera = OrbitCamera()
        self.n = 0
        self.size = (0, 0)
        self.causal = True
        self.bars = ctx.program(
            vertex_shader=(SHADERS / "bars.vert").read_text(),
            fragment_shader=(SHADERS / "bars.frag").read_text(),
        )
        self.grid = ctx.program(
            vertex_shader=(SHADERS / "grid.vert").read_text(),
            fragment_shader=(SHADERS / "grid.frag").read_text(),
        )
        for name, colour in zip(("u_low", "u_mid", "u_high"), STOPS / 255.0, strict=True):
            self.bars[name].value = tuple(float(c) for c in colour)
        self.bars["u_light"].value = (0.45, 0.85, 0.3)
        self.bars["u_ambient"].value = 0.42
        self.bars["u_gap"].value = 0.14
        self.grid["u_colour"].value = GRID_COLOUR
        vertices, indices = _cube()
        self.cube = ctx.buffer(vertices.tobytes())
        self.cube_indices = ctx.buffer(indices.tobytes())
        self.resize(size)

    def resize(self, size: tuple[int, int]) -> None:
        size = (max(8, int(size[0])), max(8, int(size[1])))
        if size == self.size:
            return
        self.size = size
        self._release("fbo", "colour", "depth")  # GL objects are not garbage collected
        self.colour = self.ctx.renderbuffer(size, components=4)
        self.depth = self.ctx.depth_renderbuffer(size)
        self.fbo = self.ctx.framebuffer(
            color_attachments=[self.colour], depth_attachment=self.depth
        )

    def _release(self, *names: str) -> None:
        """Free the named GL objects, if they exist, before replacing them."""
        for name in names:
            obj = self.__dict__.pop(name, None)
            if obj is not None:
                obj.release()

    def _shape(self, n: int) -> None:
        """(Re)build the per-cell buffers when the matrix side changes."""
        if n == self.n:
            return
        self.n = n
        self._release("bar_vao", "grid_vao", "weights", "grid_buffer")
        self.weights = self.ctx.buffer(reserve=n * n * 4)
        self.bar_vao = self.ctx.vertex_array(
            self.bars,
            [(self.cube, "3f 3f", "in_position", "in_normal"), (self.weights, "1f/i", "in_weight")],
            index_buffer=self.cube_indices,
        )
        self.grid_buffer = self.ctx.buffer(_grid_lines(n).tobytes())
        self.grid_vao = self.ctx.vertex_array(self.grid, [(self.grid_buffer, "3f", "in_position")])

    @property
    def height(self) -> float:
        return self.n * HEIGHT_SHARE

    def mvp(self) -> np.ndarray:
        return self.camera.mvp(self.n, self.height, self.size[0] / self.size[1])

    def draw_bytes(self, matrix: np.ndarray) -> bytes:
        """Draw the matrix into the framebuffer; returns its RGBA bytes, bottom row first."""
        import moderngl

        n = matrix.shape[0]
        self._shape(n)
        cells = matrix[np.tril_indices(n)] if self.causal else matrix.ravel()
        self.weights.write(np.ascontiguousarray(cells, dtype="f4").tobytes())
        mvp = self.mvp().T.astype("f4").tobytes()  # GLSL wants column-major
        self.bars["u_mvp"].write(mvp)
        self.grid["u_mvp"].write(mvp)
        self.bars["u_n"].value = self.n
        self.bars["u_height"].value = self.height
        self.bars["u_causal"].value = self.causal
        self.fbo.use()
        self.ctx.viewport = (0, 0, *self.size)
        self.ctx.clear(*BACKGROUND, depth=1.0)
        self.ctx.enable(moderngl.DEPTH_TEST | moderngl.CULL_FACE)
        self.grid_vao.render(moderngl.LINES)
        self.bar_vao.render(moderngl.TRIANGLES, instances=len(cells))
        finish = _gl_finish()
        if finish is not None:
            finish()  # the rasteriser works with Python's lock free (see _gl_finish)
        return self.fbo.read(components=4)

    def render(self, matrix: np.ndarray) -> np.ndarray:
        """Draw the matrix; returns the picture as (H, W, 4) uint8, top row first."""
        pixels = np.frombuffer(self.draw_bytes(matrix), dtype=np.uint8)
        return pixels.reshape(self.size[1], self.size[0], 4)[::-1]

    def render_surface(self, matrix: np.ndarray) -> pygame.Surface:
        """Draw the matrix as a pygame surface (flipped: GL rows run upwards)."""
        surface = pygame.image.frombuffer(
            self.draw_bytes(matrix), self.size, "RGBX"
        )  # opaque: fast blits
        return pygame.transform.flip(surface, False, True)

    def axis_points(self) -> tuple[np.ndarray, np.ndarray]:
        """Pixel positions of each key label (front edge) and query label (left edge)."""
        n = self.n
        cells = np.arange(n) + 0.5
        keys = np.c_[cells, np.zeros(n), np.full(n, n + 1.2)]
        queries = np.c_[np.full(n, -1.2), np.zeros(n), cells]
        mvp = self.mvp()
        return project(mvp, keys, self.size), project(mvp, queries, self.size)
