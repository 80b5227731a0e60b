"""One frame's worth of what Break It shows, gathered once so every panel reads the same."""

from __future__ import annotations

from dataclasses import dataclass

from llmbreaker.messages import Checkpoint


@dataclass(frozen=True)
class BreakFrame:
    """The choice of parts, the pair's progress, the samples at one step and the verdict."""

    chosen: tuple[str, ...]  # parts the next run breaks
    running: tuple[str, ...]  # parts the run on screen broke; () before the first run
    cursor: int  # the highlighted row of the switch list
    keys: dict[str, str]  # switch name -> its key's label, from the key table
    status: str | None  # None before the first run; else running, paused, completed, ...
    step: int
    max_iters: int
    ghost_mode: str  # "live" (trained beside), "cached" (replayed) or "" before a run
    broken: Checkpoint | None  # the checkpoint shown (the cursor's, else the newest)
    ghost: Checkpoint | None  # the ghost's checkpoint at the same step
    verdict: tuple[str, ...]  # the caption lines; empty until both runs are done
    hints: tuple[tuple[str, str], ...]  # (key label, what it does) for the status panel
    error: str = ""
