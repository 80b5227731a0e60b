"""Where a text's held-out part comes from: its tail, or a few pieces spread evenly across it."""

from __future__ import annotations

import torch


def held_out_spans(n: int, n_val: int, window: int, pieces: int = 1) -> list[tuple[int, int]]:
    """(start, end) of each held-out piece of a text of n tokens, n_val of them held out.

    pieces 1: the last n_val tokens (the tail). More: that many pieces of about n_val / pieces
    tokens, the i-th centred at (i + 0.5) / pieces of the text, so neither the opening nor the
    closing lines (a letter's greeting and sign-off) stand for all of it; fewer pieces when a
    piece would hold less than `window` tokens (one whole window), down to one in the middle.
    """
    if pieces <= 1:
        return [(n - n_val, n)]
    pieces = max(1, min(pieces, n_val // window))
    sizes = [n_val // pieces + (i < n_val % pieces) for i in range(pieces)]
    spans: list[tuple[int, int]] = []
    for i, size in enumerate(sizes):
        start = round((i + 0.5) * n / pieces - size / 2)
        start = min(max(start, spans[-1][1] if spans else 0), n - size)
        spans.append((start, start + size))
    return spans


def split_around(
    data: torch.Tensor, spans: list[tuple[int, int]]
) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """The text's pieces outside the spans (training) and inside them (held out), in order."""
    kept, held = [], []
    at = 0
    for start, end in spans:
        if start > at:
            kept.append(data[at:start])
        held.append(data[start:end])
        at = end
    if at < len(data):
        kept.append(data[at:])
    return kept, held


def joined(segments: list[torch.Tensor], window: int) -> tuple[torch.Tensor, torch.Tensor | None]:
    """The segments end to end, and where a window of `window` tokens may start in them without
    crossing from one segment into the next (None: one segment, every start is allowed)."""
    if len(segments) == 1:
        return segments[0], None
    starts, at = [], 0
    for segment in segments:
        if len(segment) >= window:
            starts.append(torch.arange(at, at + len(segment) - window + 1))
        at += len(segment)
    data = torch.cat(segments)
    return data, (torch.cat(starts) if starts else torch.zeros(0, dtype=torch.long))
