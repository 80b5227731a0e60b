"""Torch-free control of training sessions: one spawned worker process per session.

The UI process creates sessions, sends commands and drains events without ever blocking.
A worker that dies (exception, out of memory, killed) is reported as an Error event, and the
session can be restarted with the same configuration.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import multiprocessing as mp
import queue
import time
from dataclasses import dataclass, field

from llmbreaker import messages as m
from llmbreaker.config import SessionConfig
from llmbreaker.errors import OUT_OF_MEMORY, SESSION_NOT_FOUND, TRAINING_FAILED, LLMBreakerError

RETIRE_GRACE = 2.0  # seconds a replaced worker has to exit before it is terminated
KILLED = -9  # exit code of a process ended by SIGKILL, which is what the OOM killer sends


@dataclass
class _Handle:
    """One worker process and its queues."""

    config: SessionConfig | None
    process: mp.process.BaseProcess
    commands: mp.Queue
    events: mp.Queue
    closing: bool = False
    reported_death: bool = False
    started_at: float = field(default_factory=time.monotonic)


class SessionManager:
    """Starts, commands, watches and restarts training workers."""

    def __init__(self, keep_warm: bool = False) -> None:
        self.keep_warm = keep_warm  # keep a spare worker ready after every start
        self._ctx = mp.get_context("spawn")
        self._sessions: dict[str, _Handle] = {}
        self._ids = itertools.count(1)
        self._retiring: list[tuple[float, _Handle]] = []
        self._spare: tuple[mp.process.BaseProcess, mp.Queue, mp.Queue] | None = None
        atexit.register(self.close)

    # ------------------------------------------------------------------ lifecycle

    def prewarm(self) -> None:
        """Spawn a spare worker now, so the next start() skips process and torch start-up."""
        if self._spare is None or not self._spare[0].is_alive():
            self._spare = self._spawn()

    def start(self, config: SessionConfig, session_id: str | None = None) -> str:
        """Hand config to a worker (the warm spare if there is one); returns the session id."""
        sid = session_id or f"s{next(self._ids)}"
        if sid in self._sessions:
            self.close_session(sid, wait=False)
        spare, self._spare = self._spare, None
        if spare is None or not spare[0].is_alive():
            spare = self._spawn()
        process, commands, events = spare
        commands.put(m.Start(config))
        self._sessions[sid] = _Handle(config, process, commands, events)
        if self.keep_warm:
            self.prewarm()
        return sid

    def _spawn(self) -> tuple[mp.process.BaseProcess, mp.Queue, mp.Queue]:
        from llmbreaker.worker import worker_main  # the module imports torch only lazily

        commands, events = self._ctx.Queue(), self._ctx.Queue()
        process = self._ctx.Process(
            target=worker_main, args=(commands, events), name="llmbreaker-worker", daemon=True
        )
        process.start()
        return process, commands, events

    def restart(self, session_id: str, config: SessionConfig | None = None) -> str:
        """Replace a session's worker with a fresh one, same id, same or new config."""
        config = config or self._handle(session_id).config
        if config is None:  # only a spare worker has none, and it has no session id
            raise LLMBreakerError(SESSION_NOT_FOUND, f"No session '{session_id}' to restart.")
        return self.start(config, session_id)

    def close_session(self, session_id: str, wait: bool = True, timeout: float = 1.0) -> None:
        """Ask a worker to exit; wait for it, or let poll() reap it so the UI never stalls."""
        handle = self._sessions.pop(session_id, None)
        if handle is None:
            return
        if wait:
            _stop_process(handle, timeout)
            return
        handle.closing = True
        with contextlib.suppress(OSError, ValueError):
            handle.commands.put(m.Shutdown())
        self._retiring.append((time.monotonic(), handle))

    def _reap(self) -> None:
        """Drain and finish retiring workers; terminate any that linger."""
        still = []
        for since, handle in self._retiring:
            with contextlib.suppress(queue.Empty, EOFError, OSError, ValueError):
                while True:  # a worker cannot exit while its queue's pipe is full
                    handle.events.get_nowait()
            age = time.monotonic() - since
            if handle.process.is_alive() and age > 2 * RETIRE_GRACE:
                handle.process.kill()
            elif handle.process.is_alive() and age > RETIRE_GRACE:
                handle.process.terminate()
            if handle.process.is_alive():
                still.append((since, handle))
            else:
                _stop_process(handle, 0.1)
        self._retiring = still

    def close(self) -> None:
        """End every worker; no process outlives the manager."""
        handles = list(self._sessions.values()) + [h for _, h in self._retiring]
        self._sessions.clear()
        self._retiring = []
        if self._spare is not None:
            handles.append(_Handle(None, *self._spare))
            self._spare = None
        for handle in handles:
            handle.closing = True
            if handle.process.is_alive():
                handle.commands.put(m.Shutdown())
        for handle in handles:
            _stop_process(handle, 1.0)

    # ------------------------------------------------------------------ talking

    def is_alive(self, session_id: str) -> bool:
        handle = self._sessions.get(session_id)
        return handle is not None and handle.process.is_alive()

    def pid(self, session_id: str) -> int | None:
        return self._handle(session_id).process.pid

    def send(self, session_id: str, command: m.Command) -> None:
        """Queue a command for a worker; never blocks."""
        handle = self._handle(session_id)
        if handle.process.is_alive():
            handle.commands.put(command)

    def poll(self, budget: float = 0.004) -> list[tuple[str, m.Event]]:
        """Drain waiting events from every worker within a time budget, oldest first."""
        if self._retiring:
            self._reap()
        deadline = time.perf_counter() + budget
        out: list[tuple[str, m.Event]] = []
        for sid, handle in list(self._sessions.items()):
            while time.perf_counter() < deadline or not out:
                try:
                    out.append((sid, handle.events.get_nowait()))
                except queue.Empty:
                    break
                except (EOFError, OSError):
                    break
            death = self._check_death(handle)
            if death is not None:
                out.append((sid, death))
        return out

    def wait_for(self, session_id: str, kinds: tuple[type, ...], timeout: float = 30.0):
        """Block until an event of one of the kinds arrives (tests, CLI); others are returned too.

        Returns (matching event or None, every event seen meanwhile).
        """
        handle = self._handle(session_id)
        seen = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = handle.events.get(timeout=0.05)
            except queue.Empty:
                death = self._check_death(handle)
                if death is not None:
                    seen.append(death)
                    if isinstance(death, kinds):
                        return death, seen
                continue
            seen.append(event)
            if isinstance(event, kinds):
                return event, seen
        return None, seen

    # ------------------------------------------------------------------ internals

    def _handle(self, session_id: str) -> _Handle:
        try:
            return self._sessions[session_id]
        except KeyError:
            raise LLMBreakerError(SESSION_NOT_FOUND, "Session expired. Please restart.") from None

    def _check_death(self, handle: _Handle) -> m.Error | None:
        """An Error event the first time a worker is found dead without being asked to exit."""
        if handle.closing or handle.reported_death or handle.process.is_alive():
            return None
        if not handle.events.empty():
            return None  # report the death after the events it sent before dying
        handle.reported_death = True
        code = handle.process.exitcode
        if code == KILLED:
            return m.Error(
                OUT_OF_MEMORY,
                "The training process was killed (out of memory?).",
            )
        return m.Error(TRAINING_FAILED, f"Training crashed (exit code {code}).")


def _stop_process(handle: _Handle, timeout: float) -> None:
    handle.closing = True
    process = handle.process
    if process.is_alive():
        with contextlib.suppress(OSError, ValueError):
            handle.commands.put(m.Shutdown())
        process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join(timeout)
    for q in (handle.commands, handle.events):
        q.cancel_join_thread()
        q.close()
