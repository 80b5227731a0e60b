"""The visitor's own text: every validation error reached with a real file, and the cleaning."""

from __future__ import annotations

import os
import zipfile

import docx
import pytest

from llmbreaker import text_input
from llmbreaker.errors import (
    FILE_INVALID_TYPE,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    TEXT_TOO_LONG,
    TEXT_TOO_SHORT,
    LLMBreakerError,
)

PROSE = (
    "The quick brown fox jumps over the lazy dog while the cat sleeps in the sun. " * 4
)  # 64 words


def _error(call, *args) -> LLMBreakerError:
    with pytest.raises(LLMBreakerError) as info:
        call(*args)
    return info.value


# ------------------------------------------------------------------ .txt files


def test_good_txt_loads_with_bom_and_windows_newlines(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_bytes(b"\xef\xbb\xbf" + PROSE.replace(". ", ".\r\n").encode("utf-8"))
    loaded = text_input.load_file(path)
    assert loaded.source == "essay.txt"
    assert loaded.text.startswith("The quick") and "\r" not in loaded.text
    assert (loaded.characters, loaded.words) == (len(loaded.text), len(loaded.text.split()))
    assert loaded.vocab_size == len(set(loaded.text))
    assert (loaded.filtered, loaded.notice) == (0, None)


def test_utf16_txt_with_bom_loads(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(PROSE.encode("utf-16"))
    assert text_input.load_file(path).text == PROSE.strip()


def test_missing_file_and_folder_are_unreadable(tmp_path):
    assert _error(text_input.load_file, tmp_path / "nope.txt").code == FILE_UNREADABLE
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert _error(text_input.load_file, folder).code == FILE_UNREADABLE


def test_empty_txt_has_no_text(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    error = _error(text_input.load_file, path)
    assert (error.code, error.message) == (TEXT_TOO_SHORT, "This file has no text.")


def test_short_txt_gives_the_count(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Only a few words here.")
    error = _error(text_input.load_file, path)
    assert error.code == TEXT_TOO_SHORT and "22 characters" in error.message


def test_binary_txt_is_refused(tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(bytes(range(256)) * 8)
    error = _error(text_input.load_file, path)
    assert error.code == FILE_INVALID_TYPE and "binary" in error.message


def test_mostly_control_bytes_without_nul_count_as_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 65, 66]) * 100)
    assert _error(text_input.load_file, path).code == FILE_INVALID_TYPE


def test_non_utf8_txt_is_a_clear_error(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Caf\u00e9 au lait. " * 20).encode("latin-1"))
    error = _error(text_input.load_file, path)
    assert error.code == FILE_UNREADABLE and "UTF-8" in error.message


def test_oversize_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(12 * 1024 * 1024 + 300 * 1024)  # sparse: instant, takes no disk space
    error = _error(text_input.load_file, path)
    assert (error.code, error.message) == (FILE_TOO_LARGE, "File too large (12.3 MB). Max 10 MB.")


def test_wrong_extension_is_refused(tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_text(PROSE)
    error = _error(text_input.load_file, path)
    assert (error.code, error.message) == (
        FILE_INVALID_TYPE,
        "Unsupported file type '.pdf'. Use .txt or .docx.",
    )


def test_text_over_five_million_characters_is_too_long(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"abcd efgh\n" * 500_001)
    error = _error(text_input.load_file, path)
    assert error.code == TEXT_TOO_LONG and "5,000,0" in error.message


# ------------------------------------------------------------------ .docx files


def test_good_docx_with_paragraphs_and_a_table_loads(tmp_path):
    document = docx.Document()
    document.add_heading("My \u201cStory\u201d", level=1)
    document.add_paragraph(PROSE)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "left cell"
    table.cell(0, 1).text = "right cell"
    document.add_paragraph("The end\u2014really\u2026 \U0001f600")
    path = tmp_path / "story.docx"
    document.save(path)
    loaded = text_input.load_file(path)
    assert loaded.text.startswith('My "Story"\nThe quick')
    assert "left cell\nright cell" in loaded.text
    assert loaded.text.endswith("The end-really...")
    assert (loaded.filtered, loaded.notice) == (1, "Removed 1 unsupported character.")


def test_corrupt_docx_is_damaged(tmp_path):
    path = tmp_path / "random.docx"
    path.write_bytes(os.urandom(4096))
    error = _error(text_input.load_file, path)
    assert error.code == FILE_UNREADABLE and "damaged" in error.message


def test_zip_without_a_word_document_is_damaged(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", PROSE)
    assert _error(text_input.load_file, path).code == FILE_UNREADABLE


def test_docx_whose_xml_is_broken_is_damaged(tmp_path):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<not xml")
    assert _error(text_input.load_file, path).code == FILE_UNREADABLE


def test_zip_bomb_docx_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/zeros.bin", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(60):
                member.write(chunk)
    assert path.stat().st_size < 1024 * 1024
    error = _error(text_input.load_file, path)
    assert error.code == FILE_TOO_LARGE and "zip bomb" in error.message


def test_docx_packed_like_a_bomb_is_refused_even_under_the_size_limit(tmp_path):
    path = tmp_path / "dense.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/zeros.bin", bytes(20 * 1024 * 1024))
    error = _error(text_input.load_file, path)
    assert error.code == FILE_TOO_LARGE and "zip bomb" in error.message


def test_empty_docx_has_no_text(tmp_path):
    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    error = _error(text_input.load_file, path)
    assert (error.code, error.message) == (TEXT_TOO_SHORT, "This document has no text.")


# ------------------------------------------------------------------ typed or pasted text


def test_typed_text_loads():
    loaded = text_input.validate_typed(PROSE)
    assert (loaded.source, loaded.words, loaded.characters) == ("typed", 64, len(PROSE) - 1)


def test_typed_text_with_too_few_words():
    error = _error(text_input.validate_typed, "twelve words " * 6)
    assert (error.code, error.message) == (
        TEXT_TOO_SHORT,
        "Text too short: 12 words. At least 50 words needed.",
    )


def test_typed_text_with_too_few_characters():
    error = _error(text_input.validate_typed, "Hi there.")
    assert (error.code, error.message) == (
        TEXT_TOO_SHORT,
        "Text too short: 2 words, 9 characters. At least 50 words needed.",
    )
    assert "1 word," in _error(text_input.validate_typed, "Hi").message


def test_typed_text_too_long():
    error = _error(text_input.validate_typed, "word " * 12_200)
    assert (error.code, error.message) == (
        TEXT_TOO_LONG,
        "Text too long: 60,999 characters. Max 50,000.",
    )


def test_typed_text_is_cleaned_with_a_notice():
    raw = (
        "\u201cHello\u201d\u00a0\u2014 it\u2019s caf\u00e9 time \U0001f600\U0001f680\x07. " + PROSE
    )
    loaded = text_input.validate_typed(raw)
    assert loaded.text.startswith('"Hello" - it\'s caf\u00e9 time .')
    assert (loaded.filtered, loaded.notice) == (3, "Removed 3 unsupported characters.")


def test_text_that_is_all_emoji_is_too_short_after_filtering():
    error = _error(text_input.validate_typed, "\U0001f600 " * 80)
    assert error.code == TEXT_TOO_SHORT and "unsupported" in error.message
