"""Decode Live's shared looks: the intensity ramp, 5 Hz flashing, attention scaling, labels."""

from __future__ import annotations

import numpy as np

from game.theme import Colour, mix
from llmbreaker.tui.theme import flash_on, size

FLASH_HZ = 5.0  # the live view's flashing indicators
__all__ = ["FLASH_HZ", "activity", "attention_scale", "flash_on", "glyph", "ramp", "size"]
SHOWN_AS = {" ": "·", "\n": "¶", "\t": "→"}  # blanks made visible, in glyphs the mono font has


def glyph(char: str) -> str:
    """A character as monospace shows it on one line: blanks made visible."""
    return "".join(SHOWN_AS.get(c, c) for c in char) or "∅"


def ramp(theme, value: float) -> Colour:
    """The live view's ░▒▓█ ramp as a colour: slate at 0, blue at 0.6, near white at 1."""
    value = min(1.0, max(0.0, value))
    low, mid, high = theme.colour["raised"], theme.colour["blue"], theme.colour["text"]
    return mix(low, mid, value / 0.6) if value < 0.6 else mix(mid, high, (value - 0.6) / 0.4)


def attention_scale(weights: np.ndarray) -> float:
    """Full at the peak, yet an evenly spread (untrained) head reads no brighter than a quarter."""
    n = weights.shape[-1]
    return max(float(weights.max()) if weights.size else 0.0, 4.0 / max(1, n), 1e-9)


def activity(attention: np.ndarray) -> np.ndarray:
    """(layers, heads) in [0, 1]: how far each head's peak rises above uniform attention."""
    n = attention.shape[-1]
    if n <= 1:
        return np.zeros(attention.shape[:2], dtype=np.float32)
    peak = attention.max(-1)
    return np.clip((peak - 1.0 / n) / (1.0 - 1.0 / n), 0.0, 1.0)


def flash(theme, now: float, lit: str, dark: str = "dim") -> Colour:
    """A palette colour that blinks at FLASH_HZ."""
    return theme.colour[lit if flash_on(now, FLASH_HZ) else dark]
