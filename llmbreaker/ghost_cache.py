"""Break It's ghost kept on disk: the working model's checkpoints, per corpus, recipe and seed.

Torch-free. The ghost is deterministic for a given configuration, so after its first run the
exhibit replays it from here and the broken model has the worker cores to itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from llmbreaker import __version__, paths
from llmbreaker import messages as m
from llmbreaker.config import SessionConfig

log = logging.getLogger(__name__)
FORMAT = 1  # bumped when the file's layout changes


@dataclass(frozen=True)
class GhostRun:
    """A finished run of the unbroken model, as its events reported it."""

    info: m.Started
    checkpoints: list[m.Checkpoint]
    completed: m.Completed


def ghost_key(config: SessionConfig) -> str:
    """Everything that decides the run's numbers (not its label or pace), hashed."""
    recipe = {
        "format": FORMAT,
        "version": __version__,
        "model": asdict(config.model),
        "train": asdict(config.train),
        "dataset": config.dataset,
        "text": hashlib.sha256(config.text.encode()).hexdigest() if config.text else None,
        "prompt": config.prompt,
        "probe": config.probe,
    }
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:24]


def ghost_path(config: SessionConfig, folder: Path | None = None) -> Path:
    return (folder or paths.cache_dir() / "ghosts") / f"{ghost_key(config)}.npz"


def save_ghost(path: Path, run: GhostRun) -> None:
    """Write atomically (a temporary file renamed), so a reader never sees half a file."""
    cps = run.checkpoints
    width = max((len(c.sample_probs) for c in cps), default=0)
    probs = np.full((len(cps), width), np.nan, dtype=np.float64)
    for i, c in enumerate(cps):
        probs[i, : len(c.sample_probs)] = c.sample_probs
    arrays: dict[str, Any] = {
        "meta": np.array(json.dumps({"info": asdict(run.info), "done": asdict(run.completed)})),
        "steps": np.array([c.step for c in cps], dtype=np.int64),
        "losses": np.array([(c.train_loss, c.val_loss, c.elapsed) for c in cps], np.float64),
        "samples": np.array([c.sample for c in cps], dtype=np.str_),
        "lengths": np.array([len(c.sample_probs) for c in cps], dtype=np.int64),
        "probs": probs,
        "attention": np.stack([c.attention for c in cps]).astype(np.float32),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            np.savez_compressed(out, **arrays)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_ghost(path: Path) -> GhostRun | None:
    """The cached run, or None when there is none or it cannot be read (then it is rebuilt)."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            checkpoints = [
                m.Checkpoint(
                    int(step),
                    float(losses[0]),
                    float(losses[1]),
                    str(sample),
                    tuple(float(p) for p in probs[:length]),
                    attention,
                    float(losses[2]),
                )
                for step, losses, sample, length, probs, attention in zip(
                    data["steps"],
                    data["losses"],
                    data["samples"],
                    data["lengths"],
                    data["probs"],
                    data["attention"],
                    strict=True,
                )
            ]
        return GhostRun(m.Started(**meta["info"]), checkpoints, m.Completed(**meta["done"]))
    except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile) as exc:
        log.warning("ghost cache %s unreadable (%s); it will be trained again", path, exc)
        return None
