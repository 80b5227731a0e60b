"""The 3D bars renderer under a standalone EGL context, and the no-GL fallback."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import numpy as np
import pytest

from game.gl import context as gl_context
from game.gl.camera import project
from llmbreaker.bench.worker_speed import rss_mb

SIZE = (128, 128)


@pytest.fixture(scope="module")
def renderer():
    gl = gl_context.create_context()
    if not gl.ok:
        pytest.skip(f"EGL/OpenGL 3.3 unavailable: {gl.reason}")
    from game.gl.bars3d import BarsRenderer

    yield BarsRenderer(gl.ctx, SIZE)
    gl.ctx.release()


def _blue_pixels(pixels: np.ndarray) -> int:
    """Pixels that are clearly blue (tall bars), not white/grey floor or slate background."""
    r, b = pixels[..., 0].astype(int), pixels[..., 2].astype(int)
    return int(((b - r) > 70).sum())


def test_bars_stand_where_weights_are_high(renderer):
    n = 8
    zeros = renderer.render(np.zeros((n, n), np.float32))
    assert zeros.shape == (SIZE[1], SIZE[0], 4)
    identity = renderer.render(np.eye(n, dtype=np.float32))
    assert _blue_pixels(identity) > 40 * max(1, _blue_pixels(zeros))
    # the top of the bar at (query 5, key 5) projects onto a blue pixel
    top = np.array([[5.5, renderer.height + 0.02, 5.5]])
    x, y = project(renderer.mvp(), top, SIZE)[0]
    below = identity[min(SIZE[1] - 1, int(y) + 2), int(x)]
    assert below[2] - below[0] > 70


def test_background_and_depth(renderer):
    pixels = renderer.render(np.zeros((8, 8), np.float32))
    assert tuple(pixels[0, 0, :3]) == (15, 23, 42)  # slate background in the corner
    surface = renderer.render_surface(np.eye(8, dtype=np.float32))
    assert surface.get_size() == SIZE


def test_no_gl_context_falls_back_to_2d(monkeypatch):
    from game.attention.view3d import Bars3DView

    failure = gl_context.GLContext(None, "forced failure for the test")
    monkeypatch.setattr(gl_context, "shared_context", lambda: failure)
    view = Bars3DView()
    assert view.ensure().wait_ready(10) == "failed"
    assert not view.available
    assert "forced failure" in view.reason


def test_resizing_frees_the_old_framebuffer(renderer):
    # The 3D view adapts its resolution to the frame rate; each new size used to leave the
    # old framebuffer behind (GL objects are not garbage collected): 8 MB a frame at 1024^2.
    matrix = np.tril(np.full((16, 16), 0.5, np.float32))
    renderer.resize((1024, 1024))
    renderer.render(matrix)
    before = rss_mb(os.getpid())
    for i in range(60):
        renderer.resize((1024 + i % 2, 1024))
        renderer.render(matrix)
    assert rss_mb(os.getpid()) - before < 120
    renderer.resize(SIZE)
