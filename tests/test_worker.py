"""A real worker process driven through the session manager, asserting on the events."""

import os
import signal
import threading
import time

import pytest

from llmbreaker import messages as m
from llmbreaker.config import session_config
from llmbreaker.errors import DATASET_NOT_FOUND, OUT_OF_MEMORY
from llmbreaker.session_manager import SessionManager
from llmbreaker.session_state import SessionState

TIMEOUT = 300  # generous: eight people may share two cores; nothing here asserts on time


def config(**overrides):
    base = dict(dataset="tiny", max_iters=40, eval_interval=10, start_paused=True)
    return session_config("seed", **{**base, **overrides})


@pytest.fixture
def manager():
    mgr = SessionManager()
    yield mgr
    mgr.close()


def expect(mgr, sid, kind, timeout=TIMEOUT):
    event, seen = mgr.wait_for(sid, (kind, m.Error), timeout)
    assert isinstance(event, kind), f"wanted {kind.__name__}, got {event!r}"
    return event, seen


def test_pause_step_resume_complete_with_ordered_complete_checkpoints(manager):
    sid = manager.start(config())
    started, _ = expect(manager, sid, m.Started)
    _, seen = expect(manager, sid, m.Paused)
    first = [e for e in seen if isinstance(e, m.Checkpoint)]
    assert [c.step for c in first] == [0]

    manager.send(sid, m.Step())
    stepped, _ = expect(manager, sid, m.Stepped)
    assert stepped.step == 1
    manager.send(sid, m.Step())
    assert expect(manager, sid, m.Stepped)[0].step == 2

    manager.send(sid, m.Resume())
    completed, seen = expect(manager, sid, m.Completed)
    checkpoints = first + [e for e in seen if isinstance(e, m.Checkpoint)]
    assert [c.step for c in checkpoints] == [0, 10, 20, 30, 40]
    assert completed.step == 40 and completed.val_loss == checkpoints[-1].val_loss
    probe_len = len(started.probe)
    for c in checkpoints:
        assert c.attention.shape == (started.n_layer, started.n_head, probe_len, probe_len)
        assert len(c.sample) == len(c.sample_probs) == 100
    metrics = [e for e in seen if isinstance(e, m.Metrics)]
    assert metrics and all(a.step < b.step for a, b in zip(metrics, metrics[1:], strict=False))


def test_pause_holds_the_step_count(manager):
    sid = manager.start(config(start_paused=False, max_iters=5000, speed="1x"))
    expect(manager, sid, m.Checkpoint)
    manager.send(sid, m.Pause())
    paused, _ = expect(manager, sid, m.Paused)
    manager.send(sid, m.Step())
    stepped, seen = expect(manager, sid, m.Stepped)
    assert stepped.step == paused.step + 1
    assert not [e for e in seen if isinstance(e, m.Metrics) and e.step > stepped.step]


def test_a_killed_worker_becomes_an_error_and_restart_works(manager):
    sid = manager.start(config())
    expect(manager, sid, m.Paused)
    os.kill(manager.pid(sid), signal.SIGKILL)
    error, _ = expect(manager, sid, m.Error)
    assert error.code == OUT_OF_MEMORY and error.fatal and "killed" in error.message
    assert "Press" not in error.message  # the key to restart is the UI's to name
    manager.restart(sid)
    expect(manager, sid, m.Started)
    manager.send(sid, m.Resume())
    expect(manager, sid, m.Completed)


def test_an_error_in_training_is_reported_not_fatal_to_the_manager(manager):
    sid = manager.start(config(dataset="no-such-corpus"))
    event, _ = manager.wait_for(sid, (m.Error,), TIMEOUT)
    assert event is not None and event.code == DATASET_NOT_FOUND


def test_bad_prompts_get_clear_messages(manager):
    sid = manager.start(config())
    expect(manager, sid, m.Paused)
    manager.send(sid, m.Generate("", 10))
    assert "prompt" in expect(manager, sid, m.Error)[0].message
    manager.send(sid, m.Generate("€", 10))
    error, _ = expect(manager, sid, m.Error)
    assert not error.fatal and "never seen" in error.message
    manager.send(sid, m.Generate("the", 20))
    generated, _ = expect(manager, sid, m.Generated)
    assert len(generated.text) == len(generated.probs) == 20


def test_several_sessions_run_and_close_leaves_no_process():
    mgr = SessionManager()
    ids = [mgr.start(config(start_paused=False)) for _ in range(2)]
    for sid in ids:
        expect(mgr, sid, m.Completed)
    pids = [mgr.pid(sid) for sid in ids]
    mgr.close()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_speed_change_is_acknowledged(manager):
    sid = manager.start(config())
    expect(manager, sid, m.Paused)
    manager.send(sid, m.SetSpeed("10x"))
    assert expect(manager, sid, m.SpeedChanged)[0].speed == "10x"


def test_restart_replaces_a_running_worker_and_reaps_the_old_one(manager):
    sid = manager.start(config(start_paused=False, max_iters=5000))
    expect(manager, sid, m.Checkpoint)
    old_pid = manager.pid(sid)
    manager.restart(sid)
    expect(manager, sid, m.Started)
    assert manager.pid(sid) != old_pid
    gone = False
    for _ in range(200):  # poll() reaps retired workers; the UI never waits on them
        manager.poll()
        try:
            os.kill(old_pid, 0)
        except ProcessLookupError:
            gone = True
            break
        time.sleep(0.05)
    assert gone


def test_a_prewarmed_spare_becomes_the_next_session_and_is_replaced():
    mgr = SessionManager(keep_warm=True)
    mgr.spare_delay = 0.5
    try:
        mgr.prewarm()
        spare_pid = mgr._spare.pid
        sid = mgr.start(config())
        assert mgr.pid(sid) == spare_pid
        assert len(mgr.worker_pids()) == 1  # no new spare yet: the session's first seconds
        time.sleep(mgr.spare_delay)
        mgr.poll()
        assert len(mgr.worker_pids()) == 2  # the session's and a new spare, spawned on a thread
        assert mgr._spare is not None and mgr._spare.pid != spare_pid
        expect(mgr, sid, m.Paused)
    finally:
        mgr.close()
    assert not mgr._spare


def test_a_new_decode_replaces_the_one_in_flight_and_its_steps_carry_its_id(manager):
    sid = manager.start(config())
    expect(manager, sid, m.Paused)
    manager.send(sid, m.Decode("the", 200, 20.0, decode_id=1))
    first, _ = expect(manager, sid, m.DecodeStep)
    assert first.decode_id == 1 and first.cache_event == m.CacheEvent.INIT
    manager.send(sid, m.Decode("a", 3, 0.0, decode_id=2))  # no StopDecode, no waiting
    steps = [first]
    while not (steps[-1].decode_id == 2 and steps[-1].done):
        steps.append(expect(manager, sid, m.DecodeStep)[0])
    ids = [s.decode_id for s in steps]
    assert ids == sorted(ids) and ids.count(2) == 3  # the old decode never resumes
    state = SessionState()
    for step in steps:
        state.apply(step)
    assert len(state.decoded_by(2)) == 3 and state.decoded_by(1) == ""


def test_the_next_spare_is_spawned_off_the_calling_thread(monkeypatch):
    from llmbreaker import session_manager

    spawned_on: list[str] = []
    real_spawn = session_manager.WorkerProcess.spawn

    def spawn(ctx, target=None, idle=False):
        spawned_on.append(threading.current_thread().name)
        return real_spawn(ctx, target, idle)

    monkeypatch.setattr(session_manager.WorkerProcess, "spawn", staticmethod(spawn))
    mgr = SessionManager(keep_warm=True)
    mgr.spare_delay = 0.0
    try:
        mgr.prewarm()  # the first on the caller's thread, as asked
        mgr.start(config())
        mgr.poll()  # the next spare is due
        mgr.worker_pids()  # waits for the spawner thread
        assert spawned_on[0] == threading.current_thread().name
        assert spawned_on[1].startswith("worker-spawner")
    finally:
        mgr.close()
