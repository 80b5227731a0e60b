"""Option types shared by the commands: each turns a bad value into one clear argparse line."""

from __future__ import annotations

import argparse

from llmbreaker.config import cores


def default_threads() -> int:
    return min(2, cores())


def thread_count(text: str) -> int:
    """1 to the number of cores: more threads than cores only slow torch down (or crash it)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"threads must be a whole number (got '{text}')") from None
    if not 1 <= value <= cores():
        raise argparse.ArgumentTypeError(
            f"threads must be 1-{cores()}, the cores this machine has (got {value})"
        )
    return value


def bounded(kind, low, high):
    """An argparse type accepting low..high (low itself excluded for floats)."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a number (got '{text}')") from None
        too_low = value <= low if kind is float else value < low
        if too_low or value > high or value != value:  # the last: NaN
            above = f"above {low:g}" if kind is float else f"at least {low:,}"
            raise argparse.ArgumentTypeError(f"must be {above} and at most {high:,g} (got {text})")
        return value

    return parse
