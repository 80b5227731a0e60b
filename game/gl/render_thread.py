"""The 3D view's own thread: it owns the GL context, so GL never touches the window's thread.

Why a thread: pygame's window, on X11 with software GL (Mesa), is presented through SDL's
own GL renderer on the main thread. Making an EGL context current on that thread (which
creating one does) leaves SDL drawing into the wrong context, and the window stops updating
for good (seen under Xvfb; SDL_FRAMEBUFFER_ACCELERATION=0 also avoids it). A context is
current per thread, so one made and used only here cannot disturb the window, whatever the
driver does.
"""

from __future__ import annotations

import copy
import threading
import time
from dataclasses import dataclass

import numpy as np

from game.gl import context as gl_context

STARTING, READY, FAILED = "starting", "ready", "failed"


@dataclass(frozen=True)
class Job:
    """One picture to draw: the matrix, the camera as it is now, the framebuffer size."""

    matrix: np.ndarray
    camera: object
    size: tuple[int, int]


@dataclass(frozen=True)
class Picture:
    """A finished picture: RGBA rows bottom first, and where the axis labels go on it."""

    pixels: bytes
    size: tuple[int, int]
    keys: np.ndarray
    queries: np.ndarray
    seconds: float
    serial: int


class RenderThread:
    """Renders the newest job it was given; jobs that arrive while it works replace each other."""

    def __init__(self) -> None:
        self.status = STARTING
        self.reason = ""
        self._wake = threading.Condition()
        self._job: Job | None = None
        self._picture: Picture | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="3d-view", daemon=True)
        self._thread.start()

    def submit(self, job: Job) -> None:
        with self._wake:
            self._job = job
            self._wake.notify()

    @property
    def picture(self) -> Picture | None:
        return self._picture

    def close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify()

    def wait_ready(self, timeout: float) -> str:
        """Block until the context exists or failed (tests, scripts); returns the status."""
        deadline = time.monotonic() + timeout
        while self.status == STARTING and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.status

    def _run(self) -> None:
        renderer = self._start()
        serial = 0
        while renderer is not None:
            with self._wake:
                while self._job is None and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                job, self._job = self._job, None
            if job is None:
                continue
            started = time.perf_counter()
            try:
                renderer.camera = copy.copy(job.camera)
                renderer.resize(job.size)
                pixels = renderer.draw_bytes(job.matrix)
                keys, queries = renderer.axis_points()
            except Exception as error:  # a driver failure mid-run: fall back to 2D
                self.reason, self.status = f"3D renderer failed: {error}".splitlines()[0], FAILED
                return
            serial += 1
            seconds = time.perf_counter() - started
            self._picture = Picture(pixels, renderer.size, keys, queries, seconds, serial)

    def _start(self):
        gl = gl_context.shared_context()
        if not gl.ok:
            self.reason, self.status = gl.reason, FAILED
            return None
        try:
            from game.gl.bars3d import BarsRenderer

            renderer = BarsRenderer(gl.ctx)
        except Exception as error:  # shader compile or framebuffer failure
            self.reason = f"3D renderer failed: {error}".splitlines()[0]
            self.status = FAILED
            return None
        self.status = READY
        return renderer
