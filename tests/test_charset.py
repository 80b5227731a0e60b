"""The base model's fixed alphabet: what is mapped into it and what is dropped and counted."""

from llmbreaker.charset import BASE_CHARS, BASE_VOCAB, dropped_notice, to_base_charset


def test_alphabet_is_printable_ascii_and_newline():
    assert len(BASE_CHARS) == 96 and len(BASE_VOCAB) == 96
    assert "\n" in BASE_CHARS and "~" in BASE_CHARS and "\t" not in BASE_CHARS


def test_typography_and_accents_become_ascii():
    raw = "Caf\u00e9 \u201chi\u201d \u2014 na\u00efve Stra\u00dfe\u2026\r\nok"
    text, dropped = to_base_charset(raw)
    assert text == 'Cafe "hi" - naive Strasse...\nok' and dropped == 0


def test_emoji_and_other_scripts_are_dropped_and_counted():
    text, dropped = to_base_charset("tea \U0001f375 \u65e5\u672c ok")
    assert text == "tea   ok" and dropped == 3
    assert "3 characters" in dropped_notice(dropped) and dropped_notice(0) is None
