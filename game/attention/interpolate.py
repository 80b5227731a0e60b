"""Timeline position (a float over checkpoint indices) -> attention blended between checkpoints."""

from __future__ import annotations

import math

import numpy as np


def blend(frames: list[np.ndarray], position: float) -> np.ndarray | None:
    """The attention at a fractional checkpoint index: a linear blend of its two neighbours.

    frames are (n_layer, n_head, T, T) arrays; position is clamped to the valid range.
    """
    if not frames:
        return None
    position = min(max(position, 0.0), len(frames) - 1.0)
    lower = math.floor(position)
    fraction = position - lower
    if fraction < 1e-4 or lower + 1 >= len(frames):
        return frames[lower]
    a, b = frames[lower], frames[lower + 1]
    return a + (b - a) * np.float32(fraction)


def step_at(steps: list[int], position: float) -> float:
    """The training step the position stands for, interpolated like the matrices."""
    if not steps:
        return 0.0
    position = min(max(position, 0.0), len(steps) - 1.0)
    lower = math.floor(position)
    if lower + 1 >= len(steps):
        return float(steps[lower])
    fraction = position - lower
    return steps[lower] + (steps[lower + 1] - steps[lower]) * fraction
