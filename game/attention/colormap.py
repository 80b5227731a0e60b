"""The attention colour ramp, white (0) through light blue (0.5) to dark blue (1), vectorised."""

from __future__ import annotations

import numpy as np

from game.theme import PALETTE

STOPS = np.array([PALETTE["heat_low"], PALETTE["heat_mid"], PALETTE["heat_high"]], dtype=np.float32)
"""(3, 3) RGB at weights 0, 0.5 and 1; the 3D shader receives the same three colours."""


def colormap_float(weights: np.ndarray) -> np.ndarray:
    """Weights of any shape -> float RGB in 0..255 with a trailing axis of 3."""
    w = np.clip(np.asarray(weights, dtype=np.float32), 0.0, 1.0)[..., None]
    low = STOPS[0] + (STOPS[1] - STOPS[0]) * (w * 2.0)
    high = STOPS[1] + (STOPS[2] - STOPS[1]) * (w * 2.0 - 1.0)
    return np.where(w <= 0.5, low, high)


def colormap(weights: np.ndarray) -> np.ndarray:
    """Weights of any shape -> uint8 RGB with a trailing axis of 3."""
    return np.rint(colormap_float(weights)).astype(np.uint8)


LUT_SIZE = 2048
_LUT = None


def colormap_fast(weights: np.ndarray) -> np.ndarray:
    """colormap() through a lookup table: within half a level of exact, several times faster."""
    global _LUT
    if _LUT is None:
        _LUT = colormap(np.linspace(0.0, 1.0, LUT_SIZE, dtype=np.float32))
    w = np.clip(np.asarray(weights, dtype=np.float32), 0.0, 1.0)
    return _LUT[(w * (LUT_SIZE - 1) + 0.5).astype(np.intp)]


def colour_of(weight: float) -> tuple[int, int, int]:
    """One weight's colour as a plain tuple (legends, tests)."""
    r, g, b = colormap(np.array(weight, dtype=np.float32))
    return int(r), int(g), int(b)
