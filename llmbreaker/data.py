"""Pure data functions: the character vocabulary, encoding and prompt fitting."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DEFAULT_PROBE = "the cat sat on the mat. the cat ran to the hat, and the cat sat."


@dataclass(frozen=True)
class Vocab:
    """The corpus's distinct characters, sorted; a character's index is its token."""

    chars: str

    @classmethod
    def from_text(cls, text: str) -> Vocab:
        return cls("".join(sorted(set(text))))

    def __len__(self) -> int:
        return len(self.chars)

    def __contains__(self, ch: str) -> bool:
        return ch in self._index

    @property
    def _index(self) -> dict[str, int]:
        cached = self.__dict__.get("_stoi")
        if cached is None:
            cached = {c: i for i, c in enumerate(self.chars)}
            object.__setattr__(self, "_stoi", cached)
        return cached

    def encode(self, text: str) -> np.ndarray:
        """Token ids (int64) of text whose characters are all in the vocabulary."""
        index = self._index
        return np.fromiter((index[c] for c in text), dtype=np.int64, count=len(text))

    def decode(self, ids) -> str:
        return "".join(self.chars[int(i)] for i in ids)

    def fit(self, text: str) -> str:
        """Text with each unknown character swapped for its other case, a space, or dropped."""
        out = []
        for c in text:
            if c in self._index:
                out.append(c)
            elif c.swapcase() in self._index:
                out.append(c.swapcase())
            elif " " in self._index:
                out.append(" ")
        return "".join(out)


def encode_corpus(text: str) -> tuple[Vocab, np.ndarray]:
    """The vocabulary of text and text as uint8/uint16 token ids."""
    vocab = Vocab.from_text(text)
    dtype = np.uint8 if len(vocab) <= 256 else np.uint16
    lookup = np.zeros(
        0x110000 if len(vocab) > 256 or max(map(ord, vocab.chars)) > 0xFFFF else 0x10000,
        dtype=dtype,
    )
    for i, c in enumerate(vocab.chars):
        lookup[ord(c)] = i
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return vocab, lookup[codes]


def default_prompt(text: str, vocab: Vocab, length: int = 1) -> str:
    """A fixed prompt for samples: the corpus's first character, so every sample starts alike."""
    for c in text:
        if c.isalpha():
            return c
    return text[:length] or vocab.chars[:1]


def probe_text(vocab: Vocab, block_size: int, probe: str | None = None) -> str:
    """The attention probe fitted to the vocabulary and the context length."""
    fitted = vocab.fit(probe or DEFAULT_PROBE)[:block_size]
    return fitted if len(fitted) >= 2 else (vocab.chars * block_size)[:block_size]


def text_stats(text: str) -> tuple[int, int, int]:
    """Characters, words and distinct characters of a text."""
    return len(text), len(text.split()), len(set(text))
