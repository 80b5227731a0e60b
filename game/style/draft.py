"""The text waiting to be trained on: live metadata, validation, and loading from files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from llmbreaker.data import text_stats
from llmbreaker.errors import LLMBreakerError
from llmbreaker.limits import MAX_PASTE_CHARS
from llmbreaker.text_input import LoadedText, clean_text, load_file, validate_typed

EMPTY, INVALID, READY = "empty", "invalid", "ready"


@dataclass(frozen=True)
class Check:
    """What the panel under the box shows about the current text."""

    status: str  # empty, invalid or ready
    characters: int
    words: int
    vocab: int
    message: str  # the validation message, or how to go on
    notice: str | None = None  # e.g. characters that will be filtered out
    loaded: LoadedText | None = None  # set when ready


def check_typed(text: str, from_file: LoadedText | None = None) -> Check:
    """Metadata and validation of the box's text; a file's text keeps the file's limits."""
    if from_file is not None and from_file.text == text:
        return _ready(from_file)
    if not text.strip():
        return Check(EMPTY, 0, 0, 0, "Type or paste at least 50 words, or drop a .txt/.docx.")
    try:
        return _ready(validate_typed(text))
    except LLMBreakerError as error:
        cleaned, removed = clean_text(text[:MAX_PASTE_CHARS])
        characters, words, vocab = text_stats(cleaned)
        notice = _filtered_notice(removed)
        return Check(INVALID, characters, words, vocab, error.message, notice)


def check_file(path: str | Path) -> LoadedText:
    """A file's text, or LLMBreakerError with a visitor-ready message."""
    path = Path(str(path).strip().strip('"').strip("'")).expanduser()
    return load_file(path)


def _ready(loaded: LoadedText) -> Check:
    source = "" if loaded.source == "typed" else f" from {loaded.source}"
    hint = "Ready to train" + source + "."  # the hint row below names the key
    if loaded.words < 300:
        hint = f"Ready to train{source} (300+ words give a clearer style)."
    return Check(READY, loaded.characters, loaded.words, loaded.vocab_size, hint,
                 loaded.notice, loaded)  # fmt: skip


def _filtered_notice(removed: int) -> str | None:
    if not removed:
        return None
    plural = "character" if removed == 1 else "characters"
    return f"{removed:,} unsupported {plural} (emoji, symbols) will be removed."
