"""Torch-free control of training sessions: one spawned worker process per session.

The UI process creates sessions, sends commands and drains events without ever blocking,
whatever state a worker is in (llmbreaker.channel). A worker that dies (exception, out of
memory, killed) or goes silent (stopped, wedged) is reported as an Error event, and the
session can be restarted with the same configuration.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import multiprocessing as mp
import time
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from llmbreaker import messages as m
from llmbreaker.config import SessionConfig
from llmbreaker.errors import OUT_OF_MEMORY, SESSION_NOT_FOUND, TRAINING_FAILED, LLMBreakerError
from llmbreaker.paths import ensure_working_folder
from llmbreaker.worker_process import STALL_AFTER, WorkerProcess

log = logging.getLogger(__name__)

RETIRE_GRACE = 1.0  # seconds a replaced worker has after SIGTERM before SIGKILL
CLOSE_GRACE = 2.0  # seconds every worker has after SIGTERM when the manager closes
KILLED = -9  # exit code of a process ended by SIGKILL, which is what the OOM killer sends
# Seconds after a start before the next spare is spawned: its torch import and warm-up step
# would otherwise take CPU from the new session's first steps, the seconds in which a visitor
# waits for the first words.
SPARE_DELAY = 6.0
START_FLUSH = 0.02  # seconds start() may wait for pipe room when a config carries a long text

_open_managers: weakref.WeakSet[SessionManager] = weakref.WeakSet()


@atexit.register
def _close_open_managers() -> None:
    for manager in list(_open_managers):
        manager.close()


@dataclass
class _Handle:
    """One session: its configuration and the worker (None when none could be started)."""

    config: SessionConfig
    worker: WorkerProcess | None
    started_at: float = field(default_factory=time.monotonic)
    heard_started: bool = False  # the worker has said Started for this config
    reported_death: bool = False
    stall_killed: bool = False


class SessionManager:
    """Starts, commands, watches and restarts training workers."""

    def __init__(
        self,
        keep_warm: bool = False,
        *,
        idle_workers: bool = False,
        context: str = "spawn",
        target=None,
    ) -> None:
        """idle_workers: every worker runs under SCHED_IDLE (the window's choice; see
        llmbreaker.worker_process.run_idle). context and target let tests run light stand-in
        workers (see WorkerProcess.spawn)."""
        self.keep_warm = keep_warm  # keep a spare worker ready after every start
        self.idle_workers = idle_workers
        self.spare_delay = SPARE_DELAY
        self._spare_due: float | None = None  # when poll() spawns the next spare
        self._ctx = mp.get_context(context)
        self._target = target
        self._sessions: dict[str, _Handle] = {}
        self._ids = itertools.count(1)
        self._retiring: list[tuple[float, WorkerProcess]] = []
        self._spare: WorkerProcess | None = None
        # The next spare is spawned on a thread: a process start costs the frame loop 5-30 ms
        # (more on a busy machine), and a start() that takes the spare asks for a new one.
        self._spawner: ThreadPoolExecutor | None = None
        self._spawning: Future[WorkerProcess | None] | None = None
        _open_managers.add(self)

    # ------------------------------------------------------------------ lifecycle

    def prewarm(self, background: bool = False) -> None:
        """Have a spare worker ready, so the next start() skips process and torch start-up.

        background=True spawns it on a thread and returns at once; poll() adopts it.
        """
        self._adopt_spawned()
        spare = self._spare
        if spare is not None and (not spare.alive() or spare.stalled()):
            self._retire(spare)
            self._spare = None
        if self._spare is not None or self._spawning is not None:
            return
        if background:
            if self._spawner is None:
                self._spawner = ThreadPoolExecutor(1, thread_name_prefix="worker-spawner")
            self._spawning = self._spawner.submit(self._spawn)
        else:
            self._spare = self._spawn()

    def start(self, config: SessionConfig, session_id: str | None = None) -> str:
        """Hand config to a worker (the warm spare if there is one); returns the session id.

        Replacing a session whose worker is still starting the same config does nothing: a
        visitor mashing R costs one worker, not one per press.
        """
        sid = session_id or f"s{next(self._ids)}"
        current = self._sessions.get(sid)
        if current is not None and self._still_starting(current, config):
            log.debug("session %s: restart ignored, its worker is still starting", sid)
            return sid
        if current is not None:
            self._end_session(sid, "replaced")
        worker = self._take_spare() or self._spawn()
        if worker is not None:
            worker.link.send(m.Start(config))
            worker.link.flush(START_FLUSH)
        self._sessions[sid] = _Handle(config, worker)
        log.info(
            "session %s started: %s (worker pid %s)",
            sid,
            describe(config),
            worker.pid if worker else "none",
        )
        if self.keep_warm:
            self._spare_due = time.monotonic() + self.spare_delay
        return sid

    def restart(self, session_id: str, config: SessionConfig | None = None) -> str:
        """Replace a session's worker with a fresh one, same id, same or new config."""
        return self.start(config or self._handle(session_id).config, session_id)

    def close_session(self, session_id: str, wait: bool = True, timeout: float = 1.0) -> None:
        """End a session's worker: wait for it to exit, or let poll() reap it (the UI's way)."""
        handle = self._sessions.get(session_id)
        if handle is None:
            return
        if not wait:
            self._end_session(session_id, "closed")
            return
        del self._sessions[session_id]
        log.info("session %s ended (closed): %s", session_id, describe(handle.config))
        worker = handle.worker
        if worker is not None and not worker.reaped:
            worker.link.send(m.Shutdown())
            worker.link.flush(0.1)
            worker.join(timeout)
            worker.end(timeout)

    def close(self) -> None:
        """End every worker, all at once; no process outlives the manager."""
        self._adopt_spawned(wait=True)
        if self._spawner is not None:
            self._spawner.shutdown(wait=False)
            self._spawner = None
        workers = [h.worker for h in self._sessions.values() if h.worker is not None]
        workers += [w for _, w in self._retiring]
        if self._spare is not None:
            workers.append(self._spare)
        for sid, handle in self._sessions.items():
            log.info("session %s ended (closing): %s", sid, describe(handle.config))
        self._sessions.clear()
        self._retiring = []
        self._spare = None
        for worker in workers:
            worker.terminate()
        deadline = time.monotonic() + CLOSE_GRACE
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))
        for worker in workers:
            if not worker.reaped:
                log.warning("worker pid %s ignored SIGTERM; killing it", worker.pid)
                worker.end(1.0)

    # ------------------------------------------------------------------ talking

    def is_alive(self, session_id: str) -> bool:
        handle = self._sessions.get(session_id)
        return handle is not None and handle.worker is not None and handle.worker.alive()

    def pid(self, session_id: str) -> int | None:
        worker = self._handle(session_id).worker
        return worker.pid if worker else None

    def worker_pids(self) -> list[int]:
        """Every worker process this manager still holds: sessions, spare and retiring."""
        self._adopt_spawned(wait=True)
        workers = [h.worker for h in self._sessions.values() if h.worker is not None]
        workers += [w for _, w in self._retiring]
        if self._spare is not None:
            workers.append(self._spare)
        return [w.pid for w in workers if not w.reaped]

    def send(self, session_id: str, command: m.Command) -> None:
        """Queue a command for a worker; never blocks."""
        handle = self._handle(session_id)
        if handle.worker is not None and not handle.reported_death:
            handle.worker.link.send(command)

    def poll(self, budget: float = 0.004) -> list[tuple[str, m.Event]]:
        """Drain waiting events from every worker within a time budget, oldest first."""
        if self._retiring:
            self._reap()
        self._adopt_spawned()
        if self._spare_due is not None and time.monotonic() >= self._spare_due:
            self._spare_due = None
            self.prewarm(background=True)
        if self._spare is not None:
            self._drain_spare(self._spare)
        deadline = time.perf_counter() + budget
        out: list[tuple[str, m.Event]] = []
        for sid, handle in list(self._sessions.items()):
            worker = handle.worker
            if worker is not None and not worker.reaped:
                worker.link.pump()
                while worker.link.has_message and (time.perf_counter() < deadline or not out):
                    event = self._receive(sid, worker, handle)
                    if event is not None:
                        out.append((sid, event))
            death = self._check_death(sid, handle)
            if death is not None:
                out.append((sid, death))
        return out

    def wait_for(self, session_id: str, kinds: tuple[type, ...], timeout: float = 30.0):
        """Block until an event of one of the kinds arrives (tests, CLI); others are returned too.

        Returns (matching event or None, every event seen meanwhile).
        """
        handle = self._handle(session_id)
        seen: list[m.Event] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            worker = handle.worker
            if worker is not None and not worker.reaped:
                worker.link.wait(min(0.05, max(0.0, deadline - time.monotonic())))
                while worker.link.has_message:
                    event = self._receive(session_id, worker, handle)
                    if event is None:
                        continue
                    seen.append(event)
                    if isinstance(event, kinds):
                        return event, seen
            else:
                time.sleep(0.05)
            death = self._check_death(session_id, handle)
            if death is not None:
                seen.append(death)
                if isinstance(death, kinds):
                    return death, seen
        return None, seen

    # ------------------------------------------------------------------ internals

    def _handle(self, session_id: str) -> _Handle:
        try:
            return self._sessions[session_id]
        except KeyError:
            raise LLMBreakerError(SESSION_NOT_FOUND, "Session expired. Please restart.") from None

    def _spawn(self) -> WorkerProcess | None:
        """A new worker, or None (logged) when the system cannot start one right now."""
        ensure_working_folder()  # spawn reads the working folder; it may have been deleted
        try:
            return WorkerProcess.spawn(self._ctx, self._target, idle=self.idle_workers)
        except Exception:  # out of processes, threads or file descriptors
            log.exception("could not start a worker process")
            return None

    def _adopt_spawned(self, wait: bool = False) -> None:
        """Make the worker the spawner thread started the spare (wait: even if not done yet)."""
        spawning = self._spawning
        if spawning is None or not (wait or spawning.done()):
            return
        self._spawning = None
        worker = spawning.result()  # _spawn logs and returns None rather than raise
        if worker is None:
            return
        if self._spare is None:
            self._spare = worker
        else:
            self._retire(worker)

    def _take_spare(self) -> WorkerProcess | None:
        # A spare still being spawned is only milliseconds away: cheaper than spawning another.
        self._adopt_spawned(wait=True)
        spare, self._spare = self._spare, None
        if spare is not None and spare.alive() and not spare.stalled():
            return spare
        if spare is not None:
            self._retire(spare)
        return None

    def _drain_spare(self, spare: WorkerProcess) -> None:
        """Read the spare's heartbeats, so its pipe never fills and its silence shows."""
        spare.link.pump()
        while spare.link.has_message:
            spare.link.take()
        if spare.stalled() or spare.gone():
            log.warning("spare worker pid %s died or went silent; replacing it", spare.pid)
            self._retire(spare)
            self._spare = None
            self.prewarm(background=True)

    def _still_starting(self, handle: _Handle, config: SessionConfig) -> bool:
        worker = handle.worker
        return (
            config == handle.config
            and not handle.heard_started
            and not handle.reported_death
            and worker is not None
            and worker.alive()
            and not worker.stalled()
        )

    def _end_session(self, sid: str, why: str) -> None:
        handle = self._sessions.pop(sid)
        log.info(
            "session %s ended (%s) after %.1f s: %s",
            sid,
            why,
            time.monotonic() - handle.started_at,
            describe(handle.config),
        )
        if handle.worker is not None:
            self._retire(handle.worker)

    def _retire(self, worker: WorkerProcess) -> None:
        """SIGTERM now (a worker has nothing to save); poll() reaps it, SIGKILL if it lingers."""
        worker.terminate()
        worker.link.close()
        if not worker.reap():
            self._retiring.append((time.monotonic(), worker))

    def _reap(self) -> None:
        still = []
        for since, worker in self._retiring:
            if worker.reap():
                continue
            if time.monotonic() - since > RETIRE_GRACE:
                worker.kill()  # stopped processes wait for SIGTERM; SIGKILL ends them anyway
            still.append((since, worker))
        self._retiring = still

    def _receive(self, sid: str, worker: WorkerProcess, handle: _Handle) -> m.Event | None:
        """The next message from a session's worker; None for heartbeats and junk."""
        try:
            event = worker.link.take()
        except Exception:  # a message that does not unpickle: drop it, keep the session
            log.exception("session %s: unreadable message from worker", sid)
            return None
        if isinstance(event, m.Heartbeat):
            return None
        if isinstance(event, m.Started):
            handle.heard_started = True
        elif isinstance(event, m.Completed):
            log.info("session %s completed at step %d in %.1f s", sid, event.step, event.wall_time)
        elif isinstance(event, m.Error) and event.fatal:
            log.warning("session %s failed: %s (%s)", sid, event.message, event.code)
        return event  # type: ignore[return-value]  # whatever the worker sends is an Event

    def _check_death(self, sid: str, handle: _Handle) -> m.Error | None:
        """An Error event the first time a worker is found dead or silent."""
        worker = handle.worker
        if handle.reported_death:
            if worker is not None:
                worker.reap()
            return None
        if worker is None:
            handle.reported_death = True
            log.error("session %s: no worker could be started", sid)
            return m.Error(TRAINING_FAILED, "Could not start training (the computer is busy).")
        if worker.stalled():
            handle.reported_death = handle.stall_killed = True
            worker.kill()
            log.error(
                "session %s: worker pid %s silent for over %.0f s (stopped or wedged); killed",
                sid,
                worker.pid,
                STALL_AFTER,
            )
            return m.Error(TRAINING_FAILED, "The training process stopped responding.")
        if not worker.gone():
            return None
        handle.reported_death = True
        worker.reap()
        code = worker.exitcode
        log.error("session %s: worker pid %s died (exit code %s)", sid, worker.pid, code)
        if code == KILLED:
            return m.Error(
                OUT_OF_MEMORY,
                "The training process was killed (out of memory?).",
            )
        return m.Error(TRAINING_FAILED, f"Training crashed (exit code {code}).")


def describe(config: SessionConfig) -> str:
    """A session for the log: its label and corpus."""
    corpus = config.dataset or (f"own text, {len(config.text):,} characters" if config.text else "")
    return f"{config.label or 'unlabelled'} [{corpus or 'default corpus'}]"
