"""How the game's training run is made, and whether a stored file still matches it (torch-free,
so `llmbreaker guess build` answers "up to date" without loading torch)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from llmbreaker.guess.cache import FORMAT, CacheProblem, load


@dataclass(frozen=True)
class Recipe:
    """How the game's training run is made."""

    # `small`, the model Break It and Decode Live train (the exhibit's default is `quick`): the
    # keep steps and the bits per step below were measured on it.
    preset: str = "small"
    steps: int = 1200
    # Step 0 guesses blindly; by 30 it knows which letters are common; by 150 it spells short
    # words; the last is as good as the run gets (bits per step: docs/guess-the-next-character.md).
    keep: tuple[int, ...] = (0, 30, 150, 1200)
    lines: int = 120
    line_chars: int = 40

    def fingerprint(self) -> str:
        keep = "-".join(map(str, self.keep))
        return f"f{FORMAT}/{self.preset}/{self.steps}/{keep}/{self.lines}x{self.line_chars}"


RECIPE = Recipe()


def corpus_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_current(path: Path, text: str, recipe: Recipe = RECIPE) -> bool:
    """The file at path is intact and was built from this text with this recipe."""
    try:
        cache = load(path)
    except CacheProblem:
        return False
    return cache.corpus_sha256 == corpus_sha256(text) and cache.recipe == recipe.fingerprint()
