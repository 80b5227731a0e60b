"""A corpus scanned in pieces finds exactly the words one whole scan finds."""

import random
import re

from llmbreaker.text_scan import find_all

WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def test_pieces_find_what_one_scan_finds():
    rng = random.Random(3)
    alphabet = "abcdefghij'  \n\t.,"
    for _ in range(50):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400)))
        for piece in (1, 7, 64, 10_000):
            assert list(find_all(WORD, text, piece)) == WORD.findall(text)


def test_a_text_without_spaces_is_one_piece():
    text = "word" * 100
    assert list(find_all(WORD, text, piece=8)) == [text]
