"""Generated samples stacked by step; the newest types itself out, tinted by confidence."""

from __future__ import annotations

import math

import pygame

from game.theme import Theme, mix
from llmbreaker.messages import Checkpoint

TYPE_SECONDS = 1.2  # a whole sample types out in about this long
BUCKETS = 16  # confidence colours are quantised so glyphs can be cached
NEWLINE = "¶"
ROW_CACHE_LIMIT = 64  # samples whose rendered lines are kept


def confidence(prob: float) -> float:
    """0 for a 1-in-100 guess, 1 for certainty, on a log scale."""
    return min(1.0, max(0.0, (math.log10(max(prob, 1e-6)) + 2) / 2))


def wrap(text: str, columns: int) -> list[tuple[int, int]]:
    """(start, end) index ranges of lines, breaking at spaces where that wastes little room."""
    lines, start = [], 0
    while start < len(text):
        end = min(len(text), start + columns)
        if end < len(text):
            space = text.rfind(" ", start + columns * 2 // 3, end)
            end = space + 1 if space >= 0 else end
        lines.append((start, end))
        start = end
    return lines or [(0, 0)]


class TextProgression:
    """Reads checkpoints each frame; `selected` (an index) highlights one sample."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.samples: list[Checkpoint] = []
        self.selected: int | None = None
        self.typed = 0.0  # characters of the newest sample shown so far
        self._glyphs: dict[tuple, list[pygame.Surface]] = {}
        self.drawn_text = ""  # what the newest visible sample shows, for tests and captions
        self.drawn_steps: list[tuple[int, int]] = []  # (step, top) of each sample drawn

    def set_samples(self, checkpoints: list[Checkpoint]) -> None:
        if len(checkpoints) != len(self.samples):
            self.typed = 0.0 if len(checkpoints) > len(self.samples) else float("inf")
        self.samples = list(checkpoints)

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        if self.samples:
            length = len(self.samples[-1].sample)
            self.typed = min(length, self.typed + dt * max(40.0, length / TYPE_SECONDS))

    def _colour(self, prob: float):
        bucket = round(confidence(prob) * (BUCKETS - 1)) / (BUCKETS - 1)
        c = self.theme.colour
        if bucket < 0.5:
            return mix(c["faint"], c["light"], bucket * 2)
        return mix(c["light"], c["text"], bucket * 2 - 1)

    def _glyph(self, char: str, prob: float) -> pygame.Surface:
        colour = self.theme.colour["dim"] if char == "\n" else self._colour(prob)
        return self.theme.text(NEWLINE if char == "\n" else char, "lg", colour, mono=True)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "Generated text  ·  brighter = more confident")
        if not self.samples:
            hint = theme.text("Samples appear here as the model trains.", "lg", "dim")
            surface.blit(hint, hint.get_rect(center=inner.center))
            return
        font = theme.font("lg", mono=True)
        advance, line_h = font.size("M")[0], round(font.get_linesize() * 1.1)
        gutter = theme.text("step 10,000", "sm", mono=True).get_width() + theme.px(3)
        columns = max(10, (inner.w - gutter) // advance)
        newest = len(self.samples) - 1
        selected = newest if self.selected is None else self.selected
        last = min(newest, selected + 1) if selected < newest else newest
        bottom = inner.bottom
        self.drawn_steps = []
        clip = surface.get_clip()
        surface.set_clip(inner)
        for index in range(last, -1, -1):
            cp = self.samples[index]
            shown = int(self.typed) if index == newest else len(cp.sample)
            lines = wrap(cp.sample, columns)
            height = len(lines) * line_h + theme.px(2)
            top = bottom - height
            if top < inner.y and index != last:
                break  # an older sample is shown whole, with its step, or not at all
            if index == selected:
                box = pygame.Rect(
                    inner.x - theme.px(1), top - theme.px(0.5), inner.w + theme.px(2), height
                )
                pygame.draw.rect(surface, theme.colour["raised"], box, border_radius=theme.px(1))
                pygame.draw.rect(
                    surface, theme.colour["blue"], (box.x, box.y, theme.px(0.5), box.h)
                )
            label = theme.text(
                f"step {cp.step:,}", "sm", "cyan" if index == selected else "dim", mono=True
            )
            surface.blit(label, (inner.x + theme.px(1), top + (line_h - label.get_height()) // 2))
            self.drawn_steps.append((cp.step, top))
            self._draw_sample(surface, cp, lines, shown, (inner.x + gutter, top), advance, line_h)
            if index == newest:
                self.drawn_text = cp.sample[:shown]
            bottom = top - theme.px(0.5)
        surface.set_clip(clip)

    def _draw_sample(self, surface, cp: Checkpoint, lines, shown: int, origin, advance, line_h):
        """Blit the sample's pre-rendered lines, cut at `shown` characters (monospace)."""
        x0, y = origin
        rendered = self._rendered(cp, lines, advance, line_h)
        for (start, end), line in zip(lines, rendered, strict=True):
            visible = max(0, min(end, shown) - start)
            if visible:
                surface.blit(line, (x0, y), pygame.Rect(0, 0, visible * advance, line_h))
            if start <= shown < end or (shown == end and shown < len(cp.sample)):
                caret = pygame.Rect(
                    x0 + (shown - start) * advance, y + line_h // 8, advance, line_h * 3 // 4
                )
                pygame.draw.rect(surface, self.theme.colour["cyan"], caret)
            y += line_h

    def _rendered(self, cp: Checkpoint, lines, advance: int, line_h: int) -> list[pygame.Surface]:
        """Each wrapped line of a sample as one transparent surface, tinted per glyph, cached."""
        key = (cp.step, cp.sample, tuple(lines), advance, line_h)
        rendered = self._glyphs.get(key)
        if rendered is None:
            if len(self._glyphs) > ROW_CACHE_LIMIT:
                self._glyphs.clear()
            probs, rendered = cp.sample_probs, []
            for start, end in lines:
                line = pygame.Surface((max(1, (end - start) * advance), line_h), pygame.SRCALPHA)
                for i in range(start, end):
                    prob = probs[i] if i < len(probs) else 0.0
                    line.blit(self._glyph(cp.sample[i], prob), ((i - start) * advance, 0))
                rendered.append(line)
            self._glyphs[key] = rendered
        return rendered
