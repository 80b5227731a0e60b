"""One frame of Attention Cinema: everything its parts draw, read from the tab once.

The decode tab's pattern: the tab builds a frozen Frame each frame and every part draws with
`draw(surface, rect, frame)`, so a part never reaches into the tab or the session.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

OVERVIEW, DETAIL, BARS = "overview", "detail", "3D bars"


@dataclass(frozen=True)
class CinemaFrame:
    """What the cinema shows now."""

    attention: np.ndarray | None  # (layers, heads, T, T) at the timeline position; None: none yet
    shape: tuple[int, int]  # (layers, heads) of the shown session, 0s before it has started
    probe: str  # the text every checkpoint's attention is captured on
    selected: tuple[int, int]  # (layer, head)
    cursor: tuple[int, int]  # (query, key) of the detail view's cell cursor
    captions: dict  # (layer, head) -> HeadCaption
    view: str  # OVERVIEW, DETAIL or BARS
    label: str  # the shown session's name; "" when there is none
    status: str
    step: int  # the session's newest step
    max_iters: int
    starting_note: str  # what happens while its worker starts
    notice: str  # why 3D fell back to 2D, if it did
    steps: tuple[int, ...]  # the step of every checkpoint
    position: float  # timeline position, in checkpoints (eased between them)
    shown_step: float  # the step at that position
    live: bool  # the session is still training
    playing: bool
    follow_live: bool
    rate: float  # film speed, checkpoints a second
    hints: tuple[tuple[str, str], ...]  # (keys, what) from the key table
    invite: tuple[str, str]  # the empty state's lines, keys from the table

    @property
    def checkpoints(self) -> int:
        return len(self.steps)
