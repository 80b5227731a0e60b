"""What went wrong in a broken model, measured: losses, attention and real words, in plain words.

Torch-free: the exhibit and `llmbreaker train --break` both read checkpoints (anything with
val_loss, sample and attention) and write the same caption.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from llmbreaker.breaks import SWITCHES
from llmbreaker.text_scan import find_all

WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# Below this gap in validation loss the broken part "barely mattered" at this size.
SMALL_GAP = 0.03
# Switches whose clearest symptom is in the attention (the rest show it in the words).
ATTENTION_SYMPTOM = ("positions", "heads")


def corpus_words(text: str) -> frozenset[str]:
    """Every word of a corpus, lower case: the dictionary a sample's words are checked against."""
    return frozenset(w.lower() for w in find_all(WORD, text))


def real_words(sample: str, words: frozenset[str]) -> tuple[int, int]:
    """(words of the sample found in the corpus, words in the sample)."""
    found = [w.lower() for w in WORD.findall(sample)]
    return sum(w in words for w in found), len(found)


def previous_char_focus(attention: np.ndarray) -> float:
    """The sharpest head's mean weight on the character just before each position (0-1)."""
    if attention is None or attention.ndim != 4 or attention.shape[-1] < 2:
        return 0.0
    t = attention.shape[-1]
    diagonal = attention[:, :, np.arange(1, t), np.arange(t - 1)]  # (L, H, T - 1)
    return float(diagonal.mean(axis=-1).max())


@dataclass(frozen=True)
class Comparison:
    """The broken run against its ghost, measured at their last checkpoints."""

    switches: tuple[str, ...]
    broken_val: float
    ghost_val: float
    broken_words: tuple[int, int]  # (real, total) in the last sample
    ghost_words: tuple[int, int]
    broken_focus: float  # previous_char_focus of the last attention
    ghost_focus: float

    @property
    def gap(self) -> float:
        return self.broken_val - self.ghost_val

    def symptom(self) -> str:
        """'attention' or 'words': which measurement the caption cites."""
        return "attention" if any(s in ATTENTION_SYMPTOM for s in self.switches) else "words"


def compare(switches, broken, ghost, words: frozenset[str]) -> Comparison:
    """Measure two last checkpoints (broken, ghost) against each other."""
    return Comparison(
        tuple(switches),
        broken.val_loss,
        ghost.val_loss,
        real_words(broken.sample, words),
        real_words(ghost.sample, words),
        previous_char_focus(broken.attention),
        previous_char_focus(ghost.attention),
    )


def signed(value: float) -> str:
    """+0.25, -0.04, and +0.00 rather than -0.00 for a tiny negative."""
    return f"{round(value, 2) + 0.0:+.2f}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _attention_symptom(c: Comparison) -> str:
    b, g = round(100 * c.broken_focus), round(100 * c.ghost_focus)
    if "positions" in c.switches:
        if b < g / 2:
            return (
                f"No head finds the previous character: the sharpest gives it {b}% of its "
                f"attention, the ghost's {g}%."
            )
        return f"Its sharpest head still finds the previous character ({b}%, the ghost's {g}%)."
    if b < g - 15:
        return (
            f"Its one head per layer must share out its attention: it gives the previous "
            f"character {b}%, where one of the ghost's heads gives it {g}%."
        )
    return f"Its one head still watches the previous character ({b}%, the ghost's {g}%)."


def _words_symptom(c: Comparison) -> str:
    (br, bt), (gr, gt) = c.broken_words, c.ghost_words
    if not bt or not gt:
        return f"Its sample has {bt} words, the ghost's {gt}."
    if br / bt < gr / gt - 0.1:
        lead = "Fewer real words in its sample"
    elif br / bt > gr / gt + 0.1:
        lead = "More real words in its sample, by chance of the draw"
    else:
        lead = "About as many real words in its sample"
    return f"{lead}: {br} of {bt}, against {gr} of {gt} in the ghost's."


def caption(c: Comparison) -> list[str]:
    """Three plain lines: what broke, the losses, and one symptom, every figure measured."""
    parts = " and ".join(_lower_first(SWITCHES[s].title) for s in c.switches)
    if c.gap >= SMALL_GAP:
        verdict = f"With {parts}, the model learned worse."
    elif c.gap <= -SMALL_GAP:
        verdict = f"With {parts}, the model did better than the ghost this time."
    else:
        verdict = f"With {parts}, the model learned about as well: this part barely mattered here."
    perplexities = f"{math.exp(c.broken_val):.1f} vs {math.exp(c.ghost_val):.1f}"
    losses = (
        f"Validation loss {c.broken_val:.2f} against the ghost's {c.ghost_val:.2f} "
        f"({signed(c.gap)}; perplexity {perplexities})."
    )
    symptom = _attention_symptom(c) if c.symptom() == "attention" else _words_symptom(c)
    return [verdict, losses, symptom]
