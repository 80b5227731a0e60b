"""`llmbreaker bench` runs end to end on a tiny setting and writes valid JSON (no timing)."""

import json
import subprocess
import sys

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
