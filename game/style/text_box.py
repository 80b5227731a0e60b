"""A multi-line editable text box: typing, selection, clipboard, word wrap, scrolling, caret."""

from __future__ import annotations

import pygame

from game.style import clipboard
from game.style.wrap import index_at, line_end, line_of, locate, visible_text, wrap_starts
from game.text_fit import wrap
from llmbreaker.limits import MAX_TYPED_CHARS

PLACEHOLDER = "Paste your writing (emails, essays, tweets). Min 50 words."
BLINK = 1.0  # seconds per caret on/off cycle
PASS_THROUGH = {pygame.K_ESCAPE, pygame.K_TAB} | {getattr(pygame, f"K_F{i}") for i in range(1, 13)}


class TextBox:
    """Holds the text, the caret and the selection; draws itself in monospace."""

    def __init__(self, theme, max_chars: int = MAX_TYPED_CHARS, single_line: bool = False) -> None:
        self.theme = theme
        self.max_chars = max_chars
        self.single_line = single_line
        self.placeholder = "" if single_line else PLACEHOLDER
        self.text = ""
        self.caret = 0
        self.anchor: int | None = None  # the other end of the selection, if any
        self.focused = False
        self.refused: str | None = None  # why the last edit was refused, for the owner
        self.scroll = 0  # first visible line
        self.version = 0  # bumped on every change of text
        self._blink = 0.0
        self._wrap: tuple[tuple[int, int], list[int]] = ((-1, -1), [0])
        self._rect = pygame.Rect(0, 0, 1, 1)

    # ------------------------------------------------------------------ editing

    def set_text(self, text: str) -> None:
        self.text, self.caret, self.anchor, self.scroll = text, len(text), None, 0
        self.version += 1

    @property
    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None or self.anchor == self.caret:
            return None
        return min(self.anchor, self.caret), max(self.anchor, self.caret)

    def selected_text(self) -> str:
        span = self.selection
        return self.text[span[0] : span[1]] if span else ""

    def insert(self, new: str) -> bool:
        """Replace the selection (or insert at the caret); refuse what would pass max_chars."""
        if self.single_line:
            new = new.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
        start, end = self.selection or (self.caret, self.caret)
        length = len(self.text) - (end - start) + len(new)
        if length > self.max_chars:
            self.refused = f"Text too long: {length:,} characters. Max {self.max_chars:,}."
            return False
        self.text = self.text[:start] + new + self.text[end:]
        self.caret, self.anchor = start + len(new), None
        self.version += 1
        return True

    def delete(self, forward: bool) -> None:
        if self.selection is None:
            if forward and self.caret < len(self.text):
                self.anchor = self.caret + 1
            elif not forward and self.caret > 0:
                self.anchor = self.caret - 1
        if self.selection:
            self.insert("")

    def move(self, index: int, extend: bool) -> None:
        if extend and self.anchor is None:
            self.anchor = self.caret
        elif not extend:
            self.anchor = None
        self.caret = max(0, min(len(self.text), index))
        self._blink = 0.0

    # ------------------------------------------------------------------ events

    def handle_event(self, event: pygame.event.Event) -> bool:
        """True when the event was the box's; Escape, Tab and F-keys are left to the owner."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.focused = self._rect.collidepoint(event.pos)
            if self.focused:
                self.move(self._index_at_point(event.pos), False)
            return self.focused
        if event.type == pygame.MOUSEWHEEL and self._rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll = max(0, self.scroll - 3 * event.y)
            return True
        if not self.focused:
            return False
        if event.type == pygame.TEXTINPUT:
            self.insert(event.text)
            return True
        if event.type != pygame.KEYDOWN:
            return False
        return self._key(event.key, event.mod)

    def _key(self, key: int, mod: int) -> bool:
        ctrl, shift = bool(mod & pygame.KMOD_CTRL), bool(mod & pygame.KMOD_SHIFT)
        if key in PASS_THROUGH or (ctrl and key in (pygame.K_q, pygame.K_RETURN)):
            return False
        starts = self._starts()
        line, column = locate(self.text, starts, self.caret)
        page = max(1, self._rows() - 1)
        if ctrl and key == pygame.K_a:
            self.anchor, self.caret = 0, len(self.text)
        elif ctrl and key in (pygame.K_c, pygame.K_x):
            if self.selection:
                clipboard.put_text(self.selected_text())
                if key == pygame.K_x:
                    self.insert("")
        elif ctrl and key == pygame.K_v:
            self.insert(clipboard.get_text())
        elif key == pygame.K_BACKSPACE:
            self.delete(forward=False)
        elif key == pygame.K_DELETE:
            self.delete(forward=True)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.single_line:
                return False
            self.insert("\n")
        elif key == pygame.K_LEFT:
            self.move(self._word_jump(-1) if ctrl else self.caret - 1, shift)
        elif key == pygame.K_RIGHT:
            self.move(self._word_jump(1) if ctrl else self.caret + 1, shift)
        elif key in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            step = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -page}.get(key, page)
            target = line + step
            if target < 0:
                self.move(0, shift)
            elif target >= len(starts):
                self.move(len(self.text), shift)
            else:
                self.move(index_at(self.text, starts, target, column), shift)
        elif key == pygame.K_HOME:
            self.move(0 if ctrl else starts[line], shift)
        elif key == pygame.K_END:
            self.move(len(self.text) if ctrl else line_end(self.text, starts, line), shift)
        # Any other key is a typed character (arriving as TEXTINPUT) or nothing: swallow it,
        # so that digits and letters never reach the global key table while typing.
        self._blink = 0.0
        return True

    def _word_jump(self, direction: int) -> int:
        i, text = self.caret, self.text
        if direction < 0:
            while i > 0 and text[i - 1].isspace():
                i -= 1
            while i > 0 and not text[i - 1].isspace():
                i -= 1
        else:
            while i < len(text) and not text[i].isspace():
                i += 1
            while i < len(text) and text[i].isspace():
                i += 1
        return i

    # ------------------------------------------------------------------ layout and drawing

    def update(self, dt: float) -> None:
        self._blink = (self._blink + dt) % BLINK

    def _font(self):
        return self.theme.font("sm", mono=True)

    def _cell(self) -> tuple[int, int]:
        font = self._font()
        return max(1, font.size("M")[0]), font.get_linesize()

    def _columns(self) -> int:
        return max(8, self._rect.w // self._cell()[0] - 1)

    def _rows(self) -> int:
        return max(1, self._rect.h // self._cell()[1])

    def _starts(self) -> list[int]:
        key = (self.version, self._columns())
        if self._wrap[0] != key:
            self._wrap = (key, wrap_starts(self.text, key[1]))
        return self._wrap[1]

    def _index_at_point(self, pos: tuple[int, int]) -> int:
        width, height = self._cell()
        line = self.scroll + (pos[1] - self._rect.y) // height
        return index_at(self.text, self._starts(), line, round((pos[0] - self._rect.x) / width))

    def caret_line(self) -> int:
        return line_of(self._starts(), self.caret)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme, colour = self.theme, self.theme.colour
        border = colour["blue"] if self.focused else colour["raised"]
        pygame.draw.rect(surface, colour["bg"], rect, border_radius=theme.px(1))
        pygame.draw.rect(surface, border, rect, width=max(1, theme.px(0.25)),
                         border_radius=theme.px(1))  # fmt: skip
        self._rect = rect.inflate(-2 * theme.px(1.5), -2 * theme.px(1))
        if not self.text:  # wrapped: at 1280x720 one line ran past the box's right edge
            font, (x, y) = theme.font("sm", mono=True), self._rect.topleft
            for hint_line in wrap(font, self.placeholder, self._rect.w):
                hint = theme.text(hint_line, "sm", "dim", mono=True)
                surface.blit(hint, (x, y))
                y += hint.get_height()
        starts, rows = self._starts(), self._rows()
        line = self.caret_line()
        self.scroll = min(max(self.scroll, line - rows + 1), line, max(0, len(starts) - rows))
        self.scroll = max(0, min(self.scroll, line))
        width, height = self._cell()
        clip = surface.get_clip()
        surface.set_clip(rect)
        span = self.selection
        for row in range(rows):
            index = self.scroll + row
            if index >= len(starts):
                break
            x, y = self._rect.x, self._rect.y + row * height
            shown = visible_text(self.text, starts, index)
            if span:
                lo = max(span[0], starts[index]) - starts[index]
                hi = min(span[1], starts[index] + len(shown) + 1) - starts[index]
                if hi > lo:
                    pygame.draw.rect(surface, colour["dark_blue"],
                                     (x + lo * width, y, (hi - lo) * width, height))  # fmt: skip
            if shown.strip():
                surface.blit(theme.text(shown, "sm", "text", mono=True), (x, y))
        if self.focused and self._blink < BLINK / 2:
            line, column = locate(self.text, starts, self.caret)
            if self.scroll <= line < self.scroll + rows:
                cx = self._rect.x + column * width
                cy = self._rect.y + (line - self.scroll) * height
                pygame.draw.rect(surface, colour["cyan"], (cx, cy, max(2, width // 6), height))
        self._draw_scrollbar(surface, rect, len(starts), rows)
        surface.set_clip(clip)

    def _draw_scrollbar(self, surface, rect: pygame.Rect, lines: int, rows: int) -> None:
        if lines <= rows:
            return
        track = pygame.Rect(rect.right - self.theme.px(1), rect.y + 4, self.theme.px(0.5),
                            rect.h - 8)  # fmt: skip
        thumb_h = max(self.theme.px(2), track.h * rows // lines)
        thumb_y = track.y + (track.h - thumb_h) * self.scroll // max(1, lines - rows)
        pygame.draw.rect(surface, self.theme.colour["raised"], (track.x, thumb_y, track.w, thumb_h))
