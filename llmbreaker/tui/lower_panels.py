"""The lower panels of the live view: attention flow, context, token credit and KV-cache memory."""

from __future__ import annotations

import numpy as np
from rich.text import Text

from llmbreaker.tui.theme import (
    CYAN,
    DASH,
    DIM,
    GREEN,
    NOTE,
    RAMP,
    RAMP_STYLES,
    YELLOW,
    attention_ramp,
    flash,
    level,
    pad,
    ramp,
    size,
    title,
    visible,
)
from llmbreaker.tui.view import VISION, View

BAR = 28  # cells of a KV-cache bar, as in the mockup


def _layer_note(view: View, layer: int, now: float) -> Text:
    note = Text()
    if layer == view.layer():
        note.append("⚡ ACTIVE  ", style=flash(now, view.flash_hz, YELLOW))
    if layer == 0:
        note.append("← first layer", style=NOTE)
    elif layer == view.num_layers - 1:
        note.append("← output layer", style=NOTE)
    return note


def attention_flow(view: View, width: int, now: float) -> list[Text]:
    """One row per layer: each head's attention over the recent context (or one level)."""
    shown = view.window()
    which = "Last " if shown.stop == view.num_layers and len(shown) < view.num_layers else ""
    heading = f"ATTENTION FLOW ({which}{len(shown)} Layers × {view.num_heads} Heads)"
    lines = title(heading, "[█ = high activity]", width)
    attention = view.attention()
    heads = view.num_heads
    if attention is not None and attention.ndim == 3:
        span = max(1, min(attention.shape[2], (width - 34) // heads - 1))
    else:
        span = 1
    for layer in shown:
        row = Text.assemble((f"L{layer:<3} ", CYAN if layer == view.layer() else ""))
        for head in range(heads):
            if attention is None:
                row.append("░" * span, style=DIM)
            elif attention.ndim == 3:
                row.append_text(attention_ramp(attention[layer, head, -span:]))
            else:  # one activity level per head, already in [0, 1]
                value = float(attention[layer, head]) if head < attention.shape[1] else 0.0
                row.append(RAMP[level(value)], style=RAMP_STYLES[level(value)])
            if span > 1:
                row.append(" ")
        row.append("  │  ", style=DIM)
        row.append_text(_layer_note(view, layer, now) if attention is not None else Text("RESET"))
        lines.append(row)
    return lines


def vision_injection(view: View, width: int, now: float) -> list[Text]:
    """The context with attention and credit under it; titled for vision tokens unless hidden."""
    if view.shows(VISION):
        lines = title("VISION INJECTION @ Token[—]", "text-only model: 0 vis tokens merged", width)
    else:
        lines = title("CONTEXT", "[attention and credit per character]", width)
    d = view.decode
    attention = view.attention()
    if d is None or not d.context:
        waiting = "Waiting for the first decode step…"
        missing = "No context given: pass DecodeState(context=...) to see it here."
        lines.append(Text(waiting if d is None else missing, style=NOTE))
        lines.extend([Text(""), Text("")])
        return lines
    tokens = [visible(t) for t in d.context]
    room = width - 7
    tokens = tokens[-room:]
    text = Text("text   ", style=NOTE)
    text.append("".join(tok[:1] for tok in tokens))
    attn = Text(f"att L{view.layer()} ", style=NOTE)
    if attention is not None and attention.ndim == 3:
        attn.append_text(attention_ramp(attention[view.layer()].mean(0)[-len(tokens) :]))
    else:
        attn.append(DASH, style=DIM)
    credit = Text("credit ", style=NOTE)
    if view.credit is not None and view.credit.credits:
        credit.append_text(ramp(view.credit.credits[-len(tokens) :]))
    else:
        credit.append(DASH, style=DIM)
    return [*lines, text, attn, credit]


def token_credit(view: View, width: int, now: float) -> list[Text]:
    """The context tokens that most moved the latest choice, strongest first."""
    lines = title("TOKEN CREDIT", "[Gradient × Input embedding]", width)
    c = view.credit
    if c is None or not c.credits:
        lines.append(Text("Waiting for the first choice's credit…", style=NOTE))
        return lines + [Text("")] * 4
    values = np.asarray(c.credits, dtype=np.float32)
    order = np.argsort(-np.abs(values))[:5]
    top = float(np.abs(values).max()) or 1.0
    for rank, i in enumerate(order):
        token = c.tokens[i] if i < len(c.tokens) else "?"
        value = float(values[i])
        strength = abs(value) / top
        row = pad(Text(f'"{visible(token)}"@{i}'), 12)
        row.append(RAMP[level(strength)] * max(1, round(strength * 10)), style=RAMP_STYLES[3])
        row = pad(row, 24)
        row.append(f"{value:+.3f}", style=GREEN if value >= 0 else "color(203)")
        if rank == 0:
            row.append("   ← HIGH IMPACT  ")
            row.append("⚡", style=flash(now, view.flash_hz, YELLOW))
        lines.append(row)
    lines.extend([Text("")] * (5 - len(order)))
    return lines


def _status(view: View, length: int, now: float) -> Text:
    d = view.decode
    if length == 0:
        return Text("CLEARED", style=NOTE)
    if d is None:
        return Text("ACTIVE", style=NOTE)
    event = d.cache_event.upper()
    if event in ("SLIDE", "REFILL", "INIT"):
        return Text(f"⚡ {event}", style=flash(now, view.flash_hz, YELLOW))
    return Text("⚡ WRITE", style=flash(now, view.flash_hz, GREEN))


def kv_cache(view: View, width: int, now: float) -> list[Text]:
    """A fill bar per layer: cached positions of the capacity, and bytes."""
    lines = title("KV CACHE MEMORY", f"Multi-head: {view.num_heads} KV heads", width)
    d = view.decode
    capacity = (d.cache_max if d else 0) or view.max_cache or 1
    for layer in view.window():
        length = d.cache_len if d else 0
        n_bytes = None
        if d and layer < len(d.layer_cache_len):
            length = d.layer_cache_len[layer]
        if d and layer < len(d.layer_cache_bytes):
            n_bytes = d.layer_cache_bytes[layer]
        elif d and d.head_dim:  # the spec's formula: K and V x heads x head size x 4 bytes
            n_bytes = 2 * view.num_heads * d.head_dim * length * 4
        filled = round(BAR * min(1.0, length / capacity))
        row = Text(f"L{layer}: [")
        row.append("█" * filled, style="color(39)")
        row.append("░" * (BAR - filled), style=DIM)
        row.append(f"] {length}/{capacity}")
        row = pad(row, 4 + BAR + 3 + 2 * len(str(capacity)) + 2)
        row.append(f"{size(n_bytes):>8}  ")
        row.append_text(_status(view, length if d else 0, now))
        lines.append(row)
    return lines
