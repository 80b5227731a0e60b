"""One frame of the guessing game, gathered once so every panel reads the same."""

from __future__ import annotations

from dataclasses import dataclass

from game.guess.high_scores import Score
from game.guess.line_game import Revealed

# What the tab is doing.
LOADING, MISSING, BUILDING, PLAYING, PAUSED, FINISHED, INITIALS, AUTOPLAY = (
    "loading", "missing", "building", "playing", "paused", "finished", "initials", "autoplay"
)  # fmt: skip


@dataclass(frozen=True)
class Guess:
    """One guess shown as a chip: the character, the player's probability for it, right or not."""

    char: str
    probability: float | None  # None for the visitor, whose tries carry no probability
    right: bool


@dataclass(frozen=True)
class PlayerRow:
    """The visitor or one checkpoint: running score and what it did on the last character."""

    name: str
    detail: str
    mean_bits: float | None
    last: tuple[Guess, ...]
    last_bits: float | None
    colour: str  # palette name of the bar


@dataclass(frozen=True)
class GuessFrame:
    mode: str
    title: str
    lead: str
    text: str
    revealed: tuple[Revealed, ...]
    tries: tuple[str, ...]
    status: str
    status_kind: str  # "info", "good", "bad"
    rows: tuple[PlayerRow, ...]
    last_char: str  # the character the rows' guesses were for ("" before the first)
    summary: tuple[str, ...]
    initials: str
    best: tuple[Score, ...]
    best_mark: int  # 1-based place of the score just saved, 0 for none
    rule: str
    keys: tuple[tuple[str, str], ...]  # (key label, what it does) for the footer
    message: tuple[str, ...]  # the whole screen's text when there is no game (missing, building)
    now: float
