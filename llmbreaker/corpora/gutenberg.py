"""Cleaning of Project Gutenberg texts: boilerplate and licence out, whitespace made tidy."""

from __future__ import annotations

import re

# Gutenberg's own markers: everything before a start marker and after an end marker is theirs.
START_MARKER = re.compile(r"^\s*(\*{3}\s*START OF|\*END\*THE SMALL PRINT)", re.IGNORECASE)
END_MARKER = re.compile(
    r"^\s*(\*{3}\s*END OF|End of (the |this )?Project Gutenberg)", re.IGNORECASE
)
# A paragraph naming any of these is licence or distribution text, wherever it sits
# (older Gutenberg Shakespeare repeats a copyright notice between scenes).
LICENCE_WORDS = re.compile(
    r"project gutenberg|gutenberg\.org|gutenberg-tm|\be-?texts?\b|\be-?books?\b"
    r"|world library,? inc|electronic version of the complete works|small print",
    re.IGNORECASE,
)
# Control characters other than the newline (a stray DOS end-of-file byte, for one).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Editors' line numbers at the right margin of verse: "...trumpet, cried        20".
MARGIN_NUMBER = re.compile(r"(\S)[ ]{4,}\d{1,5}$", re.MULTILINE)
# Some transcriptions indent verse with runs of dots instead of spaces.
DOT_INDENT = re.compile(r"^\.{4,}", re.MULTILINE)


def strip_boilerplate(text: str) -> str:
    """The text without Gutenberg's header, footer and licence paragraphs."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if START_MARKER.match(line)]
    if starts:
        lines = lines[starts[-1] + 1 :]
    ends = [i for i, line in enumerate(lines) if END_MARKER.match(line)]
    if ends:
        lines = lines[: ends[0]]
    paragraphs = re.split(r"\n[ \t]*\n", "\n".join(lines))
    return "\n\n".join(p for p in paragraphs if not LICENCE_WORDS.search(p))


def tidy(text: str) -> str:
    """Unix newlines, no control characters or trailing spaces, at most two blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = MARGIN_NUMBER.sub(r"\1", text)
    text = DOT_INDENT.sub("  ", text)
    text = re.sub(r"\n{4,}", "\n\n\n", text)
    return text.strip("\n") + "\n"


def clean(text: str) -> str:
    """A Gutenberg text ready for training."""
    return tidy(strip_boilerplate(text.replace("\r\n", "\n").replace("\r", "\n")))
