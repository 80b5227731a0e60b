"""Draw one frame of the live view from plain state: pure functions, rich Text lines."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rich.console import Group
from rich.text import Text

from llmbreaker.tui.panels import (
    attention_flow,
    decode_live,
    flow_strip,
    footer,
    header,
    kv_cache,
    token_credit,
    vision_injection,
)
from llmbreaker.tui.state import CreditState, DecodeState, TrainingState
from llmbreaker.tui.theme import MAX_WIDTH, MIN_WIDTH


@dataclass
class View:
    """Everything one frame shows."""

    num_layers: int
    num_heads: int
    display_layers: int
    max_cache: int
    flash_hz: float
    decode: DecodeState | None = None
    training: TrainingState | None = None
    credit: CreditState | None = None
    selected_layer: int = -1  # -1: the last layer
    paused: bool = False
    dropped: int = 0
    notice: str = ""

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


def frame_lines(view: View, width: int, now: float, gaps: bool = True) -> list[Text]:
    """Every line of the frame, top to bottom, at most `width` columns wide."""
    panels = [
        header(view, width, now),
        decode_live(view, width, now),
        flow_strip(view, width, now),
        attention_flow(view, width, now),
        vision_injection(view, width, now),
        token_credit(view, width, now),
        kv_cache(view, width, now),
        footer(view, width, now),
    ]
    lines: list[Text] = []
    for i, panel in enumerate(panels):
        if gaps and 0 < i < len(panels):
            lines.append(Text(""))
        lines.extend(panel)
    return lines


def too_small(width: int, height: int, need_width: int, need_height: int) -> Text:
    """The message shown instead of a broken layout."""
    message = Text(no_wrap=False, justify="center")
    message.append("Terminal too small for the live view\n\n", style="bold color(226)")
    message.append(f"it needs {need_width}x{need_height}, this one is {width}x{height}.\n")
    message.append("Enlarge the window or make the font smaller; Q quits.", style="color(244)")
    return message


def render_frame(view: View, width: int, height: int, now: float) -> Group | Text:
    """The whole frame for a terminal of width x height, or a clear too-small message."""
    usable = min(width, MAX_WIDTH)
    lines = frame_lines(view, usable, now)
    if len(lines) > height:  # drop the blank separators before giving up
        lines = frame_lines(view, usable, now, gaps=False)
    if width < MIN_WIDTH or len(lines) > height:
        return too_small(width, height, MIN_WIDTH, len(frame_lines(view, MIN_WIDTH, now, False)))
    for line in lines:
        line.no_wrap = True
        line.overflow = "crop"
    return Group(*lines)
