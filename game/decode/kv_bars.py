"""KV CACHE MEMORY: a fill bar per layer with positions and bytes, and the formula behind them."""

from __future__ import annotations

import pygame

from game.decode.frame import Frame
from game.decode.look import flash, size
from game.text_fit import wrap

BYTES_PER_FLOAT = 4
EXPLAIN = (
    "Empty until the first character. While it writes, the model keeps the keys and values "
    "(K, V) of every position it has read, in {layers} layers, so each new character costs one "
    "position of work instead of the whole text again. The bars show how full that memory is."
)


class KVBars:
    def __init__(self, theme) -> None:
        self.theme = theme

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: Frame) -> None:
        theme, step = self.theme, frame.step
        inner = theme.panel(surface, rect, "KV cache memory")
        if step is None:  # nothing decoded yet: say what the panel will show, in plain words
            self._explain(surface, inner, frame.n_layer)
            return
        if frame.n_head:
            note = theme.text(f"{frame.n_head} KV heads per layer", "xs", "dim")
            surface.blit(note, (inner.right - note.get_width(), rect.y + theme.px(2.5)))
        layers = frame.n_layer or 1
        formula_h = theme.px(7)
        row_h = max(theme.px(3), min(theme.px(5), (inner.h - formula_h) // layers))
        capacity = (step.cache_max if step else 0) or 1
        event = frame.cache_event()
        label_w, text_w = theme.px(6), theme.px(47)
        for layer in range(layers):
            y = inner.y + layer * row_h
            length = step.cache_len[layer] if step and layer < len(step.cache_len) else 0
            n_bytes = step.cache_bytes[layer] if step and layer < len(step.cache_bytes) else 0
            surface.blit(theme.text(f"L{layer}", "sm", "text2", mono=True), (inner.x, y))
            track = pygame.Rect(inner.x + label_w, y + theme.px(0.5),
                                inner.w - label_w - text_w, row_h - theme.px(1.5))  # fmt: skip
            pygame.draw.rect(surface, theme.colour["raised"], track, border_radius=theme.px(0.5))
            fill = track.copy()
            fill.w = round(track.w * min(1.0, length / capacity))
            if fill.w:
                pygame.draw.rect(surface, theme.colour["light"], fill, border_radius=theme.px(0.5))
            x = track.right + theme.px(1.5)
            label = f"{length:>3}/{capacity}  {size(n_bytes):>7}"
            surface.blit(theme.text(label, "sm", "text", mono=True), (x, y))
            status, colour = self._status(event, length, frame)
            text = theme.text(status, "sm", colour, mono=True, bold=status.startswith("⚡"))
            surface.blit(text, (inner.right - text.get_width(), y))
        self._formula(surface, inner, frame)

    def _explain(self, surface, inner: pygame.Rect, layers: int) -> None:
        theme = self.theme
        lines = wrap(theme.font("sm"), EXPLAIN.format(layers=layers or "each"), inner.w)
        y = inner.y
        for line in lines:
            if y + theme.font("sm").get_linesize() > inner.bottom:
                break
            surface.blit(theme.text(line, "sm", "text2"), (inner.x, y))
            y += theme.font("sm").get_linesize()

    def _status(self, event: str, length: int, frame: Frame):
        theme = self.theme
        if length == 0:
            return "CLEARED", theme.colour["dim"]
        if not frame.live:
            return "HELD", theme.colour["dim"]
        if event in ("init", "slide", "refill"):
            return f"⚡ {event.upper()}", flash(theme, frame.now, "warning")
        return "⚡ WRITE", flash(theme, frame.now, "success")

    def _formula(self, surface, inner: pygame.Rect, frame: Frame) -> None:
        theme, step = self.theme, frame.step
        y = inner.bottom - theme.px(6.5)
        if step is None:
            line = "bytes = 2 (K and V) × heads × head size × positions × 4 bytes"
            surface.blit(theme.text(line, "sm", "dim"), (inner.x, y))
            return
        length = max(step.cache_len, default=0)
        per_layer = 2 * frame.n_head * step.head_size * length * BYTES_PER_FLOAT
        line = (f"2 (K,V) × {frame.n_head} heads × {step.head_size} dims × {length} pos × 4 B"
                f" = {per_layer:,} B / layer")  # fmt: skip
        surface.blit(theme.text(line, "sm", "text2"), (inner.x, y))
        total = sum(step.cache_bytes)
        why = {"init": "prefilled the prompt", "slide": "slid: kept the last half of the window",
               "refill": "rebuilt: training changed the weights", "write": "wrote 1 position",
               }.get(frame.cache_event(), "")  # fmt: skip
        more = f"total {size(total)} over {len(step.cache_bytes)} layers · this step {why}"
        surface.blit(theme.text(more, "xs", "dim"), (inner.x, y + theme.px(3.5)))
