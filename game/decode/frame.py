"""One frame's worth of what Decode Live shows, gathered once so every panel reads the same."""

from __future__ import annotations

from dataclasses import dataclass

from llmbreaker.messages import DecodePhase, DecodeStep


@dataclass(frozen=True)
class Frame:
    """The newest step, the text around it and where the animated forward pass is."""

    step: DecodeStep | None
    text: str
    origin: int  # characters of text the visitor typed; the rest is the model's
    n_layer: int
    n_head: int
    layer: int  # the layer chosen with L, for the attention-over-context panel
    stage: str  # flow strip stage lit now (see flow_clock)
    stage_layer: int  # the layer the animated pass is in
    now: float  # seconds on the tab's clock, for 5 Hz flashing
    phase: DecodePhase
    rate: float
    live: bool  # a pass is being animated: decoding, or a single step just taken

    def cache_event(self) -> str:
        """init, write, slide or refill (the step's CacheEvent); cleared before any step."""
        return "cleared" if self.step is None else self.step.cache_event
