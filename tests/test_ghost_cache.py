"""The ghost cache: a run survives the round trip, the key follows the recipe, bad files fail."""

from dataclasses import replace

import numpy as np

from llmbreaker import messages as m
from llmbreaker.config import session_config
from llmbreaker.ghost_cache import GhostRun, ghost_key, ghost_path, load_ghost, save_ghost


def run_of(n=3):
    rng = np.random.default_rng(0)
    checkpoints = [
        m.Checkpoint(
            10 * i,
            3.0 - i / 10,
            3.1 - i / 10,
            f"sample {i}\nline",
            tuple(float(p) for p in rng.random(5 + i)),
            rng.random((2, 2, 6, 6)).astype(np.float32),
            1.5 * i,
        )
        for i in range(n)
    ]
    info = m.Started(1234, "abc", "probe", "T", 20, 2, 2, 999)
    return GhostRun(info, checkpoints, m.Completed(20, 2.8, 2.9, 3.0))


def test_a_run_survives_the_round_trip(tmp_path):
    run = run_of()
    path = tmp_path / "ghosts" / "x.npz"
    save_ghost(path, run)
    back = load_ghost(path)
    assert back.info == run.info and back.completed == run.completed
    assert back.checkpoints == run.checkpoints  # steps, losses, samples, probabilities
    for a, b in zip(back.checkpoints, run.checkpoints, strict=True):
        np.testing.assert_array_equal(a.attention, b.attention)
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_missing_or_unreadable_files_are_none(tmp_path):
    assert load_ghost(tmp_path / "none.npz") is None
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    assert load_ghost(bad) is None


def test_the_key_follows_the_numbers_not_the_label_or_pace(tmp_path):
    cfg = session_config("seed", dataset="tiny", max_iters=40)
    assert ghost_key(cfg) == ghost_key(replace(cfg, label="other", speed="1x"))
    assert ghost_key(cfg) != ghost_key(session_config("seed", dataset="tiny", max_iters=50))
    assert ghost_key(cfg) != ghost_key(session_config("seed", dataset="poems", max_iters=40))
    assert ghost_path(cfg, tmp_path).parent == tmp_path
