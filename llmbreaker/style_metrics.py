"""Style and overlap measures of a text, pure functions for the Style Transfer view.

Formality follows the specification: 50 + (formal - informal) * 10, clamped to 0..100, with
the project's own word lists. One change, so that long texts do not saturate: the counts are
taken per 100 words (a text of 100 words or fewer counts as written), so 3 formal words in a
150-word paragraph score the same as 3 in 100. Both lists hold single lower-case words.
"""

from __future__ import annotations

import re


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


FORMAL_WORDS = _listed(
    """
    regarding therefore furthermore moreover nevertheless consequently accordingly hence
    thus pursuant aforementioned herewith hereby whereas notwithstanding henceforth
    sincerely regards kindly respectfully endeavour endeavor appreciate acknowledge
    assistance inform request require ensure approximately additionally subsequently
    however shall enclosed attached convenience correspondence colleagues furnish
    commence prior obtain
    """
)
INFORMAL_WORDS = _listed(
    """
    gonna wanna gotta kinda sorta yeah yep nope yup hey hi lol omg btw tbh idk imo
    stuff okay ok cool awesome dude guys folks ya y'all ain't gimme lemme dunno nah
    super totally literally basically whatever haha ugh oops wow cuz lotta hella
    """
)
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# A line break ends a sentence too: a heading, a list item, a message in a text thread or a
# letter's "Dear Sam," is a unit of its own, not the start of the next sentence.
SENTENCE_END = re.compile(r"[.!?]+|\n")


def words_of(text: str) -> list[str]:
    """The lower-case words of a text (letters, with inner apostrophes)."""
    return [w.lower() for w in WORD.findall(text)]


def formality(text: str) -> float:
    """0 (chatty) to 100 (formal): 50 + (formal - informal) * 10 per 100 words, clamped."""
    found = words_of(text)
    if not found:
        return 50.0
    formal = sum(w in FORMAL_WORDS for w in found)
    informal = sum(w in INFORMAL_WORDS for w in found)
    per_100 = 100 / max(100, len(found))
    return max(0.0, min(100.0, 50 + (formal - informal) * per_100 * 10))


def avg_sentence_length(text: str) -> float:
    """Mean words per sentence, sentences ending at . ! ? or a line break; empty ones do not
    count."""
    counts = [len(piece.split()) for piece in SENTENCE_END.split(text)]
    counts = [c for c in counts if c]
    return sum(counts) / len(counts) if counts else 0.0


def vocab_richness(text: str) -> float:
    """Distinct words over all words, 0 to 1 (case-insensitive)."""
    found = words_of(text)
    return len(set(found)) / len(found) if found else 0.0


def _word_spans(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def shared_phrases(
    a: str, b: str, min_words: int = 3
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of a and of b covered by word runs of min_words+ found in both.

    Case-insensitive; punctuation between words is ignored; overlapping matches are merged
    into maximal spans, sorted by position.
    """
    words_a, words_b = _word_spans(a), _word_spans(b)

    def grams(spans):
        out: dict[tuple[str, ...], list[int]] = {}
        for i in range(len(spans) - min_words + 1):
            key = tuple(w for w, _, _ in spans[i : i + min_words])
            out.setdefault(key, []).append(i)
        return out

    grams_a, grams_b = grams(words_a), grams(words_b)
    common = grams_a.keys() & grams_b.keys()

    def covered(spans, index):
        return _merge(
            [(spans[i][1], spans[i + min_words - 1][2]) for key in common for i in index[key]]
        )

    return covered(words_a, grams_a), covered(words_b, grams_b)


def verbatim_share(generated: str, source: str, window: int = 20) -> float:
    """Share of the generated text's window-character slices found verbatim in source."""
    total = len(generated) - window + 1
    if total <= 0:
        return 0.0
    slices = {source[i : i + window] for i in range(len(source) - window + 1)}
    return sum(generated[i : i + window] in slices for i in range(total)) / total


def richness_at(text: str, n_words: int) -> float:
    """Vocabulary richness of text read in pieces of n_words, averaged over the pieces.

    Distinct/all words falls as a text grows, so a 70-word sample is only comparable with
    70-word pieces of a longer text. A text shorter than n_words is measured whole.
    """
    found = words_of(text)
    if n_words <= 0 or len(found) <= n_words:
        return vocab_richness(text)
    pieces = [found[i : i + n_words] for i in range(0, len(found) - n_words + 1, n_words)]
    return sum(len(set(p)) / len(p) for p in pieces) / len(pieces)


def real_word_share(text: str, known: set[str] | frozenset[str]) -> float:
    """Share of the text's words found in a set of known lower-case words."""
    found = words_of(text)
    return sum(w in known for w in found) / len(found) if found else 0.0
