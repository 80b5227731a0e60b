"""The visitor's text beside the model's, phrases they share highlighted, the model's typing out."""

from __future__ import annotations

import pygame

from game.style.wrap import one_block, visible_text, wrap_starts
from llmbreaker.style_metrics import shared_phrases

TYPE_RATE = 120.0  # generated characters revealed per second


def draw_highlighted(
    surface: pygame.Surface,
    theme,
    rect: pygame.Rect,
    text: str,
    spans: list[tuple[int, int]],
    limit: int | None = None,
    caret: bool = False,
) -> None:
    """Wrapped monospace text, shared spans on a blue ground; only the first `limit` chars."""
    font = theme.font("sm", mono=True)
    width, height = max(1, font.size("M")[0]), font.get_linesize()
    shown_text = text if limit is None else text[:limit]
    starts = wrap_starts(shown_text, max(8, rect.w // width - 1))
    rows = max(1, rect.h // height)
    first = max(0, len(starts) - rows) if caret else 0  # a typing text follows its end
    colour = theme.colour
    for row, line in enumerate(range(first, min(len(starts), first + rows))):
        x, y = rect.x, rect.y + row * height
        shown = visible_text(shown_text, starts, line)
        begin = starts[line]
        for lo, hi in spans:
            a, b = max(lo, begin) - begin, min(hi, begin + len(shown)) - begin
            if b > a:
                pygame.draw.rect(surface, colour["dark_blue"],
                                 (x + a * width, y, (b - a) * width, height))  # fmt: skip
        if shown.strip():
            surface.blit(theme.text(shown, "sm", "text", mono=True), (x, y))
        if caret and line == len(starts) - 1:
            pygame.draw.rect(surface, colour["cyan"],
                             (x + len(shown) * width, y, max(2, width // 6), height))  # fmt: skip


class SideBySide:
    """Original on the left, generated on the right; shared 3+ word phrases in both."""

    def __init__(self, theme) -> None:
        self.theme = theme
        self.original = ""
        self.generated = ""
        self.spans_original: list[tuple[int, int]] = []
        self.spans_generated: list[tuple[int, int]] = []
        self.revealed = 0.0
        self.footer = ""  # e.g. the verbatim share, under the generated text

    def set_texts(self, original: str, generated: str, prompt: str = "") -> None:
        """prompt: the opening both share by construction; it is never called reused."""
        if original == self.original and generated == self.generated:
            return
        if generated != self.generated:
            keep = self.generated and generated.startswith(self.generated[: int(self.revealed)])
            self.revealed = self.revealed if keep else 0.0
        self.original, self.generated = original, generated
        skip = len(prompt) if generated.startswith(prompt) else 0
        spans_original, spans_new = shared_phrases(original, generated[skip:])
        self.spans_original = spans_original
        self.spans_generated = [(a + skip, b + skip) for a, b in spans_new]

    @property
    def typing(self) -> bool:
        return self.revealed < len(self.generated)

    def update(self, dt: float) -> None:
        self.revealed = min(float(len(self.generated)), self.revealed + TYPE_RATE * dt)

    def draw_original(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        draw_highlighted(surface, self.theme, rect, self.original, self.spans_original)

    def draw_generated(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        body = rect
        if self.footer:
            note = theme.text(self.footer, "xs", "dim")
            body = pygame.Rect(rect.x, rect.y, rect.w, rect.h - note.get_height() - theme.px(1))
            surface.blit(note, (rect.x, rect.bottom - note.get_height()))
        if not self.generated:
            wait = theme.text("The model's text will type itself out here.", "sm", "dim")
            surface.blit(wait, body.topleft)
            return
        shown, where = one_block(self.generated)  # the before panel shows line breaks so too
        spans = [(where[a], where[b]) for a, b in self.spans_generated]
        draw_highlighted(surface, theme, body, shown, spans, limit=where[int(self.revealed)],
                         caret=self.typing)  # fmt: skip
