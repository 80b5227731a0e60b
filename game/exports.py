"""The one door for files the exhibit writes: a configured folder, unique names, no stalls.

Screenshots, PNG/GIF pictures and CSV/JSON tables all go through `Exports.save`: the folder is
created if missing, each file gets a name no other export has (two saves in one second keep
both), the writing runs on the background thread, and any failure becomes a toast naming the
folder, never an exception in a tab. Callers hand over bytes or arrays, never a live surface.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game.background import Background

log = logging.getLogger(__name__)

MAX_WAITING = 3  # exports queued behind the running one; more are refused with a message
# A writer gets the reserved path and a progress callback taking a share from 0 to 1.
Writer = Callable[[Path, Callable[[float], None]], object]  # what it returns is ignored


class Exports:
    """Reserve unique names in one folder and write files there off the frame loop."""

    def __init__(
        self,
        folder: str | Path | None,
        toast: Callable[[str, str], None],
        background: Background | None = None,
    ) -> None:
        if folder is None:
            from llmbreaker.paths import exports_dir

            folder = exports_dir()
        self.folder = Path(folder).expanduser()
        self.toast = toast
        self.background = background or Background("exports")

    def reserve(self, stem: str, suffix: str) -> Path:
        """Create the folder if missing and an empty file with a name no other export has.

        Exclusive creation makes the name ours even when two saves land in the same second.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        base = f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}"
        for copy in range(1, 10_000):
            path = self.folder / (f"{base}{suffix}" if copy == 1 else f"{base}-{copy}{suffix}")
            try:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            except FileExistsError:
                continue
            return path
        raise FileExistsError(f"Too many files named {base}")

    def save(
        self,
        stem: str,
        suffix: str,
        write: Writer,
        label: str = "",
        saved: Callable[[Path], str] | None = None,
    ) -> bool:
        """Queue a write; a toast says where it went or why not. False when refused now."""
        if self.background.waiting() >= MAX_WAITING:
            self.toast("Still saving the last files: try again in a moment", "error")
            return False
        label = label or f"Saving {stem}{suffix}"
        saved = saved or (lambda path: f"Saved {path}")

        def work(progress) -> Path:
            path = self.reserve(stem, suffix)
            try:
                write(path, progress)
            except BaseException:
                path.unlink(missing_ok=True)  # no empty or half-written file left behind
                raise
            return path

        def failed(exc: Exception) -> None:
            log.warning("saving %s%s in %s failed: %r", stem, suffix, self.folder, exc)
            self.toast(f"Could not save to {self.folder}: {_reason(exc)}", "error")

        self.background.submit(label, work, lambda path: self.toast(saved(path), "info"), failed)
        return True

    def save_surface(self, surface: pygame.Surface, stem: str, label: str = "") -> bool:
        """A PNG of a surface: copied to bytes now (a few ms), encoded on the thread."""
        size, data = surface.get_size(), pygame.image.tobytes(surface, "RGB")

        def write(path: Path, progress) -> None:
            from PIL import Image

            Image.frombytes("RGB", size, data).save(path, format="PNG")

        return self.save(stem, ".png", write, label)

    def save_text(self, text: str, stem: str, suffix: str, label: str = "") -> bool:
        """A CSV, JSON or other UTF-8 text file."""

        def write(path: Path, progress) -> None:
            path.write_text(text, "utf-8")

        return self.save(stem, suffix, write, label)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
