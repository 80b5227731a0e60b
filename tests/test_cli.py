"""The command line as a user runs it: help, headless training, one-line errors."""

import json
import subprocess
import sys

import pytest

# Generous: under load a child process may wait long for a core; nothing here asserts on time.
TIMEOUT = 300
TINY_TRAINING = ["train", "--dataset", "tiny", "--preset", "seed", "--threads", "1"]


def llmbreaker(*args, timeout=TIMEOUT):
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
        "--threads",
        "1",  # two spinning threads on a loaded machine crawl (see set_thread_wait_policy)
        "--json",
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [c["step"] for c in doc["checkpoints"]] == [0, 30, 60]
    assert doc["final"]["val_loss"] < doc["checkpoints"][0]["val_loss"]
    assert doc["parameters"] > 0


def test_train_shows_progress_and_a_summary():
    result = llmbreaker(*TINY_TRAINING, "--iters", "20", "--eval-interval", "10")
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


@pytest.mark.parametrize(
    "args",
    [
        [*TINY_TRAINING, "--iters", "10", "--json"],
        [*TINY_TRAINING, "--iters", "10"],
        ["datasets", "list"],
        ["--help"],
    ],
    ids=["train-json", "train", "datasets-list", "help"],
)
def test_a_reader_that_goes_away_gets_no_traceback(args):
    """`llmbreaker train --json | head`: the pipe is closed before anything is written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "llmbreaker", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    process.stdout.close()  # the reader is gone before the first write
    _, stderr = process.communicate(timeout=TIMEOUT)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["train", "--threads", "100000"], "--threads: threads must be 1-"),
        (["train", "--threads", "0"], "--threads: threads must be 1-"),
        (["bench", "--threads", "64"], "--threads: threads must be 1-"),
        (["bench", "--budget", "-5"], "--budget: must be above 0"),
        (["tui", "--rate", "0"], "--rate: must be above 0"),
        (["tui", "--chars", "100000000"], "--chars: must be at least 1 and at most 10,000"),
    ],
)
def test_options_out_of_bounds_are_refused_before_any_work(args, message):
    result = llmbreaker(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert message in result.stderr.strip().splitlines()[-1]


def test_run_takes_an_exports_folder():
    from llmbreaker.cli import build_parser

    args = build_parser().parse_args(["run", "--exports", "/tmp/shots"])
    assert args.exports == "/tmp/shots"


def test_style_json_reports_every_figure_of_the_issue(tmp_path):
    from pathlib import Path

    letter = Path(__file__).parent / "fixtures" / "style" / "complaint_letter.txt"
    result = llmbreaker("style", str(letter), "--json", "--iters", "40", timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["file"] == "complaint_letter.txt" and report["words"] == 190
    assert report["prompt"] == "Dear Sir or Madam, I am"
    assert report["steps"] <= 40 and len(report["before"]) == len(report["after"]) == 400
    assert report["samples"] == 16  # the style figures are read on 16 samples of each
    assert report["best_val"] <= report["base_val"] < 3.0
    assert 0 <= report["verbatim"] <= 1 and 0 < report["real_words"] <= 1
    assert set(report["checks"]) == {"verbatim", "val_gain", "real_words", "style_closer"}
    for series in ("yours", "before", "after"):
        assert set(report["style"][series]) == {"formality", "sentence_length", "richness"}


def test_style_prints_its_report_as_text():
    from pathlib import Path

    note = Path(__file__).parent / "fixtures" / "style" / "fridge_note.txt"
    result = llmbreaker("style", str(note), "--iters", "10", timeout=300)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    for figure in ("val loss: base", "copied verbatim", "real words", "formality", "closer on"):
        assert figure in result.stdout


def test_style_of_a_missing_file_is_one_line():
    result = llmbreaker("style", "/nonexistent/essay.txt")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


BREAK_RUN = [*TINY_TRAINING, "--iters", "20", "--eval-interval", "10"]


def test_train_break_prints_both_final_losses_as_json():
    result = llmbreaker(*BREAK_RUN, "--break", "positions", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["break"] == ["positions"]
    for run in ("ghost", "broken"):
        assert [c["step"] for c in doc[run]["checkpoints"]] == [0, 10, 20]
        assert doc[run]["final"]["val_loss"] > 0
    assert doc["broken"]["parameters"] < doc["ghost"]["parameters"]  # no position table
    ghost, broken = doc["ghost"]["final"]["val_loss"], doc["broken"]["final"]["val_loss"]
    assert f"{broken:.2f} against the ghost's {ghost:.2f}" in doc["caption"][1]


def test_train_break_shows_a_table_of_both_runs():
    result = llmbreaker(*BREAK_RUN, "--break", "heads,width")
    assert result.returncode == 0, result.stderr
    assert "Broken against the ghost" in result.stdout
    assert "ghost (working)" in result.stdout and "broken" in result.stdout
    assert "a single attention head and a width of 8" in result.stdout


def test_train_break_trains_break_its_preset_unless_told_otherwise():
    tiny = ["train", "--dataset", "tiny", "--threads", "1", "--iters", "10", "--json"]
    doc = json.loads(llmbreaker(*tiny, "--break", "positions").stdout)
    assert doc["ghost"]["preset"] == doc["broken"]["preset"] == "small"  # BREAK_PRESET
    assert json.loads(llmbreaker(*tiny).stdout)["preset"] == "quick"  # DEFAULT_PRESET


def test_train_break_refuses_an_unknown_part_in_one_line():
    result = llmbreaker("train", "--dataset", "tiny", "--break", "wings")
    assert result.returncode == 2
    assert "Cannot break wings. Choose from: positions, residual" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
