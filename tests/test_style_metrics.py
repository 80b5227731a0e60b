"""Style metrics on known texts: formality, sentence length, richness, shared phrases, copying."""

from llmbreaker.style_metrics import (
    avg_sentence_length,
    formality,
    shared_phrases,
    verbatim_share,
    vocab_richness,
)


def test_formality_counts_planted_words_from_fifty():
    assert formality("The cat sat on the mat.") == 50
    assert formality("Regarding the plan, we therefore proceed. Furthermore, it works.") == 80
    assert formality("yeah gonna get some stuff, kinda late lol") == 0
    assert formality("Regarding the stuff.") == 50
    assert formality("Regarding the stuff: yeah.") == 40


def test_formality_is_per_hundred_words_for_long_texts():
    filler = "word " * 198
    assert formality(filler + "therefore furthermore") == 60  # 2 in 200 words -> 1 per 100


def test_average_sentence_length_splits_on_stops():
    assert avg_sentence_length("One two three. Four five! Six?") == 2.0
    assert avg_sentence_length("") == 0.0


def test_vocabulary_richness():
    assert vocab_richness("the cat the cat") == 0.5
    assert vocab_richness("The the THE") == 1 / 3


def test_shared_phrases_finds_known_three_word_phrase():
    a = "Well, I hope this email finds you."
    b = "Yes. I HOPE this message is fine."
    spans_a, spans_b = shared_phrases(a, b)
    assert [a[s:e] for s, e in spans_a] == ["I hope this"]
    assert [b[s:e] for s, e in spans_b] == ["I HOPE this"]


def test_shared_phrases_merge_overlaps_and_need_three_words():
    a = "please let me know your thoughts today"
    b = "so please let me know your thoughts"
    spans_a, spans_b = shared_phrases(a, b)
    assert [a[s:e] for s, e in spans_a] == ["please let me know your thoughts"]
    assert len(spans_b) == 1
    assert shared_phrases("red blue", "red blue") == ([], [])


def test_verbatim_share():
    source = "The quick brown fox jumps over the lazy dog, again and again."
    assert verbatim_share(source, source) == 1.0
    assert verbatim_share("Completely unrelated words go here, nothing else.", source) == 0.0
    assert verbatim_share("short", source) == 0.0
