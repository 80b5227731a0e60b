"""Slow work off the frame loop: one worker thread, results handed back on the next frame.

A job's function runs on the thread with a `progress(share)` callback; its `done` or `failed`
callback runs later on the frame loop (in `update`), so tabs never touch state from two
threads. Jobs must not draw: give them bytes, arrays or paths, never a live pygame surface.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class Job:
    """One piece of work, from queued through running to finished."""

    label: str  # what the busy badge says, e.g. "Saving attention GIF"
    work: Callable[[Callable[[float], None]], Any]
    done: Callable[[Any], None]
    failed: Callable[[Exception], None]
    progress: float | None = None  # share done, None until the work reports one
    started: bool = False
    result: Any = None
    error: Exception | None = None
    finished: threading.Event = field(default_factory=threading.Event)


class Background:
    """Queue jobs; `update()` once a frame delivers their results; `jobs` feeds a badge."""

    def __init__(self, name: str = "background") -> None:
        self.name = name
        self.jobs: list[Job] = []  # queued or running, oldest first
        self._todo: queue.Queue[Job | None] = queue.Queue()
        self._finished: queue.Queue[Job] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(
        self,
        label: str,
        work: Callable[[Callable[[float], None]], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> Job:
        job = Job(label, work, done, failed)
        self.jobs.append(job)
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name=self.name, daemon=True)
                self._thread.start()
        self._todo.put(job)
        return job

    def waiting(self) -> int:
        return sum(1 for job in self.jobs if not job.started)

    def update(self) -> None:
        """Run the callbacks of every job that finished since the last frame."""
        while True:
            try:
                job = self._finished.get_nowait()
            except queue.Empty:
                return
            if job in self.jobs:
                self.jobs.remove(job)
            try:
                job.failed(job.error) if job.error else job.done(job.result)
            except Exception:  # a callback's bug must not reach the frame loop
                log.exception("callback of %s failed", job.label)

    def wait(self, timeout: float = 10.0) -> bool:
        """Block until every queued job has finished and been delivered (tests, closing)."""
        deadline = time.monotonic() + timeout
        for job in list(self.jobs):
            if not job.finished.wait(max(0.0, deadline - time.monotonic())):
                return False
        self.update()
        return True

    def close(self, timeout: float = 5.0) -> None:
        """Let queued jobs finish (bounded), then stop the thread."""
        self.wait(timeout)
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._todo.put(None)
            thread.join(timeout=1.0)

    def _work(self) -> None:
        while (job := self._todo.get()) is not None:
            job.started = True

            def progress(share: float, job=job) -> None:
                job.progress = min(1.0, max(0.0, share))

            try:
                job.result = job.work(progress)
            except Exception as exc:  # handed to the job's own `failed` on the frame loop
                job.error = exc
            self._finished.put(job)
            job.finished.set()
