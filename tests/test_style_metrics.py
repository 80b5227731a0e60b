"""Style metrics on known texts: formality, sentence length, richness, shared phrases, copying."""

import pytest

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


def test_richness_at_reads_equal_length_pieces():
    from llmbreaker.style_metrics import richness_at, vocab_richness

    text = "the cat sat on the mat " * 20  # 120 words, 5 distinct
    assert richness_at(text, 6) == pytest.approx(5 / 6)
    assert vocab_richness(text) == pytest.approx(5 / 120)
    assert richness_at("one two three", 70) == 1.0  # shorter than a piece: the whole text


def test_real_word_share_counts_known_words():
    from llmbreaker.style_metrics import real_word_share

    assert real_word_share("The cat zqxv sat", {"the", "cat", "sat"}) == 0.75
    assert real_word_share("", {"the"}) == 0.0


def test_transfer_checks_follow_the_issue_bars():
    from llmbreaker.style_report import measure_transfer

    yours = "hey! gonna be late. soup in the fridge. feed the cat. love you. " * 5
    before = "The king hath spoken, and the lords of the realm do wait upon his word and will."
    after = "hey! gonna be home late. the soup is in the fridge. feed the dog. love you lots."
    transfer = measure_transfer(yours, before, after, base_val=2.4, best_val=2.1)
    assert transfer.gain == pytest.approx(0.3) and transfer.checks["val_gain"]
    assert "formality" in transfer.closer and "sentence_length" in transfer.closer
    assert transfer.checks["style_closer"]
    assert transfer.verbatim > 0  # "soup in the fridge" pieces are copied
    copied = measure_transfer(yours, before, yours[:80], base_val=2.4, best_val=2.35)
    assert copied.verbatim == 1.0 and not copied.checks["verbatim"]
    assert not copied.checks["val_gain"]


def test_a_line_break_ends_a_sentence():
    from llmbreaker.style_metrics import avg_sentence_length

    thread = "Tom: train got cancelled\nPriya: want me to come get you\nTom: nah its fine"
    assert avg_sentence_length(thread) == 5.0  # 4, 7 and 4 words
    assert avg_sentence_length("Dear Sam,\n\nThe soup is in the fridge.") == 4.0  # 2 and 6


def test_transfer_reads_style_on_every_sample():
    from llmbreaker.style_report import measure_transfer

    yours = "hey! gonna be late. soup in the fridge. feed the cat. love you. " * 5
    shakespeare = "The king hath spoken, and the lords of the realm do wait upon his word."
    befores = [shakespeare] * 4
    one_chatty = [shakespeare] * 3 + ["yeah ok lol. gonna be late. cool."]
    many = measure_transfer(yours, befores, one_chatty, base_val=2.0, best_val=1.8)
    # 3 x 15 words in one sentence each, then 7 words in 3 sentences: 52 words, 6 sentences
    assert many.after["sentence_length"] == pytest.approx(52 / 6)
    assert many.after["richness"] == pytest.approx((3 * 13 / 15 + 1.0) / 4)  # sample by sample
    assert many.before == measure_transfer(yours, befores[0], "", 2.0, 1.8).before
    copied = measure_transfer(yours, befores, [yours[:100], "x" * 100], 2.0, 1.9)
    assert copied.verbatim == pytest.approx(0.5)  # half of all 20-character pieces
