"""The guessing game's file: lines, checkpoints and each checkpoint's predictions, torch-free.

`llmbreaker guess build` writes it once (see build.py); the exhibit only reads it.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from llmbreaker import paths

FORMAT = 1
CORPUS = "childrens_stories"
TOP = 3  # guesses kept per position: the model's three tries


class CacheProblem(Exception):
    """The file is missing or cannot be used; the message says which, for the screen."""

    def __init__(self, message: str, missing: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.missing = missing


@dataclass(frozen=True)
class Checkpoint:
    """One saved moment of the training run."""

    step: int
    characters_read: int  # training characters the model had predicted: steps x batch x context
    val_bits: float  # bits per character on the held-out split's evaluation windows
    line_bits: float  # bits per character over every position of every game line


@dataclass(frozen=True)
class Predictions:
    """One checkpoint's view of one line: per position, the true character's probability and
    its three likeliest characters with theirs."""

    p_true: tuple[float, ...]
    top_chars: tuple[str, ...]  # one TOP-character string per position, likeliest first
    top_probs: tuple[tuple[float, ...], ...]


@dataclass(frozen=True)
class GameLine:
    """A held-out line, the context before it, and each checkpoint's predictions on it."""

    lead: str
    text: str
    predictions: tuple[Predictions, ...]  # one per checkpoint, in checkpoint order


@dataclass(frozen=True)
class GuessCache:
    """Everything the tab needs, made by one training run."""

    corpus: str
    corpus_title: str
    corpus_sha256: str
    recipe: str  # a fingerprint of how it was built; a changed recipe means rebuild
    alphabet: str  # the model's vocabulary
    train_characters: int  # length of the training split
    checkpoints: tuple[Checkpoint, ...]
    lines: tuple[GameLine, ...]
    build_seconds: float


def cache_path() -> Path:
    """Where the exhibit looks: the per-user cache folder."""
    return paths.cache_dir() / "guess" / f"{CORPUS}.json"


def save(cache: GuessCache, path: Path) -> None:
    """Write atomically (temporary file, then rename): a reader sees the old file or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"format": FORMAT, **asdict(cache)}, separators=(",", ":"))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; it is a plain cache file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: Path | None = None) -> GuessCache:
    """Read and check the file; CacheProblem (missing or damaged) with a message for the screen."""
    path = path or cache_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CacheProblem(f"The model's guesses are not built yet ({path}).", True) from None
    except (OSError, ValueError) as exc:
        raise CacheProblem(f"The model's guesses file cannot be read: {exc}.") from None
    try:
        cache = _from_json(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise CacheProblem(f"The model's guesses file is damaged ({exc}).") from None
    _check(cache)
    return cache


def _from_json(raw: dict) -> GuessCache:
    if raw.get("format") != FORMAT:
        raise ValueError(f"format {raw.get('format')!r}, this version reads {FORMAT}")
    checkpoints = tuple(Checkpoint(**c) for c in raw["checkpoints"])
    lines = tuple(
        GameLine(
            line["lead"],
            line["text"],
            tuple(
                Predictions(
                    tuple(map(float, p["p_true"])),
                    tuple(p["top_chars"]),
                    tuple(tuple(map(float, row)) for row in p["top_probs"]),
                )
                for p in line["predictions"]
            ),
        )
        for line in raw["lines"]
    )
    fields = {
        k: raw[k] for k in GuessCache.__dataclass_fields__ if k not in ("checkpoints", "lines")
    }
    return GuessCache(**fields, checkpoints=checkpoints, lines=lines)


def _check(cache: GuessCache) -> None:
    """Every line has one prediction per checkpoint and one number per character, all in [0, 1]."""
    if not cache.checkpoints or not cache.lines:
        raise CacheProblem("The model's guesses file holds no lines or no checkpoints.")
    for number, line in enumerate(cache.lines):
        ok = len(line.predictions) == len(cache.checkpoints) and all(
            len(p.p_true) == len(p.top_chars) == len(p.top_probs) == len(line.text)
            and all(len(chars) == TOP for chars in p.top_chars)
            and all(len(row) == TOP for row in p.top_probs)
            and all(0.0 <= x <= 1.0 and math.isfinite(x) for x in p.p_true)
            for p in line.predictions
        )
        if not ok or not line.text:
            raise CacheProblem(f"The model's guesses file is damaged (line {number + 1}).")
