"""Worker throughput against a bare loop, and command-to-acknowledgement latency."""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

from llmbreaker import messages as m
from llmbreaker.config import SessionConfig
from llmbreaker.session_manager import SessionManager


def bare_steps_per_s(config: SessionConfig, text: str, seconds: float) -> float:
    """Optimiser steps per second of the same model in a plain loop in this process."""
    from llmbreaker.trainer import Trainer

    trainer = Trainer(config.model, config.train, text)
    for _ in range(5):
        trainer.train_step()  # warm-up: allocator and kernels
    start, first = time.perf_counter(), trainer.step
    while time.perf_counter() - start < seconds and not trainer.done:
        trainer.train_step()
    return (trainer.step - first) / (time.perf_counter() - start)


def worker_steps_per_s(manager: SessionManager, config: SessionConfig, seconds: float) -> float:
    """Steps per second of a real worker at max speed, seen through its Metrics events."""
    sid = manager.start(replace(config, speed="max", start_paused=False))
    first = last = None
    deadline = None
    while True:
        event, _ = manager.wait_for(sid, (m.Metrics, m.Completed, m.Error), 120)
        if not isinstance(event, m.Metrics):
            break
        now = time.perf_counter()
        if event.step < 5:
            continue
        if first is None:
            first, deadline = (now, event.step), now + seconds
        last = (now, event.step)
        if now >= deadline:
            break
    manager.close_session(sid)
    if first is None or last is None or last[0] <= first[0]:
        return 0.0
    return (last[1] - first[1]) / (last[0] - first[0])


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


def rss_mb(pid: int) -> float | None:
    """Resident set size of a process in MB, from /proc (Linux)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None
