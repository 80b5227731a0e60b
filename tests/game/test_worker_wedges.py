"""A stopped worker or a storm of R presses never freezes the window or floods the machine."""

import faulthandler
import os
import signal
import time

import pytest
from game_helpers import colour_count, stepping, watch_state

from game.theme import PALETTE
from llmbreaker.worker_process import STALL_AFTER


@pytest.fixture(autouse=True)
def no_hang():
    """A frame loop blocked on a pipe would hang the suite; fail loudly instead."""
    faulthandler.dump_traceback_later(300, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def _training(pilot) -> None:
    pilot.press("enter", frames=2)
    pilot.press("space")
    assert pilot.until(lambda: stepping(pilot), 90)


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_stopped_worker_shows_an_error_while_frames_keep_coming(make_pilot):
    pilot = make_pilot(speed="2x", max_iters=5000)
    _training(pilot)
    pid = pilot.app.sessions.manager.pid("watch")
    os.kill(pid, signal.SIGSTOP)
    stopped, frames, slowest = time.monotonic(), 0, 0.0
    try:
        while watch_state(pilot).status != "error" and time.monotonic() - stopped < 60:
            tick = time.monotonic()
            pilot.frames(1)
            slowest = max(slowest, time.monotonic() - tick)
            frames += 1
        waited = time.monotonic() - stopped
        print(f"error {waited:.2f} s after SIGSTOP; {frames} frames, slowest {slowest:.3f} s")
        assert watch_state(pilot).status == "error"
        assert "stopped responding" in watch_state(pilot).error.message
        assert frames > 10 and slowest < STALL_AFTER  # the loop never waited on the worker
        pilot.frames(2)
        right = pilot.tab.areas["right"]
        assert colour_count(pilot, right, PALETTE["warning"], tolerance=10) > 100  # error panel
        assert pilot.until(lambda: not _running(pid), 30)  # the stopped worker was killed
        pilot.press("r")
        assert pilot.until(lambda: stepping(pilot), 90)
    finally:
        if _running(pid):
            os.kill(pid, signal.SIGKILL)


def test_mashing_r_costs_at_most_one_extra_worker(make_pilot):
    pilot = make_pilot(speed="2x", max_iters=5000)
    _training(pilot)
    manager = pilot.app.sessions.manager
    baseline = len(manager.worker_pids())
    seen: set[int] = set(manager.worker_pids())
    most = 0
    for _ in range(72):
        pilot.press("r", frames=2)
        time.sleep(0.05)  # about 7 presses a second, like a visitor hammering the key
        seen.update(manager.worker_pids())
        most = max(most, sum(_running(pid) for pid in seen))
    print(f"{len(seen)} workers started for 72 presses; at most {most} alive (was {baseline})")
    assert most <= baseline + 1
    assert pilot.until(lambda: stepping(pilot), 90)  # and the last replay trains
    assert pilot.until(lambda: sum(_running(pid) for pid in seen) == baseline, 30)
