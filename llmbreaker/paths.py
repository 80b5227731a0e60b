"""Where the program writes: per-user folders for logs, exports, state and cache (XDG)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "llmbreaker"


def log_dir() -> Path:
    """Rotating log files (~/.local/state/llmbreaker/log on Linux)."""
    return Path(platformdirs.user_log_dir(APP))


def exports_dir() -> Path:
    """Screenshots, PNG/GIF/CSV exports when no folder is configured (~/Documents/LLMBreaker)."""
    return Path(platformdirs.user_documents_dir()) / "LLMBreaker"


def state_dir() -> Path:
    """Small state kept between runs, such as high scores (~/.local/state/llmbreaker)."""
    return Path(platformdirs.user_state_dir(APP))


def cache_dir() -> Path:
    """Rebuildable files such as trained checkpoints (~/.cache/llmbreaker)."""
    return Path(platformdirs.user_cache_dir(APP))


def ensure_working_folder() -> Path:
    """The current folder, or the home folder when the current one was deleted.

    Starting a worker process needs a working folder that exists (multiprocessing's spawn
    reads it); an exhibit started in a folder that is later removed must still start them.
    """
    try:
        return Path(os.getcwd())
    except FileNotFoundError:
        home = Path.home()
        os.chdir(home)
        return home
