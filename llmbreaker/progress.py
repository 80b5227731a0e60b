"""What Trainer.run() yields: a step's result or a checkpoint's (torch-free, so a driver can
tell them apart without importing torch)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class StepResult:
    """One optimiser step."""

    step: int  # steps completed, this one included
    loss: float
    lr: float


@dataclass(frozen=True)
class CheckpointResult:
    """One evaluation of the model."""

    step: int
    train_loss: float
    val_loss: float
    sample: str
    sample_probs: tuple[float, ...]
    attention: np.ndarray  # float32 (n_layer, n_head, T, T) on the probe
    elapsed: float  # seconds spent stepping and evaluating so far, the run's own clock


def next_step(
    progress: Iterator[StepResult | CheckpointResult],
    on_checkpoint: Callable[[CheckpointResult], None],
) -> StepResult:
    """Take Trainer.run()'s results up to its next optimiser step, handing each checkpoint on
    the way (the one that step ended on comes first) to on_checkpoint."""
    result = next(progress)
    while not isinstance(result, StepResult):
        on_checkpoint(result)
        result = next(progress)
    return result
