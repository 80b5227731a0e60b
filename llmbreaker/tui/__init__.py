"""The terminal live view: watch a model decode and train, usable from any training loop."""

from llmbreaker.tui.live import LiveTUI
from llmbreaker.tui.state import DecodeState, TrainingState
from llmbreaker.tui.view import OPTIONAL_PARTS

__all__ = ["OPTIONAL_PARTS", "DecodeState", "LiveTUI", "TrainingState"]
