"""The terminal live view: watch a model decode and train, usable from any training loop."""

from llmbreaker.tui.live import LiveTUI
from llmbreaker.tui.state import DecodeState, TrainingState

__all__ = ["DecodeState", "LiveTUI", "TrainingState"]
