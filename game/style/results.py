"""The numbers beside the two texts: style of each, the model's confidence, verbatim copying."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.style.metric_bars import MetricRow
from llmbreaker.style_metrics import (
    avg_sentence_length,
    formality,
    verbatim_share,
    vocab_richness,
)

MODEL = ("cyan",)  # confidence rows describe the model only


@dataclass(frozen=True)
class StyleResult:
    """Everything the metric panels show, computed once per generated text."""

    formality: tuple[float | None, float | None]  # (your text, the model's)
    sentence_length: tuple[float | None, float | None]
    richness: tuple[float | None, float | None]
    avg_prob: float | None
    perplexity: float | None
    vocab_size: int
    verbatim: float | None

    def style_rows(self) -> list[MetricRow]:
        longest = max(30.0, *(v or 0.0 for v in self.sentence_length))
        return [
            MetricRow("Formality (0-100)", "Formal words (regarding, therefore) vs chatty ones "
                      "(gonna, yeah).", self.formality, 100.0),
            MetricRow("Average sentence length", "Words between full stops, ! and ?.",
                      self.sentence_length, longest, "{:.1f}"),
            MetricRow("Vocabulary richness", "Different words / all words: higher is more "
                      "varied.", self.richness, 1.0, "{:.2f}"),
        ]  # fmt: skip

    def confidence_rows(self) -> list[MetricRow]:
        guessing = f"; guessing = {self.vocab_size}" if self.vocab_size > 2 else ""
        return [
            MetricRow("Average token probability", "How sure it was of each character it "
                      "wrote (1 = certain).", (self.avg_prob,), 1.0, "{:.2f}", MODEL),
            MetricRow("Perplexity = exp(val loss)", f"On the unseen last 10% of your "
                      f"text{guessing}.", (self.perplexity,), float(self.vocab_size), "{:.1f}",
                      MODEL),
            MetricRow("Copied verbatim", "20-character pieces found word for word in your text.",
                      (self.verbatim,), 1.0, "{:.0%}", MODEL),
        ]  # fmt: skip


def measure(
    original: str, generated: str, probs, val_loss: float | None, vocab_size: int
) -> StyleResult:
    """Compare the visitor's text with the model's and read off its confidence."""
    avg_prob = sum(probs) / len(probs) if probs else None
    perplexity = math.exp(min(val_loss, 20.0)) if val_loss is not None else None
    return StyleResult(
        (formality(original), formality(generated)),
        (avg_sentence_length(original), avg_sentence_length(generated)),
        (vocab_richness(original), vocab_richness(generated)),
        avg_prob,
        perplexity,
        max(2, vocab_size),
        verbatim_share(generated, original),
    )


def preview(original: str, vocab_size: int) -> StyleResult:
    """Your text's style before the model has written anything."""
    return StyleResult(
        (formality(original), None),
        (avg_sentence_length(original), None),
        (vocab_richness(original), None),
        None,
        None,
        max(2, vocab_size),
        None,
    )


def blank(vocab_size: int = 2) -> StyleResult:
    """No text yet: every bar empty."""
    return StyleResult((None, None), (None, None), (None, None), None, None, vocab_size, None)
