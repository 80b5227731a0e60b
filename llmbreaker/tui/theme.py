"""The live view's colours, intensity ramp and sizes, in one place (ANSI 256 as in the mockup)."""

from __future__ import annotations

import numpy as np
from rich.text import Text

RAMP = "░▒▓█"  # 0-0.25, 0.25-0.5, 0.5-0.75, 0.75-1
RAMP_STYLES = ("color(240)", "color(244)", "color(248)", "color(255)")
YELLOW = "bold color(226)"  # ⚡ ACTIVE
GREEN = "bold color(46)"  # ⚡ WRITE
CYAN = "bold color(51)"  # ⚡ SAMPLING
DIM = "color(240)"
LABEL = "bold color(255)"
NOTE = "color(244)"
ACCENT = "color(39)"
DASH = "—"  # a value the model does not have

MIN_WIDTH = 72
MAX_WIDTH = 120


def flash_on(now: float, hz: float) -> bool:
    """True during the lit half of each flash period."""
    return hz <= 0 or int(now * hz * 2) % 2 == 0


def flash(now: float, hz: float, style: str) -> str:
    """The style while lit, dim while dark."""
    return style if flash_on(now, hz) else DIM


def level(value: float) -> int:
    """Ramp index 0-3 of a value in [0, 1]."""
    return int(min(3, max(0, value * 4)))


def ramp(values, scale: float | None = None) -> Text:
    """One ramp character per value, scaled by `scale` or by the largest value."""
    values = np.asarray(values, dtype=np.float32).ravel()
    top = scale if scale else float(np.abs(values).max()) if values.size else 0.0
    out = Text()
    for value in values:
        i = level(abs(float(value)) / top) if top > 0 else 0
        out.append(RAMP[i], style=RAMP_STYLES[i])
    return out


def attention_ramp(weights) -> Text:
    """Attention weights on the ramp, full at the peak but never brighter than a quarter when
    spread evenly, so a uniform (untrained) head reads as quiet, not as all-high."""
    weights = np.asarray(weights, dtype=np.float32).ravel()
    if weights.size == 0:
        return Text()
    return ramp(weights, scale=max(float(weights.max()), 4.0 / weights.size))


def visible(token: str) -> str:
    """A token as it should appear on one line: blanks made visible."""
    return token.replace(" ", "␣").replace("\n", "↵").replace("\t", "⇥") or "∅"


def number(value: float | None, fmt: str) -> str:
    """A formatted number, or a dash when the loop has none."""
    return DASH if value is None else format(value, fmt)


def size(n_bytes: int | None) -> str:
    """Bytes as B, KB or MB."""
    if n_bytes is None:
        return DASH
    if n_bytes < 1024:
        return f"{n_bytes}B"
    if n_bytes < 1024 * 1024:
        return f"{n_bytes / 1024:.1f}KB"
    return f"{n_bytes / 1024 / 1024:.1f}MB"


def title(left: str, right: str, width: int) -> list[Text]:
    """A section heading with a note at the right, then a rule."""
    line = Text(left, style=LABEL)
    gap = max(1, width - len(left) - len(right))
    line.append(" " * gap)
    line.append(right, style=NOTE)
    return [line, Text("─" * width, style=DIM)]


def pad(text: Text, width: int) -> Text:
    """Text cut or padded to exactly width cells."""
    text = text.copy()
    text.truncate(width, pad=True)
    return text
