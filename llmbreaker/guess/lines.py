"""Pick the game's lines from the held-out end of a corpus: whole words, about 40 characters."""

from __future__ import annotations

from dataclasses import dataclass

# Digits switch tabs in the exhibit, so a line never needs one; a line stays on one row.
NOT_IN_LINES = set("0123456789\n\r\t")


@dataclass(frozen=True)
class HeldOutLine:
    """One line to guess and the text just before it (the model's context for its first char)."""

    start: int  # offset of the line's first character in the corpus
    lead: str  # the characters before it, as many as the model's context holds
    text: str


def held_out_start(n_chars: int, val_fraction: float, block_size: int) -> int:
    """Where the trainer's validation split begins (the same rule as Trainer's split)."""
    return n_chars - max(int(n_chars * val_fraction), block_size + 2)


def word_chunks(text: str, start: int, end: int, low: int, high: int) -> list[tuple[int, str]]:
    """(offset, chunk): consecutive runs of whole words, low..high characters, never across rows."""
    chunks = []
    row_offset = start
    mid_word = start > 0 and text[start - 1] not in " \n"
    for row in text[start:end].split("\n"):
        pos, begin = row_offset, None
        row_offset += len(row) + 1
        for word in row.split(" "):
            word_start, word_end = pos, pos + len(word)
            pos = word_end + 1
            if not word or mid_word:  # the tail of a word cut by `start` is no word
                mid_word = False
                continue
            if begin is None or word_end - begin > high:  # a run too short to keep is dropped
                begin = word_start
            if word_end - begin >= low:
                chunks.append((begin, text[begin:word_end]))
                begin = None
    return chunks


def held_out_lines(
    text: str,
    val_fraction: float,
    block_size: int,
    count: int = 120,
    target: int = 40,
) -> list[HeldOutLine]:
    """Up to `count` lines of about `target` characters, spread evenly over the held-out text.

    A line and its lead-in both lie inside the validation split, so the model never trained
    on any character the visitor sees or guesses.
    """
    first = held_out_start(len(text), val_fraction, block_size) + block_size
    chunks = [
        (offset, chunk)
        for offset, chunk in word_chunks(text, first, len(text), target - 4, target + 8)
        if not NOT_IN_LINES & set(chunk)
    ]
    if len(chunks) > count:
        stride = len(chunks) / count
        chunks = [chunks[int(i * stride)] for i in range(count)]
    return [HeldOutLine(o, text[o - block_size : o], chunk) for o, chunk in chunks]
