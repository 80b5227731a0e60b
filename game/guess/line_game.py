"""One line of the guessing game: tries, reveals and running bits for the visitor and the model.

Pure Python: the tab feeds it typed characters, the panels read it, tests play it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from llmbreaker.guess import scoring
from llmbreaker.guess.cache import GameLine, GuessCache

RIGHT, WRONG, MISSED, REPEATED, UNKNOWN, OVER = (
    "right", "wrong", "missed", "repeated", "unknown", "over"
)  # fmt: skip


@dataclass(frozen=True)
class Revealed:
    """One character of the line once it is revealed."""

    char: str
    tries: tuple[str, ...]  # the visitor's guesses, in order
    rank: int | None  # which try found it (1-3), None when none did
    visitor_bits: float
    model_bits: tuple[float, ...]  # one per checkpoint


class LineGame:
    """The visitor against every checkpoint on one held-out line."""

    def __init__(self, cache: GuessCache, index: int) -> None:
        self.cache = cache
        self.index = index
        self.line: GameLine = cache.lines[index]
        self.alphabet = cache.alphabet
        self.revealed: list[Revealed] = []
        self.tries: list[str] = []

    @property
    def position(self) -> int:
        return len(self.revealed)

    @property
    def finished(self) -> bool:
        return self.position >= len(self.line.text)

    @property
    def tries_left(self) -> int:
        return scoring.TRIES - len(self.tries)

    def guess(self, char: str) -> str:
        """Take one try; RIGHT, WRONG or MISSED (after the third), or why it did not count."""
        if self.finished:
            return OVER
        if char not in self.alphabet:
            return UNKNOWN
        if char in self.tries:
            return REPEATED
        self.tries.append(char)
        true = self.line.text[self.position]
        if char == true:
            self._reveal(len(self.tries))
            return RIGHT
        if not self.tries_left:
            self._reveal(None)
            return MISSED
        return WRONG

    def _reveal(self, rank: int | None) -> None:
        i = self.position
        model = tuple(scoring.model_bits(p.p_true[i]) for p in self.line.predictions)
        bits = scoring.visitor_bits(rank, len(self.alphabet))
        self.revealed.append(Revealed(self.line.text[i], tuple(self.tries), rank, bits, model))
        self.tries = []

    # ------------------------------------------------------------------ scores

    def visitor_mean(self) -> float | None:
        return scoring.mean([r.visitor_bits for r in self.revealed])

    def model_means(self) -> list[float | None]:
        return [
            scoring.mean([r.model_bits[k] for r in self.revealed])
            for k in range(len(self.cache.checkpoints))
        ]

    def model_tries(self, checkpoint: int = -1) -> str:
        """A checkpoint's three likeliest characters where the line now stands (autoplay)."""
        return self.line.predictions[checkpoint].top_chars[
            min(self.position, len(self.line.text) - 1)
        ]

    def summary(self, autoplay: bool = False) -> list[str]:
        """The end-of-line verdict in plain words, with this line's numbers."""
        you = self.visitor_mean()
        means = self.model_means()
        if you is None or means[-1] is None:
            return []
        checkpoints = self.cache.checkpoints
        final = checkpoints[-1]
        player = "Playing with its top three as tries, it needed" if autoplay else "You needed"
        lines = [
            f"{player} {you:.1f} bits per character; the model at step {final.step:,} "
            f"needs {means[-1]:.1f}.",
        ]
        times = final.characters_read / max(1, self.cache.train_characters)
        lines.append(
            f"It read {final.characters_read:,} characters to get there: its "
            f"{self.cache.train_characters:,}-character book about {times:.0f} times over."
        )
        earlier = [f"step {c.step:,} {m:.1f}" for c, m in zip(checkpoints[:-1], means[:-1],
                                                               strict=True)]  # fmt: skip
        beaten = [
            f"{c.step:,}"
            for c, m in zip(checkpoints, means, strict=True)
            if m is not None and you < m
        ]
        verdict = (
            "You beat the model at every checkpoint!"
            if len(beaten) == len(checkpoints)
            else f"You beat it at step {_and(beaten)}."
            if beaten
            else "The model beat you at every checkpoint."
        )
        verdict = "" if autoplay else " " + verdict
        if earlier or verdict:
            lines.append((f"Earlier it needed: {', '.join(earlier)}." if earlier else "") + verdict)
        return [line.strip() for line in lines]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
