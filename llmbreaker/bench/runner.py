"""Runs the five bench sections and gathers one JSON-able result."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from llmbreaker.bench import learning, worker_speed
from llmbreaker.bench.recipes import REFERENCE, Recipe, preset_recipes
from llmbreaker.config import DEFAULT_PRESET, session_config
from llmbreaker.session_manager import SessionManager


@dataclass(frozen=True)
class BenchOptions:
    """How long and on what each section runs."""

    text: str
    corpus: str
    threads: int = 2
    learn_budget: float = 60.0  # seconds per preset
    reference_budget: float = 180.0  # the reference runs its 2000 iterations or this long
    recipes: tuple[str, ...] = ()  # empty: every preset
    throughput_seconds: float = 10.0
    latency_rounds: int = 20
    ui_seconds: float = 6.0  # per tab
    # Attention Cinema's overview: its goal is a p99, and 6 s at 30 FPS is 181 frames, whose
    # p99 is the third-slowest frame; 30 s gives 900 frames and the p99 of the first 181.
    overview_seconds: float = 30.0
    soak_seconds: float = 120.0
    one_thread: bool = True
    break_to_verdict: bool = True  # Break It: also time both runs to the caption (minutes)


def run_all(opts: BenchOptions, sections: set[str], say=print) -> dict:
    result: dict = {
        "corpus": opts.corpus,
        "threads": opts.threads,
        "cpu_count": os.cpu_count(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    if "learning" in sections:
        say("learning speed ...")
        result["learning"] = learning_section(opts)
    if "throughput" in sections or "latency" in sections or "memory" in sections:
        manager = SessionManager()
        try:
            cfg = session_config(
                DEFAULT_PRESET, text=opts.text[:400_000], max_iters=10_000, eval_interval=10_000
            )
            if "throughput" in sections:
                say("worker throughput ...")
                bare, worker = worker_speed.throughput(
                    manager, cfg, opts.text[:400_000], opts.throughput_seconds
                )
                result["throughput"] = {
                    "preset": DEFAULT_PRESET,
                    "bare_steps_per_s": round(bare, 2),
                    "worker_steps_per_s": round(worker, 2),
                    "ratio": round(worker / bare, 3) if bare else None,
                }
            if "latency" in sections:
                say("command latency ...")
                result["latency_ms"] = worker_speed.command_latency(
                    manager, cfg, opts.latency_rounds
                )
            if "memory" in sections:
                say(f"worker memory over {opts.soak_seconds:.0f} s of training ...")
                result["worker_memory_mb"] = worker_memory(manager, cfg, opts.soak_seconds)
        finally:
            manager.close()
    if "ui" in sections:
        say("UI frame times ...")
        result["ui"] = ui_section(opts)
    if "break" in sections:
        say("Break It frame times while both models train ...")
        result["break"] = break_section(opts)
    return result


def learning_section(opts: BenchOptions) -> list[dict]:
    """Every recipe's race, run in a child process that exits when they are done.

    The races train at 2 threads with OMP_WAIT_POLICY=ACTIVE (fastest alone on the machine),
    and an ACTIVE OpenMP pool spins for as long as its process lives: after a 2-thread run, a
    5 s sleep cost 4.9 s of CPU (0.0 with PASSIVE; set_num_threads(1) still left 3.1 s). Run
    in the bench's own process, that spinning thread held one of the two cores through every
    later section: the UI section's frames were preempted (overview p99 9.8-17.4 ms, against
    5.8-7.5 ms with `--only ui`) and its first checkpoint took 2.0-2.3 s instead of 0.4 s.
    """
    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(_race_all, opts).result()


def _race_all(opts: BenchOptions) -> list[dict]:
    """learning_section's work, in its child: the races one after another, then the ratios.
    Each race's line is printed as it ends (the section takes minutes)."""
    recipes = [r for r in preset_recipes() if not opts.recipes or r.name in opts.recipes]
    runs: list[tuple[Recipe, int, float]] = [(r, opts.threads, opts.learn_budget) for r in recipes]
    if opts.one_thread:
        default = next((r for r in recipes if r.name == DEFAULT_PRESET), None)
        if default is not None:
            runs.append((replace(default, name=f"{default.name}@1thread"), 1, opts.learn_budget))
    runs.append((REFERENCE, opts.threads, opts.reference_budget))
    curves = []
    for recipe, threads, budget in runs:
        raced = learning.race(recipe, opts.text, budget, threads)
        best = min(v for _, _, v in raced.points)
        print(f"  {recipe.name}: {raced.steps_per_s:.1f} steps/s, best val {best:.3f}", flush=True)
        curves.append(raced.as_dict())
    ref = curves[-1]["seconds_to"]
    for curve in curves:
        curve["ratio_to_reference"] = {
            t: round(ref[t] / s, 2) if s and ref[t] else None
            for t, s in curve["seconds_to"].items()
        }
    return curves


def worker_memory(manager: SessionManager, cfg, seconds: float) -> dict:
    from llmbreaker import messages as m

    sid = manager.start(replace(cfg, speed="max", start_paused=False))
    manager.wait_for(sid, (m.Metrics,), 120)
    start = worker_speed.rss_mb(manager.pid(sid))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        manager.poll(0.01)
        time.sleep(0.2)
    end = worker_speed.rss_mb(manager.pid(sid))
    manager.close_session(sid)
    return {"start": start, "end": end, "seconds": seconds}


def ui_section(opts: BenchOptions) -> dict:
    """Frame times and UI memory, measured by the exhibit itself in a headless subprocess."""
    args = ["--seconds", str(opts.ui_seconds), "--overview-seconds", str(opts.overview_seconds)]
    args += ["--soak", str(min(opts.soak_seconds, 600))]
    views = opts.ui_seconds * 10 + opts.overview_seconds * 2
    return _headless_ui(args, 120 + views + opts.soak_seconds * 2)


def break_section(opts: BenchOptions) -> dict:
    """Break It's frame times while the broken model and its ghost train side by side.

    An empty ghost cache makes the ghost train live: the tab's heaviest case.
    """
    with tempfile.TemporaryDirectory() as cache:
        args = ["--break-it", "--seconds", str(max(opts.ui_seconds, 2.0))]
        if opts.break_to_verdict:
            args.append("--to-verdict")
        timeout = 240 + opts.ui_seconds * 4 + (1800 if opts.break_to_verdict else 0)
        return _headless_ui(args, timeout, {"XDG_CACHE_HOME": cache})


def _headless_ui(args: list[str], timeout: float, env: dict | None = None) -> dict:
    """Run game.bench_ui in a subprocess on SDL's dummy drivers; its last line is JSON."""
    # The bench asked for spinning OpenMP threads for its own races; the exhibit's workers
    # choose sleeping ones (llmbreaker.worker) unless the environment says otherwise, so the
    # exhibit under test gets the environment it has when an operator starts it.
    env = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "OMP_WAIT_POLICY": "PASSIVE",
        **(env or {}),
    }
    cmd = [sys.executable, "-m", "game.bench_ui", *args, "--launched", str(time.time())]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": "the UI bench timed out"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"the UI bench failed: {last}"}
    return json.loads(done.stdout.strip().splitlines()[-1])
