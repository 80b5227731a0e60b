"""Bits per character for the visitor (three tries as a bet) and for the model (its probability).

Both are code lengths, -log2 of the probability a player gave the true character, so they
compare directly. The model's probability comes from its softmax. The visitor's three tries
are read as a fixed bet, the way Shannon's guessing game turns ranked guesses into a
distribution: 60 % on the first try, 20 % on the second, 10 % on the third, and the last
10 % spread evenly over every other character of the alphabet.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

TRY_SHARES = (0.6, 0.2, 0.1)
MISS_SHARE = 1.0 - sum(TRY_SHARES)
TRIES = len(TRY_SHARES)
SMALLEST_PROBABILITY = 1e-9  # a probability stored as 0 still costs a finite ~30 bits

RULE = (
    "Scoring: your 1st, 2nd and 3rd tries count as bets of 60 %, 20 % and 10 % (the other "
    "10 % is spread over every other character), and each character costs -log2 of what was "
    "bet on it, for you and for the model alike."
)


def visitor_share(rank: int | None, alphabet_size: int) -> float:
    """The share of the bet on the true character: rank 1-3 is the try that found it, None none."""
    if rank is not None:
        if not 1 <= rank <= TRIES:
            raise ValueError(f"rank must be 1-{TRIES} or None (got {rank})")
        return TRY_SHARES[rank - 1]
    return MISS_SHARE / max(1, alphabet_size - TRIES)


def visitor_bits(rank: int | None, alphabet_size: int) -> float:
    """What one character costs the visitor: 0.74 bits on the first try, 2.32, 3.32, or more."""
    return -math.log2(visitor_share(rank, alphabet_size))


def model_bits(probability: float) -> float:
    """What one character costs the model: -log2 of the probability it gave the true one."""
    return max(0.0, -math.log2(max(probability, SMALLEST_PROBABILITY)))  # never "-0.00"


def mean(values: Sequence[float]) -> float | None:
    """Average bits per character so far; None before the first character."""
    return sum(values) / len(values) if values else None
