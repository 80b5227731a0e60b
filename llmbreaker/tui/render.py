"""Draw one frame of the live view from plain state: pure functions, rich Text lines."""

from __future__ import annotations

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
from llmbreaker.tui.theme import MAX_WIDTH, MIN_WIDTH
from llmbreaker.tui.view import View


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
