"""The session manager under abuse: thousands of starts, stopped and half-written workers."""

import faulthandler
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from multiprocessing import resource_tracker

import fake_workers
import pytest
from process_counts import children, grown, running, snapshot

from llmbreaker import messages as m
from llmbreaker.config import session_config
from llmbreaker.errors import OUT_OF_MEMORY, TRAINING_FAILED
from llmbreaker.session_manager import SessionManager
from llmbreaker.worker_process import STALL_AFTER, WORKER_NICENESS, WorkerProcess

TIMEOUT = 90  # generous: two cores may be busy; nothing here asserts on time


def config(**overrides):
    base = dict(dataset="tiny", max_iters=40, eval_interval=10, start_paused=True)
    return session_config("seed", **{**base, **overrides})


@pytest.fixture(autouse=True)
def no_hang():
    """A manager that blocks on a pipe would hang the suite; fail loudly instead."""
    faulthandler.dump_traceback_later(300, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def settle(mgr: SessionManager, timeout: float = TIMEOUT) -> None:
    """Poll until every retired worker has been reaped."""
    deadline = time.monotonic() + timeout
    while mgr.worker_pids() and time.monotonic() < deadline:
        mgr.poll()
        time.sleep(0.01)
    assert not mgr.worker_pids()


def test_500_start_stop_cycles_leave_threads_fds_and_processes_as_they_were():
    mgr = SessionManager(context="fork", target=fake_workers.echo_worker)
    sid = mgr.start(config())  # the first cycle may create lasting objects; count after it
    assert isinstance(mgr.wait_for(sid, (m.Started,), TIMEOUT)[0], m.Started)
    mgr.close_session(sid)
    before = snapshot()
    for i in range(500):
        sid = mgr.start(config(), session_id=f"s{i % 4}")  # replaces the one 4 cycles back
        event, _ = mgr.wait_for(sid, (m.Started, m.Error), TIMEOUT)
        assert isinstance(event, m.Started), event
        if i % 5 == 0:
            mgr.close_session(sid)  # blocking, graceful
        elif i % 5 == 1:
            mgr.close_session(sid, wait=False)  # the UI's way: poll() reaps it
        elif i % 5 == 2:
            mgr.restart(sid)  # a replay: a new worker, the old one retired
        mgr.poll()
    for sid in ("s0", "s1", "s2", "s3"):
        mgr.close_session(sid, wait=False)
    settle(mgr)
    assert not grown(before)
    mgr.close()


def test_real_workers_started_and_ended_leave_nothing_behind():
    resource_tracker.ensure_running()  # one per process for good, with a pipe held open to it
    before = snapshot()
    mgr = SessionManager(keep_warm=True)
    pids = set()
    for i in range(30):
        sid = mgr.start(config(), session_id=f"s{i % 2}")
        pids.update(mgr.worker_pids())
        if i % 10 == 0:  # some reach training, the rest are ended while torch loads
            event, _ = mgr.wait_for(sid, (m.Paused, m.Error), TIMEOUT)
            assert isinstance(event, m.Paused), event
        mgr.close_session(sid, wait=i % 10 == 0)  # graceful for those that trained
        mgr.poll()
    mgr.close()
    assert not [pid for pid in pids if running(pid)]
    assert not grown(before)
    assert not children()


@pytest.mark.parametrize("worker", [fake_workers.stopping_worker, fake_workers.dying_worker])
def test_a_worker_wedged_half_way_through_a_message_never_blocks_poll(worker):
    mgr = SessionManager(target=worker)
    try:
        sid = mgr.start(config())
        assert isinstance(mgr.wait_for(sid, (m.Started,), TIMEOUT)[0], m.Started)
        errors, slowest, began = [], 0.0, time.monotonic()
        while not errors and time.monotonic() - began < TIMEOUT:
            tick = time.monotonic()
            errors = [e for _, e in mgr.poll() if isinstance(e, m.Error)]
            slowest = max(slowest, time.monotonic() - tick)
            time.sleep(0.01)
        waited = time.monotonic() - began
        print(
            f"{worker.__name__}: error after {waited:.2f} s, slowest poll {slowest * 1000:.1f} ms"
        )
        assert errors and "Press" not in errors[0].message  # the key is the UI's to name
        # stopped: found silent after STALL_AFTER; killed: found dead at once, its half message
        # dropped (SIGKILL reads as out of memory, the likeliest killer on an exhibit PC)
        if worker is fake_workers.stopping_worker:
            assert errors[0].code == TRAINING_FAILED and "stopped responding" in errors[0].message
        else:
            assert errors[0].code == OUT_OF_MEMORY
        assert slowest < STALL_AFTER  # a poll blocked on the half message would never return
        old = mgr.pid(sid)
        settle_one = time.monotonic() + TIMEOUT
        while running(old) and time.monotonic() < settle_one:
            mgr.poll()
            time.sleep(0.01)
        assert not running(old)  # the stopped worker was killed and reaped
    finally:
        mgr.close()
    assert not children()


def test_a_stopped_real_worker_is_reported_and_can_be_restarted():
    mgr = SessionManager()
    try:
        sid = mgr.start(config(start_paused=False, max_iters=10000, speed="2x"))
        assert isinstance(mgr.wait_for(sid, (m.Checkpoint,), TIMEOUT)[0], m.Checkpoint)
        os.kill(mgr.pid(sid), signal.SIGSTOP)
        error, seen = mgr.wait_for(sid, (m.Error,), TIMEOUT)
        assert error is not None and "stopped responding" in error.message
        mgr.restart(sid)
        event, _ = mgr.wait_for(sid, (m.Checkpoint, m.Error), TIMEOUT)
        assert isinstance(event, m.Checkpoint)
    finally:
        mgr.close()
    assert not children()


def test_workers_end_when_the_ui_process_is_killed(tmp_path):
    script = tmp_path / "ui.py"
    script.write_text(
        "import os, signal\n"
        "from llmbreaker import messages as m\n"
        "from llmbreaker.config import session_config\n"
        "from llmbreaker.session_manager import SessionManager\n"
        "if __name__ == '__main__':\n"
        "    mgr = SessionManager()\n"
        "    sid = mgr.start(session_config('seed', dataset='tiny', max_iters=40,\n"
        "                                   eval_interval=10, start_paused=True))\n"
        "    mgr.wait_for(sid, (m.Paused,), 90)\n"
        "    print(mgr.pid(sid), flush=True)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    ui = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=200)
    assert ui.returncode == -signal.SIGKILL
    worker = int(ui.stdout.strip())
    deadline = time.monotonic() + TIMEOUT
    while running(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(worker)  # it read the end of its command pipe and left


def test_a_worker_that_cannot_start_is_an_error_and_leaves_nothing_open():
    resource_tracker.ensure_running()
    before = snapshot()
    mgr = SessionManager(target=lambda commands, events: None)  # spawn cannot pickle it
    sid = mgr.start(config())
    events = [event for _, event in mgr.poll()]
    assert [type(e) for e in events] == [m.Error] and "Could not start" in events[0].message
    assert mgr.pid(sid) is None and not mgr.worker_pids()
    mgr.close()
    assert not grown(before) and not children()


def test_a_spare_starts_and_trains_after_the_working_folder_was_deleted(tmp_path, monkeypatch):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    mgr = SessionManager()
    try:
        mgr.prewarm()  # as the window does after its first frame, outside any session start
        sid = mgr.start(config(start_paused=False))
        event, _ = mgr.wait_for(sid, (m.Checkpoint, m.Error), TIMEOUT)
        assert isinstance(event, m.Checkpoint)
    finally:
        mgr.close()
    assert not children()


def test_a_worker_yields_before_its_own_first_line():
    """The spawner lowers the child at once: Python's start and the imports come after."""
    worker = WorkerProcess.spawn(mp.get_context("spawn"), fake_workers.echo_worker)
    try:
        lowered = os.getpriority(os.PRIO_PROCESS, worker.pid)
        assert lowered == min(19, os.getpriority(os.PRIO_PROCESS, 0) + WORKER_NICENESS)
    finally:
        worker.end(TIMEOUT)


def test_workers_give_the_window_the_cpu_first():
    mgr = SessionManager()
    try:
        sid = mgr.start(config())
        assert isinstance(mgr.wait_for(sid, (m.Started,), TIMEOUT)[0], m.Started)
        assert os.getpriority(os.PRIO_PROCESS, mgr.pid(sid)) > os.getpriority(os.PRIO_PROCESS, 0)
    finally:
        mgr.close()


def scheduling_policies(pid: int) -> dict[int, int]:
    """Every thread of a process and its scheduling policy (/proc/<pid>/task/*/stat field 41)."""
    policies = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/stat") as f:
            policies[int(tid)] = int(f.read().rsplit(")", 1)[1].split()[38])
    return policies


def test_the_windows_workers_run_every_thread_under_sched_idle():
    """The spare and the session's worker, torch's and the event writer's threads included."""
    mgr = SessionManager(keep_warm=True, idle_workers=True)
    try:
        mgr.prewarm()
        sid = mgr.start(config(start_paused=False))
        assert isinstance(mgr.wait_for(sid, (m.Checkpoint,), TIMEOUT)[0], m.Checkpoint)
        policies = scheduling_policies(mgr.pid(sid))
        assert len(policies) >= 2  # the event writer at least
        assert set(policies.values()) == {os.SCHED_IDLE}
        assert os.sched_getscheduler(0) == os.SCHED_OTHER  # the window's own stays normal
    finally:
        mgr.close()


def test_other_managers_keep_their_workers_normal_and_nice():
    """Only the window asks for SCHED_IDLE; a terminal run's worker stays SCHED_OTHER."""
    worker = WorkerProcess.spawn(mp.get_context("spawn"), fake_workers.echo_worker)
    try:
        assert set(scheduling_policies(worker.pid).values()) == {os.SCHED_OTHER}
    finally:
        worker.end(TIMEOUT)
