"""What one frame of the live view shows: the latest updates, the layer cursor and the options."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from llmbreaker.tui.state import CreditState, DecodeState, TrainingState

# Parts of the view for values only some models have; a loop without them may hide them.
REWARD, KL, MROPE, VISION, GPU = "reward", "kl", "mrope", "vision", "gpu"
OPTIONAL_PARTS = frozenset({REWARD, KL, MROPE, VISION, GPU})


@dataclass
class View:
    """Everything one frame shows."""

    num_layers: int
    num_heads: int
    display_layers: int
    max_cache: int
    flash_hz: float
    hidden: frozenset[str] = field(default_factory=frozenset)  # of OPTIONAL_PARTS
    decode: DecodeState | None = None
    training: TrainingState | None = None
    credit: CreditState | None = None
    selected_layer: int = -1  # -1: the last layer
    paused: bool = False
    dropped: int = 0
    notice: str = ""

    def shows(self, part: str) -> bool:
        """True unless the loop hid this optional part."""
        return part not in self.hidden

    def layer(self) -> int:
        return self.selected_layer % self.num_layers

    def window(self) -> range:
        """The layers on screen: the last ones, or from the selected layer on."""
        shown = max(1, min(self.display_layers, self.num_layers))
        start = min(self.layer(), self.num_layers - shown)
        return range(start, start + shown)

    def attention(self) -> np.ndarray | None:
        """(num_layers, heads, T) or (num_layers, heads) weights, rows padded to every layer."""
        if self.decode is None or self.decode.attention_pattern is None:
            return None
        pattern = np.asarray(self.decode.attention_pattern, dtype=np.float32)
        if pattern.ndim not in (2, 3) or pattern.shape[0] == 0:
            return None
        if pattern.shape[0] < self.num_layers:  # a loop may pass only its last layers
            missing = self.num_layers - pattern.shape[0]
            pad = np.zeros((missing, *pattern.shape[1:]), dtype=np.float32)
            pattern = np.concatenate([pad, pattern[-self.num_layers :]])
        return pattern[: self.num_layers]
