"""The figures that say whether style transferred: the issue-13 checks, torch-free.

Compared for one visitor's text: the base model's text from the visitor's opening ("before")
and the fine-tuned model's text from the same opening and seed ("after").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from llmbreaker.style_metrics import (
    avg_sentence_length,
    formality,
    real_word_share,
    richness_at,
    verbatim_share,
    vocab_richness,
    words_of,
)
from llmbreaker.style_recipe import BASE_PATH

WORDS_PATH = BASE_PATH.with_name("char_base_words.txt")
# The bars (docs/style-transfer.md): what "it writes like you" has to mean.
MAX_VERBATIM = 0.15
PIECE_CHARS = 20  # the verbatim check's piece length
MIN_GAIN = 0.1
MIN_REAL_WORDS = 0.70
MIN_CLOSER = 2
STYLE_NAMES = ("formality", "sentence_length", "richness")


@cache
def base_words() -> frozenset[str]:
    """Every word of the base's corpora (written by `llmbreaker base build`); empty if absent."""
    try:
        return frozenset(WORDS_PATH.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def style_of(text: str, n_words: int) -> dict[str, float]:
    """The three style measures, richness read in pieces of n_words."""
    return {
        "formality": formality(text),
        "sentence_length": avg_sentence_length(text),
        "richness": richness_at(text, n_words),
    }


def style_of_samples(samples: Sequence[str]) -> dict[str, float]:
    """The style measures of several samples: formality and sentence length over all of them
    (each sample ends a sentence), richness sample by sample, averaged."""
    pooled = "\n".join(samples)
    return {
        "formality": formality(pooled),
        "sentence_length": avg_sentence_length(pooled),
        "richness": sum(vocab_richness(s) for s in samples) / max(1, len(samples)),
    }


@dataclass(frozen=True)
class Transfer:
    """Before and after, side by side with the visitor's text."""

    verbatim: float  # share of the after texts' 20-character pieces found in the visitor's
    base_val: float  # the base's loss on the visitor's held-out tail
    best_val: float  # the fine-tuned model's best loss there
    real_words: float  # share of the after texts' words in the base corpora or the visitor's
    yours: dict[str, float]
    before: dict[str, float]
    after: dict[str, float]

    @property
    def gain(self) -> float:
        return self.base_val - self.best_val

    @property
    def closer(self) -> tuple[str, ...]:
        """The style measures on which after is nearer your text than before is."""
        return tuple(
            name
            for name in STYLE_NAMES
            if abs(self.after[name] - self.yours[name]) < abs(self.before[name] - self.yours[name])
        )

    @property
    def checks(self) -> dict[str, bool]:
        return {
            "verbatim": self.verbatim <= MAX_VERBATIM,
            "val_gain": self.gain >= MIN_GAIN,
            "real_words": self.real_words >= MIN_REAL_WORDS,
            "style_closer": len(self.closer) >= MIN_CLOSER,
        }

    def as_dict(self) -> dict:
        out = asdict(self)
        out["style"] = {k: out.pop(k) for k in ("yours", "before", "after")}
        out.update(gain=round(self.gain, 4), closer=list(self.closer), checks=self.checks)
        return out


def measure_transfer(
    text: str,
    before: str | Sequence[str],
    after: str | Sequence[str],
    base_val: float,
    best_val: float,
) -> Transfer:
    """The figures for one run; before and after are continuations (the prompt left out), one
    text or several samples from the same opening (llmbreaker/style_sample.py)."""
    befores = (before,) if isinstance(before, str) else tuple(before)
    afters = (after,) if isinstance(after, str) else tuple(after)
    n_words = max(1, round(sum(len(words_of(a)) for a in afters) / len(afters)))
    known = base_words() | set(words_of(text))
    pooled = "\n".join(afters)
    pieces = [max(0, len(a) - PIECE_CHARS + 1) for a in afters]  # each sample's 20-char pieces
    copied = sum(
        verbatim_share(a, text, PIECE_CHARS) * n for a, n in zip(afters, pieces, strict=True)
    )
    verbatim = copied / max(1, sum(pieces))
    return Transfer(
        verbatim,
        base_val,
        best_val,
        real_word_share(pooled, known),
        style_of(text, n_words),
        style_of_samples(befores),
        style_of_samples(afters),
    )


def perplexity(loss: float) -> float:
    return math.exp(min(loss, 20.0))


def write_base_words(corpus: str, path: Path = WORDS_PATH) -> int:
    """Save the corpus's distinct lower-case words, one a line; returns how many."""
    words = sorted(set(words_of(corpus)))
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    return len(words)
