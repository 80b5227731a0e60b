"""Small wording helpers, so counts read as people write them ("1 character", "5 characters")."""

from __future__ import annotations


def count(number: float, noun: str, plural: str | None = None) -> str:
    """ "1 character", "20 characters", "0.5 checkpoints"; whole numbers get thousands commas."""
    shown = f"{int(number):,}" if float(number).is_integer() else f"{number:g}"
    return f"{shown} {noun if number == 1 else plural or noun + 's'}"
