"""One frame's worth of what Style Transfer shows, gathered once so every panel reads the same."""

from __future__ import annotations

from dataclasses import dataclass

from llmbreaker.messages import Checkpoint

IDLE, TRAINING, WRITING, DONE = "idle", "training", "writing", "done"


@dataclass(frozen=True)
class StyleFrame:
    """The run on screen: its phase, losses, and the two texts written from your opening."""

    phase: str  # idle (no run), training, writing (the after text is on its way), done
    status: str  # the session's status word, "" when there is no run
    step: int
    max_iters: int
    wall_time: float | None  # seconds of training, once it has ended
    prompt: str  # your opening, which both models continue
    before: str  # what the base model wrote, before any training ("" until it arrives)
    after: str  # the tuned model's text: a checkpoint's sample, then the final one
    after_final: bool  # after is the best checkpoint's full-length text
    checkpoints: tuple[Checkpoint, ...]
    stopped_early: bool  # training ended before max_iters (early stopping or S)

    @property
    def base_val(self) -> float | None:
        """The untouched base's loss on your held-out text (the step-0 checkpoint)."""
        return self.checkpoints[0].val_loss if self.checkpoints else None

    @property
    def best(self) -> Checkpoint | None:
        """The checkpoint with the lowest validation loss: the one that writes at the end."""
        return min(self.checkpoints, key=lambda c: c.val_loss) if self.checkpoints else None

    @property
    def progress(self) -> float:
        if self.phase in (WRITING, DONE):
            return 1.0
        return min(1.0, self.step / self.max_iters) if self.max_iters else 0.0
