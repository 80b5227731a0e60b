"""`llmbreaker bench` runs end to end on a tiny setting and writes valid JSON (no timing)."""

import json
import subprocess
import sys
import time

from llmbreaker.datasets import load_corpus


def test_bench_runs_on_a_tiny_setting_and_writes_json(tmp_path):
    corpus = tmp_path / "tiny.txt"
    corpus.write_text(load_corpus("tiny") * 3)
    out = tmp_path / "results"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "llmbreaker",
            "bench",
            "--quick",
            "--corpus",
            str(corpus),
            "--presets",
            "seed",
            "--budget",
            "1.5",
            "--soak",
            "1",
            "--threads",
            "1",
            "--only",
            "learning",
            "throughput",
            "latency",
            "memory",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "1. Learning speed" in result.stdout and "2. Worker throughput" in result.stdout
    (json_path,) = out.glob("bench-*.json")
    doc = json.loads(json_path.read_text())
    names = [c["name"] for c in doc["learning"]]
    assert names == ["seed", "reference"]
    for curve in doc["learning"]:
        assert curve["points"] and all(len(p) == 3 for p in curve["points"])
    assert doc["throughput"]["bare_steps_per_s"] > 0 and doc["throughput"]["worker_steps_per_s"] > 0
    assert doc["latency_ms"]["pause"]["n"] == 5
    assert doc["worker_memory_mb"]["end"] > 0
    assert list(out.glob("bench-*.png"))


def test_a_recipe_with_its_own_evaluations_counts_them_and_not_the_probes():
    from dataclasses import replace

    from llmbreaker.bench.learning import race
    from llmbreaker.bench.recipes import REFERENCE

    text = load_corpus("tiny") * 3
    small = replace(
        REFERENCE,
        model=replace(REFERENCE.model, n_layer=1, n_embd=16, block_size=16),
        train=replace(REFERENCE.train, max_iters=12, eval_interval=5, eval_batches=2),
    )
    began = time.perf_counter()
    own = race(small, text, budget=60, threads=1, eval_every=0.0)
    wall = time.perf_counter() - began
    assert not own.counted_probes and own.probe_seconds > 0
    assert [step for _, step, _ in own.points] == list(range(1, 13))  # free probes: every step
    assert own.points[-1][0] <= wall - own.probe_seconds  # the clock leaves them out
    counted = race(replace(small, own_evals=False), text, budget=60, threads=1, eval_every=0.0)
    assert counted.counted_probes and counted.points[-1][0] >= counted.probe_seconds


def test_probes_close_in_on_a_target_only_when_the_curve_is_about_to_reach_it():
    from llmbreaker.bench.learning import next_gap

    start = (0.05, 1, 4.1)
    assert next_gap([start], 1.0, 0.2) == 1.0  # one point draws no line
    # quick in the seventh round: 2.027 at 1.81 s, its second probe, then nothing until 3.07 s
    just_above = [(0.16, 1, 3.269), (1.81, 49, 2.027)]
    assert next_gap(just_above, 1.0, 0.2) == 0.2
    far = [start, (1.0, 30, 2.5), (2.0, 60, 2.4)]  # 2.2 is two seconds off
    assert next_gap(far, 1.0, 0.2) == 1.0
    near = [start, (2.0, 60, 2.2), (3.0, 90, 2.05)]  # 2.0 in a third of a second
    assert abs(next_gap(near, 1.0, 0.2) - 1.05 / 3) < 1e-9
    close = [start, (2.0, 60, 2.2), (3.0, 90, 2.001)]
    assert next_gap(close, 1.0, 0.2) == 0.2  # never sooner than the floor
    rising = [start, (2.0, 60, 2.0), (3.0, 90, 2.05)]
    assert next_gap(rising, 1.0, 0.2) == 1.0


def test_the_ui_table_gives_training_speed_and_the_overviews_first_frames_alone():
    from rich.console import Console

    from llmbreaker.bench.report import print_report

    first = {"n": 181, "p50": 5.1, "p95": 8.2, "p99": 11.4}
    frames = {
        "watch": {"n": 181, "p50": 4.0, "p95": 7.0, "p99": 8.0, "steps_per_s": 30.5},
        "attention-overview": {"n": 901, "p50": 5.0, "p95": 8.0, "p99": 9.6, "steps_per_s": 31.2},
    }
    frames["attention-overview"]["first"] = first
    console = Console(width=200, record=True)
    print_report({"ui": {"frames": frames}}, console)
    text = console.export_text()
    assert "31.2" in text and "30.5" in text and "901" in text
    assert "attention-overview, its first 181 frames alone" in text and "p99 11.4 ms" in text
    assert "watch, its first" not in text


LEARN_THEN_COUNT_THREADS = """
import os
os.environ["OMP_WAIT_POLICY"] = "ACTIVE"  # as `llmbreaker bench` sets for its races
from llmbreaker.bench.runner import BenchOptions, learning_section
from llmbreaker.datasets import load_corpus
opts = BenchOptions(load_corpus("tiny") * 3, "tiny", threads=2, learn_budget=1.0,
                    reference_budget=1.0, recipes=("seed",), one_thread=False)
curves = learning_section(opts)
import time
cpu = time.process_time()
time.sleep(2)  # nothing of this process should run now
print([c["name"] for c in curves], round(time.process_time() - cpu, 3))
"""


def test_the_races_leave_no_spinning_openmp_threads_in_the_bench_process():
    # A 2-thread race in the bench's own process left an OpenMP thread spinning a core through
    # the UI section that follows (2.2 s of CPU in a 3 s sleep on a loaded machine); the races
    # run in a child process that exits.
    result = subprocess.run(
        [sys.executable, "-c", LEARN_THEN_COUNT_THREADS],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    names, cpu = result.stdout.strip().splitlines()[-1].rsplit(" ", 1)
    assert names == "['seed', 'reference']"
    assert float(cpu) < 0.3  # a spinning thread burns most of the 2 s, even on a busy machine
