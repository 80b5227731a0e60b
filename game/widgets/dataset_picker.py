"""The dataset list with the selected corpus's metadata (characters, vocabulary, words)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.theme import Theme


@dataclass(frozen=True)
class PickerEntry:
    """One choice: a bundled corpus (name) or a visitor's file (text)."""

    title: str
    characters: int
    vocab_size: int
    words: int
    description: str
    name: str | None = None
    text: str | None = None
    available: bool = True

    @classmethod
    def from_info(cls, info) -> PickerEntry:
        return cls(
            info.title,
            info.characters,
            info.vocab_size,
            info.words,
            info.description,
            name=info.name,
            available=info.prepared,
        )


class DatasetPicker:
    """Up/Down move the highlight; the owner decides what Enter does."""

    def __init__(self, theme: Theme, entries: list[PickerEntry]) -> None:
        self.theme = theme
        self.entries = entries
        self.index = next((i for i, e in enumerate(entries) if e.available), 0)

    @property
    def selected(self) -> PickerEntry | None:
        return self.entries[self.index] if self.entries else None

    def move(self, delta: int) -> None:
        if self.entries:
            self.index = (self.index + delta) % len(self.entries)

    def add(self, entry: PickerEntry) -> None:
        """Add an entry and select it; it replaces one of the same title, and a visitor's file
        replaces the previous visitor's file (a list that grew with every file a day's visitors
        opened would run off the panel; the last one opened is the one they want)."""
        mine = entry.text is not None
        self.entries = [
            e for e in self.entries if e.title != entry.title and not (mine and e.text is not None)
        ] + [entry]
        self.index = len(self.entries) - 1

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "Dataset  ·  ↑ ↓  Enter")
        y = inner.y
        row_h = theme.font("base").get_linesize() + theme.px(2)
        for i, entry in enumerate(self.entries):
            chosen = i == self.index
            row = pygame.Rect(inner.x - theme.px(1), y, inner.w + theme.px(2), row_h)
            if chosen:
                pygame.draw.rect(surface, theme.colour["raised"], row, border_radius=theme.px(1))
                pygame.draw.rect(
                    surface, theme.colour["blue"], (row.x, row.y, theme.px(0.5), row.h)
                )
            colour = ("text" if chosen else "text2") if entry.available else "dim"
            label = theme.text(entry.title, "base", colour, bold=chosen)
            surface.blit(label, (inner.x + theme.px(1.5), row.centery - label.get_height() // 2))
            if not entry.available:
                note = theme.text("not prepared", "xs", "dim")
                surface.blit(
                    note,
                    (
                        row.right - note.get_width() - theme.px(1.5),
                        row.centery - note.get_height() // 2,
                    ),
                )
            y += row_h + theme.px(0.5)
        hint = theme.text("or drop a .txt / .docx file on the window", "sm", "dim")
        surface.blit(hint, (inner.x, y + theme.px(1)))
        top = y + theme.px(6)
        self._draw_metadata(surface, pygame.Rect(inner.x, top, inner.w, inner.bottom - top))

    def _draw_metadata(self, surface, rect: pygame.Rect) -> None:
        theme, entry = self.theme, self.selected
        if entry is None:
            return
        y = rect.y
        for name, value in (
            ("characters", entry.characters),
            ("vocabulary", entry.vocab_size),
            ("words", entry.words),
        ):
            label = theme.text(name, "sm", "dim")
            number = theme.text(f"{value:,}", "lg", "text", mono=True)
            surface.blit(label, (rect.x, y + (number.get_height() - label.get_height()) // 2))
            surface.blit(number, (rect.right - number.get_width(), y))
            y += number.get_height() + theme.px(0.5)
        y += theme.px(1)
        for line in _wrap_words(entry.description, theme.font("sm"), rect.w):
            text = theme.text(line, "sm", "text2")
            if y + text.get_height() > rect.bottom:
                break  # the numbers matter more; a description never runs past the panel
            surface.blit(text, (rect.x, y))
            y += text.get_height()


def _wrap_words(text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if font.size(trial)[0] > width and line:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines
