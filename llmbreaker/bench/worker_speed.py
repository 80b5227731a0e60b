"""Worker throughput against a bare loop, and command-to-acknowledgement latency."""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

from llmbreaker import messages as m
from llmbreaker.config import SessionConfig
from llmbreaker.session_manager import SessionManager


def throughput(
    manager: SessionManager, config: SessionConfig, text: str, seconds: float, rounds: int = 4
) -> tuple[float, float]:
    """Steps per second of a bare loop and of a real worker, measured in alternation.

    The worker idles (paused) while the bare loop runs and the other way round, so both see
    the same machine: a noisy neighbour or a clock change hits them alike.
    """
    from llmbreaker.trainer import Trainer

    trainer = Trainer(config.model, config.train, text)
    for _ in range(5):
        trainer.train_step()  # warm-up: allocator and kernels
    sid = manager.start(replace(config, speed="max", start_paused=True))
    manager.wait_for(sid, (m.Paused,), 120)
    bare = [0, 0.0]
    work = [0, 0.0]
    slice_s = seconds / rounds
    for _ in range(rounds):
        start, first = time.perf_counter(), trainer.step
        while time.perf_counter() - start < slice_s:
            trainer.train_step()
        bare[0] += trainer.step - first
        bare[1] += time.perf_counter() - start
        steps, elapsed = _worker_slice(manager, sid, slice_s)
        work[0] += steps
        work[1] += elapsed
    manager.close_session(sid)
    return bare[0] / bare[1], (work[0] / work[1] if work[1] else 0.0)


def _worker_slice(manager: SessionManager, sid: str, seconds: float) -> tuple[int, float]:
    """Resume the worker for about `seconds`; steps it made between two Metrics reports."""
    manager.send(sid, m.Resume())
    first = last = None
    while True:
        event, _ = manager.wait_for(sid, (m.Metrics, m.Completed, m.Error), 60)
        if not isinstance(event, m.Metrics):
            break
        now = time.perf_counter()
        if first is None:
            first = (now, event.step)  # the first report after resuming starts the clock
            continue
        last = (now, event.step)
        if now - first[0] >= seconds:
            break
    manager.send(sid, m.Pause())
    manager.wait_for(sid, (m.Paused,), 30)
    if first is None or last is None:
        return 0, 0.0
    return last[1] - first[1], last[0] - first[0]


def command_latency(manager: SessionManager, config: SessionConfig, rounds: int) -> dict:
    """Milliseconds from sending Pause or Step to its acknowledgement, while training."""
    sid = manager.start(replace(config, speed="max", start_paused=False))
    manager.wait_for(sid, (m.Metrics,), 120)
    pause, step = [], []
    for _ in range(rounds):
        manager.send(sid, m.Resume())
        manager.wait_for(sid, (m.Resumed,), 30)
        time.sleep(0.05)
        t0 = time.perf_counter()
        manager.send(sid, m.Pause())
        manager.wait_for(sid, (m.Paused,), 30)
        pause.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        manager.send(sid, m.Step())
        manager.wait_for(sid, (m.Stepped,), 30)
        step.append((time.perf_counter() - t0) * 1000)
    manager.close_session(sid)
    return {"pause": percentiles(pause), "step": percentiles(step)}


def percentiles(values: list[float]) -> dict:
    """p50/p95/p99 (and count) of a list, in its own units, rounded."""
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]  # noqa: E731
    return {
        "n": len(values),
        "p50": round(statistics.median(ordered), 2),
        "p95": round(pick(0.95), 2),
        "p99": round(pick(0.99), 2),
    }


def rss_mb(pid: int | None) -> float | None:
    """Resident set size of a process in MB, from /proc (Linux); None if there is none."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None
