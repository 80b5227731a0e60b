"""Word wrap for monospace text: visual lines as start offsets, and caret <-> (line, column)."""

from __future__ import annotations

import re
from bisect import bisect_right

LINE_BREAKS = re.compile(r"[ \t]*\n\s*")
BREAK_MARK = " / "  # a line break in a small panel, as verse is quoted inline


def wrap_starts(text: str, columns: int) -> list[int]:
    """Start offset of every visual line; a line runs to the next start (its newline included).

    Lines break after a space where one fits, else mid-word at the column limit; a trailing
    space may hang past the limit, where it is invisible.
    """
    columns = max(1, columns)
    starts = [0]
    offset = 0
    for paragraph in text.split("\n"):
        pos = 0
        while len(paragraph) - pos > columns:
            space = paragraph.rfind(" ", pos, pos + columns + 1)
            pos = space + 1 if space >= pos and space + 1 > pos else pos + columns
            starts.append(offset + pos)
        offset += len(paragraph) + 1
        starts.append(offset)
    starts.pop()  # the start after the final paragraph is past the text
    return starts


def line_end(text: str, starts: list[int], line: int) -> int:
    """The last caret position on a visual line (before its newline, or before a wrap)."""
    if line + 1 >= len(starts):
        return len(text)
    nxt = starts[line + 1]
    return nxt - 1 if text[nxt - 1 : nxt] in ("\n", " ") else nxt


def line_of(starts: list[int], index: int) -> int:
    """The visual line holding a caret position."""
    return max(0, bisect_right(starts, index) - 1)


def locate(text: str, starts: list[int], index: int) -> tuple[int, int]:
    """(line, column) of a caret position."""
    line = line_of(starts, index)
    return line, index - starts[line]


def index_at(text: str, starts: list[int], line: int, column: int) -> int:
    """The caret position nearest to (line, column), kept inside that line."""
    line = max(0, min(line, len(starts) - 1))
    return min(starts[line] + max(0, column), line_end(text, starts, line))


def visible_text(text: str, starts: list[int], line: int) -> str:
    """What a visual line shows: its characters without the newline."""
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    return text[starts[line] : end].rstrip("\n")


def one_block(text: str) -> tuple[str, list[int]]:
    """Line breaks shown as " / ", so a small panel shows more of the text, and where each
    offset of text (and its end) lands in what is shown, to carry highlights and a typing limit.

    A run of blank lines is one mark: a sample that opens with a title and a blank line would
    otherwise fill a two-line panel with the title alone.
    """
    shown: list[str] = []
    where = [0] * (len(text) + 1)
    at = done = 0
    for found in LINE_BREAKS.finditer(text):
        for offset in range(done, found.start()):
            where[offset] = at + offset - done
        at += found.start() - done
        for offset in range(found.start(), found.end()):
            where[offset] = at
        shown += [text[done : found.start()], BREAK_MARK]
        at += len(BREAK_MARK)
        done = found.end()
    for offset in range(done, len(text) + 1):
        where[offset] = at + offset - done
    shown.append(text[done:])
    return "".join(shown), where
