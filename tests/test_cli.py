"""The command line as a user runs it: help, headless training, one-line errors."""

import json
import subprocess
import sys

import pytest


def llmbreaker(*args, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "llmbreaker", *args], capture_output=True, text=True, timeout=timeout
    )


def test_help_lists_every_sub_command():
    result = llmbreaker("--help")
    assert result.returncode == 0
    for name in ("run", "train", "datasets"):
        assert name in result.stdout


@pytest.mark.parametrize("command", ["train", "datasets"])
def test_each_sub_command_has_help(command):
    result = llmbreaker(command, "--help")
    assert result.returncode == 0 and "usage: llmbreaker " + command in result.stdout


def test_train_json_reports_falling_loss():
    result = llmbreaker(
        "train",
        "--dataset",
        "tiny",
        "--preset",
        "seed",
        "--iters",
        "60",
        "--eval-interval",
        "30",
        "--lr",
        "0.01",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [c["step"] for c in doc["checkpoints"]] == [0, 30, 60]
    assert doc["final"]["val_loss"] < doc["checkpoints"][0]["val_loss"]
    assert doc["parameters"] > 0


def test_train_shows_progress_and_a_summary():
    result = llmbreaker(
        "train", "--dataset", "tiny", "--preset", "seed", "--iters", "20", "--eval-interval", "10"
    )
    assert result.returncode == 0, result.stderr
    assert "training" in result.stdout and "Summary" in result.stdout
    assert "sample at step 20" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dataset", "nope"], "Unknown dataset 'nope'"),
        (["--corpus", "/no/such/file.txt"], "File not found"),
        (["--dataset", "tiny", "--iters", "5"], "Iterations must be 10-10,000"),
        (["--dataset", "tiny", "--lr", "1"], "Learning rate"),
    ],
)
def test_bad_input_is_one_clear_line_and_a_non_zero_exit(args, message):
    result = llmbreaker("train", *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_corpus_file_of_binary_bytes_is_refused(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 10)
    result = llmbreaker("train", "--corpus", str(path))
    assert result.returncode != 0 and "Traceback" not in result.stderr


def test_style_json_reports_every_figure_of_the_issue(tmp_path):
    from pathlib import Path

    letter = Path(__file__).parent / "fixtures" / "style" / "complaint_letter.txt"
    result = llmbreaker("style", str(letter), "--json", "--iters", "40", timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["file"] == "complaint_letter.txt" and report["words"] == 190
    assert report["prompt"] == "Dear Sir or Madam, I am"
    assert report["steps"] <= 40 and len(report["before"]) == len(report["after"]) == 400
    assert report["best_val"] <= report["base_val"] < 3.0
    assert 0 <= report["verbatim"] <= 1 and 0 < report["real_words"] <= 1
    assert set(report["checks"]) == {"verbatim", "val_gain", "real_words", "style_closer"}
    for series in ("yours", "before", "after"):
        assert set(report["style"][series]) == {"formality", "sentence_length", "richness"}


def test_style_of_a_missing_file_is_one_line():
    result = llmbreaker("style", "/nonexistent/essay.txt")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
