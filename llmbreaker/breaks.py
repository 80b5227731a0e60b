"""The "Break it" switches: what each part of the transformer is for, and the model without it.

Torch-free, so the exhibit, `llmbreaker train --break` and the tests share one list.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from llmbreaker.config import ModelConfig
from llmbreaker.errors import INVALID_CONFIG, LLMBreakerError


@dataclass(frozen=True)
class Switch:
    """One part of the transformer that can be turned off."""

    name: str
    """What `--break` and the key table call it."""
    title: str
    """What the visitor reads: the part, broken."""
    purpose: str
    """One sentence on what the part does."""
    changes: tuple[tuple[str, Any], ...]
    """ModelConfig fields and the broken values."""


SWITCHES: dict[str, Switch] = {
    s.name: s
    for s in (
        Switch(
            "positions",
            "No position embeddings",
            "Position embeddings tell the model where each character sits, so 'dog' and "
            "'god' differ.",
            (("use_positions", False),),
        ),
        Switch(
            "residual",
            "No residual connections",
            "Residual connections carry each character's vector past every layer; layers add "
            "to it.",
            (("use_residual", False),),
        ),
        Switch(
            "layernorm",
            "No LayerNorm",
            "LayerNorm rescales every vector to a steady size, so no layer's numbers run away.",
            (("use_layernorm", False),),
        ),
        Switch(
            "heads",
            "A single attention head",
            "Several heads let a layer look back in several ways at once, e.g. at the "
            "previous letter.",
            (("n_head", 1),),
        ),
        Switch(
            "context",
            "A context of 4 characters",
            "The context is how far back the model can read; with 4 characters it never sees "
            "a whole word.",
            (("block_size", 4),),
        ),
        Switch(
            "width",
            "A width of 8",
            "Width is how many numbers describe each character; 8 hold little of the past.",
            (("n_embd", 8),),
        ),
    )
}


def parse_switches(text: str) -> tuple[str, ...]:
    """Names like "positions,residual", in table order; unknown names are refused."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [n for n in names if n not in SWITCHES]
    if unknown or not names:
        known = ", ".join(SWITCHES)
        got = ", ".join(unknown) or "nothing"
        raise LLMBreakerError(INVALID_CONFIG, f"Cannot break {got}. Choose from: {known}.")
    return tuple(n for n in SWITCHES if n in names)


def broken_model(cfg: ModelConfig, names: tuple[str, ...] | list[str]) -> ModelConfig:
    """cfg with every named part switched off; heads shrink to fit a narrower width."""
    changes: dict[str, Any] = {}
    for name in names:
        changes.update(SWITCHES[name].changes)
    broken = replace(cfg, **changes)
    if broken.n_embd % broken.n_head:
        broken = replace(broken, n_head=math.gcd(broken.n_embd, broken.n_head))
    return broken


def describe(names: tuple[str, ...] | list[str]) -> str:
    """The titles joined, e.g. "No position embeddings + A single attention head"."""
    return " + ".join(SWITCHES[n].title for n in names) or "Nothing broken"


# Break It's run: this preset for this many steps (measured in docs/break-it.md: every
# switch's gap to the ghost shows well before the end). It stays on `small` when the
# exhibit's default moves on, so the measured gaps, captions and ghost caches hold.
BREAK_PRESET = "small"
BREAK_STEPS = 600
BREAK_SAMPLE_LENGTH = 160  # characters per checkpoint sample: enough words to count
