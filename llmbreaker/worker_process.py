"""One spawned worker process and its link, as the UI holds it: start, talk, watch, end, reap."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import signal
import time

from llmbreaker.channel import UILink

log = logging.getLogger(__name__)

# A live worker sends something at least every HEARTBEAT_PERIOD (llmbreaker.worker); after
# STALL_AFTER seconds of silence it is stopped (SIGSTOP), wedged half-way through a message,
# or starved. 8 missed heartbeats: a loaded 2-core machine never starved a worker that long
# in the robustness runs, and the UI still shows the error within 5 s.
STALL_AFTER = 4.0
# A worker's first word comes once Python has started and torch has loaded and warmed up:
# 1-2 s on an idle machine, 13-32 s measured at load 30 (eight test suites on two cores).
FIRST_WORD_GRACE = 90.0
# Workers yield the CPU to the window: on 2 cores, two Break It workers and the window all want
# a core, and at equal priority a frame waits its turn behind training steps. Training alone on
# the machine runs as fast as before (niceness only matters when processes contend).
WORKER_NICENESS = 5


def run_idle(pid: int) -> bool:
    """Put process `pid`'s main thread, and every thread it starts later, under SCHED_IDLE.

    Why (2-core machine, kernel 6.18, 250 Hz tick): the overview's frames need 5-8 ms of CPU,
    yet about a third of them were preempted for 4-6 ms, a tick at a time. That happens when
    the window shares a core with a training worker, the other core being busy with anything
    (the spare's warm-up, another program). Forced onto one core with a CPU-bound process
    (scripts/ui_preemption.py traces it in the exhibit itself), a 5.5 ms frame was cut in
    80-82 % of frames with the process at nice 5 (p99 18-20 ms), 14-53 % at nice 15, and
    7-17 % under SCHED_IDLE (p99 10-12 ms, the rest by other programs). Niceness only sets
    shares; an idle-policy thread yields as soon as a normal one wants its core. The price:
    beside other busy programs training gets only what they leave. With two `yes` beside the
    exhibit (01:55, a shared host), Watch It Learn held at step 39 for 60 s and Break It's two
    models never started; nothing was declared stalled. So it is the exhibit option
    idle_workers, off by default. False where the platform has no such policy.
    """
    if not hasattr(os, "SCHED_IDLE"):
        return False
    try:
        os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))
    except OSError:  # gone already, or not allowed here
        return False
    return True


def yield_to_parent(pid: int = 0) -> None:
    """Run process `pid` (0: this one) WORKER_NICENESS below the priority of this one's parent.

    The parent applies it right after the spawn, so the child's own start (Python, then the
    imports before its first line) does not compete with frames either; the child applies it
    again in case something else spawned it. Setting it twice changes nothing.
    """
    parent = os.getppid() if pid == 0 else os.getpid()
    with contextlib.suppress(OSError):  # the child has already gone: nothing to lower
        wanted = os.getpriority(os.PRIO_PROCESS, parent) + WORKER_NICENESS
        if os.getpriority(os.PRIO_PROCESS, pid) < wanted:
            os.setpriority(os.PRIO_PROCESS, pid, min(wanted, 19))


class WorkerProcess:
    """A worker process with its pipes; every method returns at once."""

    def __init__(self, process: mp.process.BaseProcess, link: UILink) -> None:
        if process.pid is None:
            raise RuntimeError("the worker process was never started")
        self.process = process
        self.link = link
        self.pid: int = process.pid
        self.spawned_at = time.monotonic()
        self.exitcode: int | None = None
        self.reaped = False

    @classmethod
    def spawn(cls, ctx, target=None, idle: bool = False) -> WorkerProcess:
        """Start a worker; its ends of the pipes are closed here once the child has them.

        target(commands, events) runs in the child; llmbreaker.worker.worker_main by default.
        idle: run it under SCHED_IDLE (run_idle), set before it has started a second thread.
        """
        if target is None:
            from llmbreaker.worker import worker_main as target  # imports torch only lazily

        events_in, events_out = ctx.Pipe(duplex=False)
        commands_in, commands_out = ctx.Pipe(duplex=False)
        try:
            process = ctx.Process(
                target=target,
                args=(commands_in, events_out),
                name="llmbreaker-worker",
                daemon=True,
            )
            process.start()
            if process.pid:
                yield_to_parent(process.pid)
                if idle:
                    run_idle(process.pid)
        except BaseException:
            for connection in (events_in, events_out, commands_in, commands_out):
                connection.close()
            raise
        commands_in.close()
        events_out.close()
        return cls(process, UILink(events_in, commands_out))

    # ------------------------------------------------------------------ state

    def alive(self) -> bool:
        if self.reaped:
            return False
        if self.process.is_alive():  # also reaps a zombie
            return True
        self.exitcode = self.process.exitcode
        return False

    def stalled(self) -> bool:
        """Alive but silent for too long (stopped, or wedged writing a message)."""
        link = self.link
        quiet = time.monotonic() - link.last_heard
        limit = STALL_AFTER if link.frames_heard else FIRST_WORD_GRACE
        return quiet > limit and not link.eof and self.alive()

    def gone(self) -> bool:
        """Dead, and every whole message it sent before dying has been read."""
        if self.reaped:
            return True
        if self.link.has_message:
            return False
        if self.link.eof or not self.alive():
            self.link.pump()  # the last bytes written before the end
            return not self.link.has_message and not self.alive()
        return False

    # ------------------------------------------------------------------ ending

    def terminate(self) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.process.terminate()
            os.kill(self.pid, signal.SIGCONT)  # a stopped worker acts on SIGTERM only once woken

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.process.kill()

    def reap(self) -> bool:
        """Release the pipes and the process object once it has exited; True when done."""
        if self.reaped:
            return True
        if self.alive():
            return False
        self.link.close()
        self.process.join(0)
        self.exitcode = self.process.exitcode
        self.process.close()
        self.reaped = True
        return True

    def end(self, timeout: float) -> None:
        """SIGTERM, wait up to timeout, SIGKILL, and release everything (blocking)."""
        self.terminate()
        self.join(timeout)
        if not self.reaped:
            self.kill()
            self.join(timeout)

    def join(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not self.reap() and time.monotonic() < deadline:
            with contextlib.suppress(ValueError):
                self.process.join(min(0.05, max(0.0, deadline - time.monotonic())))
