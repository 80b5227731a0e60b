"""Regex scans of a whole corpus in pieces, so a scan on a thread never holds up the frame loop.

One `findall` over the 1.27M-character Shakespeare corpus is a single C call that holds
Python's lock for 45-90 ms (measured): a Break It restart read its word list on a thread and
the window's frame waited that long for the lock. Scanned 64K characters at a time, each call
holds it for 2-5 ms and the frame loop takes its turn in between.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PIECE = 1 << 16  # characters per regex call
SPACE = re.compile(r"\s")


def find_all(pattern: re.Pattern[str], text: str, piece: int = PIECE) -> Iterator[str]:
    """pattern.findall(text), piece by piece; pieces end at whitespace, so no match is cut.

    For patterns that never match whitespace (words), which is every use here.
    """
    start = 0
    while start < len(text):
        end = _next_space(text, start + piece)
        yield from pattern.findall(text, start, end)
        start = end


def _next_space(text: str, at: int) -> int:
    if at >= len(text):
        return len(text)
    found = SPACE.search(text, at)
    return found.start() if found else len(text)
