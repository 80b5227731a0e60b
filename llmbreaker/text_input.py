"""The visitor's own text: load a .txt or .docx, or check typed text, and clean it for training.

Cleaning keeps what a character model can learn from and a visitor would recognise: printable
ASCII, newlines, accented Latin letters (Latin-1 and Latin Extended-A, so French, German,
Spanish, Polish... read right) and the Spanish marks. Typographic quotes, dashes, ellipses
and odd spaces become their ASCII look-alikes and tabs become spaces, after Unicode NFKC
(which also undoes ligatures and full-width forms). Everything else, such as emoji,
symbols, other scripts and control characters, is removed and counted.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from llmbreaker.data import text_stats
from llmbreaker.errors import (
    FILE_INVALID_TYPE,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    TEXT_TOO_LONG,
    TEXT_TOO_SHORT,
    LLMBreakerError,
)
from llmbreaker.limits import (
    MAX_FILE_BYTES,
    MAX_FILE_CHARS,
    MAX_PASTE_CHARS,
    MAX_TYPED_CHARS,
    MB,
    MIN_FILE_CHARS,
    MIN_TYPED_CHARS,
    MIN_TYPED_WORDS,
)

EXTENSIONS = (".txt", ".docx")
# A .docx is a zip; these bound what opening one may cost, whatever its headers claim.
MAX_DOCX_EXPANDED = 50 * MB
MAX_DOCX_MEMBERS = 2_000
MAX_DOCX_RATIO = 200  # real Word XML compresses 5-20x; a bomb's member compresses ~1000x
BINARY_SAMPLE = 64 * 1024
MAX_CONTROL_SHARE = 0.05  # of the sample; text has tabs and newlines, hardly anything else
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"

TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u2026": "...", "\u2022": "*", "\u2044": "/",
        "\t": " ", "\u00a0": " ", "\u2007": " ", "\u202f": " ",
    }
)  # fmt: skip
# Printable ASCII, the newline, the Spanish marks, and the accented Latin letters of Latin-1
# (all but the two maths signs, U+00D7 and U+00F7) and of Latin Extended-A.
UNSUPPORTED = re.compile("[^\x20-\x7e\n\u00a1\u00bf\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]")


@dataclass(frozen=True)
class LoadedText:
    """Text ready to train on, with what the picker shows about it."""

    text: str
    source: str  # the file's name, or "typed"
    characters: int
    words: int
    vocab_size: int  # distinct characters
    filtered: int  # characters removed by cleaning
    notice: str | None  # something to tell the visitor, e.g. "Removed 3 unsupported characters."


def clean_text(raw: str) -> tuple[str, int]:
    """The text with unsupported characters removed, and how many were removed."""
    text = unicodedata.normalize("NFKC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    # Counted here, after NFKC and the ASCII mappings, which change lengths on their own.
    text, removed = UNSUPPORTED.subn("", text.translate(TYPOGRAPHY))
    return text.strip(), removed


def validate_typed(text: str) -> LoadedText:
    """Typed or pasted text: 50 to 50,000 characters and at least 50 words, once cleaned."""
    if len(text) > MAX_PASTE_CHARS:  # so a giant paste is refused before any work on it
        raise _too_long(len(text), MAX_TYPED_CHARS)
    cleaned, filtered = clean_text(text)
    characters, words, _ = text_stats(cleaned)
    if characters > MAX_TYPED_CHARS:
        raise _too_long(characters, MAX_TYPED_CHARS)
    after = " after removing unsupported characters" if filtered else ""
    if characters < MIN_TYPED_CHARS:  # the box asks for words: say so, not "50 needed"
        counted = f"{words} word{'' if words == 1 else 's'}, {characters} characters"
        raise LLMBreakerError(
            TEXT_TOO_SHORT,
            f"Text too short{after}: {counted}. At least {MIN_TYPED_WORDS} words needed.",
        )
    if words < MIN_TYPED_WORDS:
        raise LLMBreakerError(
            TEXT_TOO_SHORT,
            f"Text too short{after}: {words} words. At least {MIN_TYPED_WORDS} words needed.",
        )
    return _loaded(cleaned, "typed", filtered)


def load_file(path: str | Path) -> LoadedText:
    """A .txt (UTF-8) or .docx file of at most 10 MB holding 100 to 5,000,000 characters."""
    path = Path(path)
    size = _checked_size(path)
    if size > MAX_FILE_BYTES:
        megabytes = math.ceil(size / MB * 10) / 10
        raise LLMBreakerError(
            FILE_TOO_LARGE, f"File too large ({megabytes:.1f} MB). Max {MAX_FILE_BYTES // MB} MB."
        )
    extension = path.suffix.lower()
    if extension not in EXTENSIONS:
        shown = f"'{extension}'" if extension else "(no extension)"
        raise LLMBreakerError(
            FILE_INVALID_TYPE, f"Unsupported file type {shown}. Use .txt or .docx."
        )
    raw = _read_docx(path) if extension == ".docx" else _read_txt(path)
    if not raw.strip():
        kind = "document" if extension == ".docx" else "file"
        raise LLMBreakerError(TEXT_TOO_SHORT, f"This {kind} has no text.")
    cleaned, filtered = clean_text(raw)
    characters = len(cleaned)
    if characters > MAX_FILE_CHARS:
        raise _too_long(characters, MAX_FILE_CHARS)
    if characters < MIN_FILE_CHARS:
        after = " after removing unsupported characters" if filtered else ""
        raise LLMBreakerError(
            TEXT_TOO_SHORT,
            f"Text too short{after}: {characters} characters. At least {MIN_FILE_CHARS} needed.",
        )
    return _loaded(cleaned, path.name, filtered)


# ------------------------------------------------------------------------------- helpers


def _loaded(text: str, source: str, filtered: int) -> LoadedText:
    characters, words, vocab_size = text_stats(text)
    notice = None
    if filtered:
        plural = "character" if filtered == 1 else "characters"
        notice = f"Removed {filtered:,} unsupported {plural}."
    return LoadedText(text, source, characters, words, vocab_size, filtered, notice)


def _too_long(characters: int, limit: int) -> LLMBreakerError:
    return LLMBreakerError(
        TEXT_TOO_LONG, f"Text too long: {characters:,} characters. Max {limit:,}."
    )


def _unreadable(message: str) -> LLMBreakerError:
    return LLMBreakerError(FILE_UNREADABLE, message)


def _checked_size(path: Path) -> int:
    """The size of an existing regular file; anything else (a folder, a pipe) is refused."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise _unreadable(f"File not found: {path.name}") from None
    except OSError as exc:
        raise _unreadable(f"Cannot open {path.name}: {exc.strerror or exc}.") from None
    if path.is_dir():
        raise _unreadable(f"{path.name} is a folder, not a file.")
    if not path.is_file():  # a pipe or a device could block or never end
        raise _unreadable(f"{path.name} is not a regular file.")
    if not os.access(path, os.R_OK):
        raise _unreadable(f"Cannot read {path.name}: permission denied.")
    return stat.st_size


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # bounded, even if the file grows meanwhile
    except OSError as exc:
        raise _unreadable(f"Cannot read {path.name}: {exc.strerror or exc}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise LLMBreakerError(FILE_TOO_LARGE, f"File too large. Max {MAX_FILE_BYTES // MB} MB.")
    return data


def _read_txt(path: Path) -> str:
    data = _read_bytes(path)
    # Windows Notepad's "Unicode" is UTF-16 with a byte-order mark: unambiguous, so accept it.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _unreadable(f"{path.name} is damaged: its UTF-16 text does not decode.") from None
    if _looks_binary(data):
        raise LLMBreakerError(
            FILE_INVALID_TYPE,
            f"{path.name} looks like a binary file, not text. Use a plain .txt or a .docx.",
        )
    try:
        return data.decode("utf-8-sig")  # a leading byte-order mark is allowed and dropped
    except UnicodeDecodeError as exc:
        raise _unreadable(
            f"{path.name} is not UTF-8 text (byte 0x{data[exc.start]:02X} at position "
            f"{exc.start:,}). Save it as UTF-8 and try again."
        ) from None


def _looks_binary(data: bytes) -> bool:
    sample = data[:BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return bool(sample) and controls / len(sample) > MAX_CONTROL_SHARE


def _read_docx(path: Path) -> str:
    damaged = _unreadable("This .docx file is damaged or not a Word document.")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise damaged from None
    if sum(m.file_size for m in members) > MAX_DOCX_EXPANDED:
        raise LLMBreakerError(
            FILE_TOO_LARGE,
            f"This .docx expands to more than {MAX_DOCX_EXPANDED // MB} MB; it may be a zip bomb.",
        )
    if len(members) > MAX_DOCX_MEMBERS or any(
        m.file_size > MB and m.file_size > MAX_DOCX_RATIO * m.compress_size for m in members
    ):
        raise LLMBreakerError(
            FILE_TOO_LARGE,
            "This .docx is packed in a way no Word document is; it may be a zip bomb.",
        )
    if "word/document.xml" not in {m.filename for m in members}:
        raise damaged
    # python-docx parses with entity resolution off, and zipfile stops at each member's
    # declared size, so the checks above bound the work even for a hostile file.
    try:
        import docx  # imported here: only .docx files need it

        return "\n".join(_docx_blocks(docx.Document(str(path))))
    except Exception:  # python-docx raises many kinds; all mean the same thing to a visitor
        raise damaged from None


def _docx_blocks(container) -> list[str]:
    """Paragraph texts in document order, table cells included (nested tables too)."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen = set()  # a merged cell appears once per grid position it spans
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:  # lxml elements hash by identity
                        seen.add(cell._tc)
                        lines.extend(_docx_blocks(cell))
        elif block.text.strip():
            lines.append(block.text)
    return lines
