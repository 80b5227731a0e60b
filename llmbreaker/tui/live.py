"""LiveTUI: a rich Live view fed by a bounded queue, drawn from a background thread at <= 20 FPS.

Any training loop can use it: it imports neither torch nor the rest of the engine. The loop
calls update_* (never blocks; when the queue is full the update is dropped and counted) and
calls `wait_for_step()` before each step (it holds while P has paused the view, lets one
step through per S, and returns False once Q is pressed). Parts for values a loop's model
never has (reward, KL, mRoPE, vision injection, GPU) can be hidden with `hide`.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable

from rich.console import Console
from rich.live import Live

from llmbreaker.tui.keys import KeyReader
from llmbreaker.tui.render import render_frame
from llmbreaker.tui.state import CreditState, DecodeState, TrainingState
from llmbreaker.tui.view import OPTIONAL_PARTS, View

MAX_FPS = 20.0


class LiveTUI:
    """The terminal live view of attention and the KV cache while a model decodes and trains."""

    def __init__(
        self,
        num_layers: int = 28,
        num_heads: int = 16,
        display_layers: int = 6,
        flash_hz: float = 5.0,
        max_cache: int = 2048,
        *,
        fps: float = MAX_FPS,
        queue_size: int = 100,
        console: Console | None = None,
        read_keys: bool = True,
        screen: bool = True,
        on_key: Callable[[str], None] | None = None,
        hide: Iterable[str] = (),
    ) -> None:
        hidden = frozenset(hide)
        if not hidden <= OPTIONAL_PARTS:
            unknown = ", ".join(sorted(hidden - OPTIONAL_PARTS))
            known = ", ".join(sorted(OPTIONAL_PARTS))
            raise ValueError(f"Cannot hide {unknown}; the optional parts are {known}.")
        self.view = View(num_layers, num_heads, display_layers, max_cache, flash_hz, hidden)
        self.fps = min(MAX_FPS, fps) if fps > 0 else MAX_FPS
        self.queue: queue.Queue = queue.Queue(maxsize=queue_size)
        self.console = console or Console()
        self.screen = screen
        self.on_key = on_key
        self.dropped = 0
        self.frames = 0
        self.quit_requested = threading.Event()
        self._steps = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._keys = KeyReader(self.handle_key) if read_keys else None

    # ------------------------------------------------------------- what the loop calls

    @property
    def paused(self) -> bool:
        """True after P until P again; the loop should stop stepping while it is set."""
        return self.view.paused

    def update_decode(self, state: DecodeState) -> bool:
        """Show a decode step; False if the queue was full and the update dropped."""
        return self._offer(("decode", state))

    def update_training(self, state: TrainingState) -> bool:
        """Show a training step's metrics."""
        return self._offer(("training", state))

    def update_credit(self, tokens: list[str], credits: list[float]) -> bool:
        """Show each context token's credit for the latest choice."""
        return self._offer(("credit", CreditState(list(tokens), [float(c) for c in credits])))

    def notify(self, text: str) -> bool:
        """A short notice at the bottom right (e.g. what the loop is doing)."""
        return self._offer(("notice", text))

    def wait_for_step(self, poll: float = 0.02) -> bool:
        """Hold while paused (P resumes, S lets exactly one step through); False once Q is
        pressed, at once, paused or not."""
        while not self.quit_requested.is_set():
            if not self.paused or self.take_step():
                return True
            self.quit_requested.wait(poll)
        return False

    def take_step(self) -> bool:
        """True once per S pressed while paused: the loop may run one step."""
        with self._lock:
            if self._steps:
                self._steps -= 1
                return True
            return False

    def handle_key(self, key: str) -> None:
        """P pause/resume, S one step, L next layer, Q quit; other keys go to on_key only."""
        lower = key.lower()
        with self._lock:
            if lower == "p":
                self.view.paused = not self.view.paused
            elif lower == "s":
                self.view.paused = True
                self._steps += 1
            elif lower == "l":
                self.view.selected_layer = (self.view.layer() + 1) % self.view.num_layers
            elif lower == "q":
                self.quit_requested.set()
        if self.on_key is not None:
            self.on_key(lower)

    # ------------------------------------------------------------- lifecycle

    def start(self) -> LiveTUI:
        """Start drawing in a background thread (and reading keys if stdin is a terminal)."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._render_loop, name="tui", daemon=True)
            self._thread.start()
            if self._keys is not None:
                self._keys.start()
        return self

    def stop(self) -> None:
        """Stop drawing and reading keys; the terminal is restored."""
        self._stop.set()
        if self._keys is not None:
            self._keys.stop()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None

    def __enter__(self) -> LiveTUI:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    # ------------------------------------------------------------- drawing

    def render_frame(self, width: int | None = None, height: int | None = None, now=None):
        """Apply queued updates and return the frame for a width x height terminal."""
        self.drain()
        size = self.console.size
        with self._lock:
            self.view.dropped = self.dropped
            return render_frame(
                self.view,
                width or size.width,
                height or size.height,
                time.monotonic() if now is None else now,
            )

    def drain(self) -> int:
        """Apply every queued update, newest last; returns how many."""
        applied = 0
        while True:
            try:
                kind, payload = self.queue.get_nowait()
            except queue.Empty:
                return applied
            applied += 1
            with self._lock:
                if kind == "decode":
                    self.view.decode = payload
                elif kind == "training":
                    self.view.training = payload
                elif kind == "credit":
                    self.view.credit = payload
                elif kind == "notice":
                    self.view.notice = payload

    def _offer(self, item) -> bool:
        try:
            self.queue.put_nowait(item)
            return True
        except queue.Full:
            self.dropped += 1
            return False

    def _render_loop(self) -> None:
        period = 1.0 / self.fps
        with Live(
            console=self.console,
            screen=self.screen,
            auto_refresh=False,
            redirect_stdout=False,
            redirect_stderr=False,
            transient=not self.screen,
        ) as live:
            while not self._stop.is_set():
                started = time.monotonic()
                live.update(self.render_frame(), refresh=True)
                self.frames += 1
                self._stop.wait(max(0.0, period - (time.monotonic() - started)))
