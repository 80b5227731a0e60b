"""The upper panels of the live view: header, DECODE LIVE, the flow strip, and the key footer."""

from __future__ import annotations

import numpy as np
from rich.cells import cell_len
from rich.text import Text

from llmbreaker.tui.lower_panels import attention_flow, kv_cache, token_credit, vision_injection
from llmbreaker.tui.theme import (
    ACCENT,
    CYAN,
    DASH,
    DIM,
    GREEN,
    LABEL,
    NOTE,
    YELLOW,
    attention_ramp,
    flash,
    number,
    pad,
    title,
    visible,
)
from llmbreaker.tui.view import GPU, KL, MROPE, REWARD, View

__all__ = [
    "attention_flow",
    "decode_live",
    "flow_strip",
    "footer",
    "header",
    "kv_cache",
    "token_credit",
    "vision_injection",
]

BOX_INNER = 10  # cells inside each flow box, as in the mockup
KEYS = [("P", "Pause"), ("S", "Step"), ("L", "Layers"), ("Q", "Quit")]


def header(view: View, width: int, now: float) -> list[Text]:
    """The double-ruled bar: step, reward, KL, loss, throughput."""
    t = view.training
    step = DASH if t is None else f"{t.step}" + (f"/{t.max_steps}" if t.max_steps else "")
    line = Text(" ")
    line.append(f"STEP {step}", style=LABEL)
    fields = []
    if view.shows(REWARD):
        fields.append(f"R: {number(None if t is None else t.reward_mean, '.2f')}")
    if view.shows(KL):
        fields.append(f"KL: {number(None if t is None else t.kl, '.3f')}")
    fields += [
        f"loss: {number(None if t is None else t.loss, '.3f')}",
        f"val: {number(None if t is None else t.val_loss, '.3f')}",
    ]
    for text in fields:
        line.append("  │  ", style=DIM)
        line.append(text)
    line.append("  │  ", style=DIM)
    line.append("⚡ ", style=flash(now, view.flash_hz, YELLOW))
    line.append(f"{number(None if t is None else t.tokens_per_sec, ',.0f')} tok/s")
    status = "PAUSED" if view.paused else (t.status.upper() if t and t.status else "")
    inner = width - 2
    body = pad(line, inner - cell_len(status) - 1)
    body.append(status, style=flash(now, view.flash_hz, YELLOW) if view.paused else ACCENT)
    body.append(" ")
    edge = Text("║", style=ACCENT)
    return [
        Text("╔" + "═" * inner + "╗", style=ACCENT),
        Text.assemble(edge, pad(body, inner), edge),
        Text("╚" + "═" * inner + "╝", style=ACCENT),
    ]


def decode_live(view: View, width: int, now: float) -> list[Text]:
    """The sampled token, its probability, the alternatives and the text so far."""
    d = view.decode
    cache_max = (d.cache_max if d else 0) or view.max_cache
    lines = title("DECODE LIVE", f"Cache: {d.cache_len if d else 0}/{cache_max}", width)
    if d is None:
        lines.append(Text("Tok[—]  waiting for the first decode step…", style=NOTE))
        lines.extend([Text(""), Text("")])
        return lines
    line = Text(f"Tok[{d.step}]: ")
    line.append(f'"{visible(d.token_text)}"', style=CYAN)
    line.append(f"  p={d.token_prob:.2f}  ")
    fresh = d.cache_event in ("init", "slide")
    note = "NEW CONTEXT WINDOW ⚡" if fresh else "SAMPLING NOW ⚡"
    arrow = max(3, width - line.cell_len - cell_len(note) - 3)
    line.append("←" + "━" * arrow + " ", style=DIM)
    line.append(note, style=flash(now, view.flash_hz, CYAN))
    lines.append(line)
    alternatives = Text("top-5  ", style=NOTE)
    for token, p in d.top[:5]:
        alternatives.append(f'"{visible(token)}"', style=LABEL if token == d.token_text else "")
        alternatives.append(f" {p:.2f}   ", style=NOTE)
    lines.append(alternatives)
    context = "".join(d.context) if not isinstance(d.context, str) else d.context
    shown = visible(context)[-(width - 10) :]
    text = Text("text   ", style=NOTE)
    text.append(shown)
    text.append(visible(d.token_text), style="reverse " + CYAN)
    lines.append(text)
    return lines


def _box(name: str, rows: list[Text], border: str) -> list[Text]:
    top = Text(f"┌─ {name} " + "─" * max(0, BOX_INNER - len(name) - 3) + "┐", style=border)
    body = [Text.assemble(("│", border), " ", pad(r, BOX_INNER - 1), ("│", border)) for r in rows]
    return [top, *body, Text("└" + "─" * BOX_INNER + "┘", style=border)]


def _head_ramp(view: View) -> Text:
    """The active head's attention over the last 12 positions, as 3 rows of 4."""
    attention = view.attention()
    if attention is None or attention.ndim != 3 or view.decode is None:
        return Text("\n".join(["░░░░"] * 3), style=DIM)
    head = min(view.decode.active_head, attention.shape[1] - 1)
    weights = attention[view.layer(), head, -12:]
    weights = np.concatenate([np.zeros(12 - len(weights)), weights])
    cells = attention_ramp(weights)
    return Text("\n").join([cells[0:4], cells[4:8], cells[8:12]])


def flow_strip(view: View, width: int, now: float) -> list[Text]:
    """Position -> Q/K/V -> attention -> KV-cache write, each stage lit in turn."""
    d = view.decode
    stage = int(now * view.flash_hz) % 4 if d is not None else -1
    if view.shows(MROPE):
        t = DASH if d is None or d.mrope_t is None else str(d.mrope_t)
        h = DASH if d is None or d.mrope_h is None else str(d.mrope_h)
        w = DASH if d is None or d.mrope_w is None else str(d.mrope_w)
        position = ("mRoPE", [Text(f"T: {t}"), Text(f"H: {h}"), Text(f"W: {w}")])
    else:  # learned absolute positions: the index is all there is
        index = DASH if d is None else str(d.step)
        known = (d.cache_max if d else 0) or view.max_cache  # positions the model has learned
        position = ("Pos", [Text(f"# {index}"), Text(f"of {known}"), Text("")])
    layer, head = view.layer(), d.active_head if d else 0
    dim = f"{d.head_dim}d" if d and d.head_dim else DASH
    norms = None if d is None or d.qkv_norms is None else np.asarray(d.qkv_norms)
    qk = [DASH, DASH]
    if norms is not None and norms.ndim == 3 and layer < norms.shape[0]:
        qk = [f"{norms[layer, min(head, norms.shape[1] - 1), i]:.2f}" for i in (0, 1)]
    qkv = [Text(f"L{layer} H{head} {dim}"), Text(f"|q| {qk[0]}"), Text(f"|k| {qk[1]}")]
    attn = _head_ramp(view).split("\n")
    event = (d.cache_event if d else "init").upper()
    written = d.cache_written if d else 0
    kv_style = YELLOW if event in ("SLIDE", "REFILL") else GREEN
    length = d.cache_len if d else 0
    kv = [Text(event, style=kv_style), Text(f"+{written} tok"), Text(f"L: {length}")]
    boxes = [position, ("Q/K/V", qkv), ("Attn", list(attn)), ("KV", kv)]
    drawn = [
        _box(name, rows, flash(now, view.flash_hz, YELLOW) if i == stage else DIM)
        for i, (name, rows) in enumerate(boxes)
    ]
    lines = []
    for row in range(5):
        line = Text("  ")
        for i, box in enumerate(drawn):
            line.append_text(box[row])
            if i < len(drawn) - 1:
                line.append("  →  " if row == 2 else "     ", style=DIM)
        lines.append(line)
    return lines


def footer(view: View, width: int, now: float) -> list[Text]:
    """The keys, then anything the operator should know, then the accelerator load."""
    keys = Text()
    for i, (key, name) in enumerate(KEYS):
        if i:
            keys.append(" │ ", style=DIM)
        keys.append(f"[{key}]", style=ACCENT)
        keys.append(f" {'Resume' if key == 'P' and view.paused else name}")
    notes = view.notice + (f"  dropped {view.dropped}" if view.dropped else "")
    right = notes
    if view.shows(GPU):
        util = view.training.gpu_util if view.training else None
        right += f"   GPU: {number(util, '.0f')}{'' if util is None else '%'}"
    gap = max(1, width - keys.cell_len - cell_len(right))
    keys.append(" " * gap)
    keys.append(right, style=NOTE)
    return [keys]
