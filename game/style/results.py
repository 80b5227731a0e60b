"""The numbers beside the texts: style of yours, the base's and the tuned model's; confidence."""

from __future__ import annotations

from dataclasses import dataclass

from game.style.metric_bars import MetricRow
from llmbreaker.style_metrics import words_of
from llmbreaker.style_report import Transfer, perplexity, style_of

MODEL = ("cyan",)  # confidence rows describe the tuned model only
SERIES = (("Your text", "light"), ("Before", "dim"), ("After", "cyan"))
COLOURS = ("light", "dim", "cyan")
NAMES = ("formality", "sentence_length", "richness")


@dataclass(frozen=True)
class StyleResult:
    """Everything the metric panels show, computed once per finished run (or per text)."""

    yours: dict[str, float] | None
    before: dict[str, float] | None = None
    after: dict[str, float] | None = None
    closer: tuple[str, ...] = ()
    avg_prob: float | None = None
    base_val: float | None = None
    best_val: float | None = None
    verbatim: float | None = None
    real_words: float | None = None

    def _values(self, name: str) -> tuple[float | None, ...]:
        return tuple(None if s is None else s[name] for s in (self.yours, self.before, self.after))

    def _row(self, title: str, name: str, scale: float, fmt: str) -> MetricRow:
        badge, good = "", False
        if self.after is not None:
            good = name in self.closer
            badge = "after is closer to yours" if good else "after is not closer"
        return MetricRow(title, "", self._values(name), scale, fmt, COLOURS, badge, good)

    def style_rows(self) -> list[MetricRow]:
        longest = max(30.0, *(v or 0.0 for v in self._values("sentence_length")))
        return [
            self._row("Formality (0-100)", "formality", 100.0, "{:.0f}"),
            self._row("Words per sentence", "sentence_length", longest, "{:.1f}"),
            self._row("Vocabulary richness", "richness", 1.0, "{:.2f}"),
        ]

    def confidence_rows(self) -> list[MetricRow]:
        base = None if self.base_val is None else perplexity(self.base_val)
        best = None if self.best_val is None else perplexity(self.best_val)
        scale = max(base or 0.0, best or 0.0, 2.0)
        return [
            MetricRow("Perplexity on your unseen text", "exp(loss) on the end of your text, "
                      "held out", (base, best), scale, "{:.1f}", ("dim", "cyan")),
            MetricRow("Real words (in its books or yours)", "", (self.real_words,), 1.0,
                      "{:.0%}", MODEL),
            MetricRow("Copied verbatim (20-character pieces)", "", (self.verbatim,), 1.0,
                      "{:.0%}", MODEL),
            MetricRow("Average token probability", "", (self.avg_prob,), 1.0, "{:.2f}", MODEL),
        ]  # fmt: skip


def from_transfer(transfer: Transfer, probs) -> StyleResult:
    """The panels' view of one finished run (llmbreaker.style_report measured it)."""
    return StyleResult(
        transfer.yours,
        transfer.before,
        transfer.after,
        transfer.closer,
        sum(probs) / len(probs) if probs else None,
        transfer.base_val,
        transfer.best_val,
        transfer.verbatim,
        transfer.real_words,
    )


def preview(original: str, sample_words: int = 70) -> StyleResult:
    """Your text's style before the models have written anything."""
    return StyleResult(style_of(original, sample_words))


def blank() -> StyleResult:
    """No text yet: every bar empty."""
    return StyleResult(None)


def words_in(text: str) -> int:
    return len(words_of(text))
