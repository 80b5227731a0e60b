"""Name what one attention head seems to do, computed from its matrix and the probe text."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MASS_THRESHOLD = 0.35  # share of a row's attention that makes a pattern the head's "job"
SPREAD_THRESHOLD = 0.8  # normalised entropy above which a head is simply spreading out

CAPTIONS = {
    "previous": "looks at the previous character",
    "start": "looks at the start of the text",
    "same": "looks at the same letter earlier",
    "self": "looks at the current character",
    "spread": "spreads out evenly",
    "mixed": "no clear pattern yet",
}


@dataclass(frozen=True)
class HeadCaption:
    """A head's most likely role, its strength (0 to 1) and every score behind it."""

    kind: str
    score: float
    scores: dict[str, float]

    @property
    def text(self) -> str:
        return CAPTIONS[self.kind]


def head_scores(matrix: np.ndarray, text: str = "") -> dict[str, float]:
    """Mean attention mass per pattern over the query rows, plus normalised entropy."""
    a = np.asarray(matrix, dtype=np.float64)
    t = a.shape[0]
    if t < 2:
        return dict.fromkeys(("previous", "start", "same", "self", "spread"), 0.0)
    rows = np.arange(1, t)  # row 0 can only look at itself, so it says nothing
    scores = {
        "previous": float(a[rows, rows - 1].mean()),
        "start": float(a[rows, 0].mean()),
        "self": float(a[rows, rows].mean()),
        "same": _same_character_mass(a, text[:t]),
    }
    p = np.clip(a[rows], 1e-12, 1.0)
    entropy = -(a[rows] * np.log(p)).sum(axis=1)
    scores["spread"] = float((entropy / np.log(rows + 1)).mean())
    return scores


def _same_character_mass(a: np.ndarray, text: str) -> float:
    """Mean mass on earlier positions holding the query's character (rows that have one)."""
    if len(text) < a.shape[0]:
        return 0.0
    chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    same = chars[:, None] == chars[None, :]
    earlier = np.tril(same, k=-1)
    has_earlier = earlier.any(axis=1)
    if not has_earlier.any():
        return 0.0
    return float((a * earlier).sum(axis=1)[has_earlier].mean())


def caption_head(matrix: np.ndarray, text: str = "") -> HeadCaption:
    """The strongest attention-mass pattern, else "spread" if the rows are nearly uniform."""
    scores = head_scores(matrix, text)
    mass_kinds = ("previous", "start", "same", "self")
    best = max(mass_kinds, key=lambda k: scores[k])
    if scores[best] >= MASS_THRESHOLD:
        return HeadCaption(best, scores[best], scores)
    if scores["spread"] >= SPREAD_THRESHOLD:
        return HeadCaption("spread", scores["spread"], scores)
    return HeadCaption("mixed", scores[best], scores)


def caption_heads(attention: np.ndarray, text: str = "") -> dict[tuple[int, int], HeadCaption]:
    """Captions for every (layer, head) of an (n_layer, n_head, T, T) array."""
    layers, heads = attention.shape[:2]
    return {
        (layer, head): caption_head(attention[layer, head], text)
        for layer in range(layers)
        for head in range(heads)
    }
