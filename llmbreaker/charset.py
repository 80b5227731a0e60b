"""The base model's one fixed alphabet (printable ASCII and the newline) and the way into it.

Every text the Style Transfer base sees, its corpora and each visitor's, goes through
`to_base_charset`: typographic quotes, dashes and spaces become their ASCII look-alikes,
accents come off their letters (cafe for café), a few letters are spelled out (ß as ss), and
anything still outside the alphabet (emoji, other scripts, symbols) is dropped and counted,
so the caller can say so.
"""

from __future__ import annotations

import re
import unicodedata

from llmbreaker.data import Vocab
from llmbreaker.text_input import TYPOGRAPHY

BASE_CHARS = "\n" + "".join(chr(code) for code in range(32, 127))
BASE_VOCAB = Vocab(BASE_CHARS)
# Letters that have no accent to take off, written the way English writes them.
SPELLED = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i",
     "¡": "!", "¿": "?", "×": "x", "÷": "/"}
)  # fmt: skip
OUTSIDE = re.compile("[^\n\x20-\x7e]")


def to_base_charset(text: str) -> tuple[str, int]:
    """The text in the base alphabet, and how many characters had to be dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHY).translate(SPELLED)
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return OUTSIDE.subn("", bare)


def dropped_notice(dropped: int) -> str | None:
    """What to tell the visitor about characters the model cannot write, if any."""
    if not dropped:
        return None
    noun = "character" if dropped == 1 else "characters"
    return f"Removed {dropped:,} {noun} outside the model's alphabet (emoji, symbols, scripts)."
