"""`llmbreaker exhibit`: run the window in a child process and bring it back whenever it dies.

The supervisor imports neither pygame nor torch, so nothing that can crash the window can crash
it. It writes the log: the window's own records and tracebacks arrive on the window's stderr
and are copied in as they are, and every crash and restart is added. A window that exits 0
was quit on purpose (the operator's chord, a signal) and the supervisor ends with it.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time

from llmbreaker.display import no_display_message
from llmbreaker.logs import SUPERVISED, setup_logging

log = logging.getLogger(__name__)
window_log = logging.getLogger("llmbreaker.window")

RESTART_DELAY = 0.2  # seconds between a crash and the next window while crashes are rare
CRASH_WINDOW = 60.0  # seconds over which crashes are counted
CRASHES_BEFORE_BACKOFF = 5
BACKOFF_FIRST = 5.0  # then 10, 20, 40: a window crashing at start settles near one a minute
BACKOFF_MAX = 300.0
STOP_GRACE = 5.0  # seconds the window has to close after SIGTERM before SIGKILL
USAGE_ERROR = 2  # the window refused its options: restarting cannot help
TICK = 0.1  # seconds between looks at the child


def register(subparsers) -> None:
    from llmbreaker.commands.run import register as register_run

    run_commands = argparse.ArgumentParser().add_subparsers()
    register_run(run_commands)  # the same options as `run`, so bad ones are refused up front
    run_parser = run_commands.choices["run"]
    parser = subparsers.add_parser(
        "exhibit",
        parents=[run_parser],
        conflict_handler="resolve",
        help="run the exhibit under a supervisor that restarts it after a crash",
        description="Runs `llmbreaker run` with these options in a child process, restarts it "
        "within seconds when it crashes or is killed, and logs each crash.",
    )
    parser.set_defaults(func=exhibit)


def exhibit(args: argparse.Namespace) -> int:
    message = no_display_message()
    if message:
        print(message, file=sys.stderr)
        return 1
    from llmbreaker.commands.run import options_from

    options = options_from(args)  # a bad --config is one line and exit 2 now, not a crash loop
    path = setup_logging(options.log_folder)
    log.info("supervisor started (pid %d), log %s", os.getpid(), path)
    words = list(getattr(args, "argv", None) or [])[1:]  # what followed `exhibit`
    command = [sys.executable, "-m", "llmbreaker", "run", *words]
    return Supervisor(command).run()


class Supervisor:
    """Keeps one window process alive; SIGTERM or SIGINT ends it and everything it started."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self.child: subprocess.Popen | None = None
        self.stopping = False
        self.crashes: collections.deque[float] = collections.deque()
        self.restarts = 0

    def run(self) -> int:
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            return self._loop()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _stop(self, signum: int, _frame) -> None:
        log.info("%s received: stopping the exhibit", signal.Signals(signum).name)
        self.stopping = True

    def _loop(self) -> int:
        while not self.stopping:
            code = self._run_window()
            if self.stopping:
                break
            if code == 0:
                log.info("the window quit (exit 0); the supervisor stops too")
                return 0
            if code == USAGE_ERROR:
                log.error("the window refused its options (exit 2); not restarting")
                return USAGE_ERROR
            delay = self._count_crash(code)
            self._sleep(delay)
        log.info("supervisor stopped after %d restart(s)", self.restarts)
        return 0

    def _run_window(self) -> int:
        env = {**os.environ, SUPERVISED: "1"}
        self.child = child = subprocess.Popen(
            self.command,
            stdin=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,  # its own process group: the window and its workers
        )
        log.info("window started (pid %d)", child.pid)
        reader = threading.Thread(
            target=_copy_lines, args=(child.stderr,), name="window-stderr", daemon=True
        )
        reader.start()
        while child.poll() is None:
            if self.stopping:
                self._stop_window(child)
                break
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(TICK)
        code = child.wait()
        _kill_group(child.pid)  # workers a killed window could not end itself
        reader.join(STOP_GRACE)
        if child.stderr is not None:
            child.stderr.close()
        return code

    def _stop_window(self, child: subprocess.Popen) -> None:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(STOP_GRACE)
        except subprocess.TimeoutExpired:
            log.warning("the window ignored SIGTERM for %.0f s; killing it", STOP_GRACE)
            _kill_group(child.pid)
            child.wait()

    def _count_crash(self, code: int) -> float:
        now = time.monotonic()
        self.crashes.append(now)
        while self.crashes and now - self.crashes[0] > CRASH_WINDOW:
            self.crashes.popleft()
        recent = len(self.crashes)
        delay = backoff(recent)
        self.restarts += 1
        log.error(
            "the window crashed (%s): crash %d, %d in the last %.0f s; restarting in %.1f s",
            describe_exit(code),
            self.restarts,
            recent,
            CRASH_WINDOW,
            delay,
        )
        return delay

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(TICK, max(0.0, deadline - time.monotonic())))


def backoff(recent_crashes: int) -> float:
    """Seconds to wait before the next window, given the crashes of the last minute."""
    if recent_crashes < CRASHES_BEFORE_BACKOFF:
        return RESTART_DELAY
    return min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** (recent_crashes - CRASHES_BEFORE_BACKOFF))


def describe_exit(code: int) -> str:
    if code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit code {code}"


def _copy_lines(stream) -> None:
    """Every line the window writes on stderr goes into the log as it is."""
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8", "replace").rstrip("\n")
        window_log.info(line, extra={"verbatim": True})


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)
