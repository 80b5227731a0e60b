"""Where the exhibit's log goes: a rotating file in the per-user log folder, and stderr.

Modules log through `logging.getLogger(__name__)`; `run` and `exhibit` call setup_logging()
once. Under the supervisor (`llmbreaker exhibit`) the window sends its records to stderr and
the supervisor, which reads that pipe, is the one process writing the file.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from llmbreaker import paths

LOG_FILE = "llmbreaker.log"
MAX_BYTES = 1_000_000  # a week of a busy exhibit is ~200 KB; 6 files keep well over a month
BACKUPS = 5
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s[%(process)d]: %(message)s"
STDERR_FORMAT = "llmbreaker: %(levelname)s %(name)s: %(message)s"
SUPERVISED = "LLMBREAKER_SUPERVISED"  # set by the supervisor in the window's environment

log = logging.getLogger(__name__)
_ours: list[logging.Handler] = []  # the handlers setup_logging() added


def setup_logging(
    folder: str | os.PathLike | None = None,
    to_stderr: bool = False,
    level: int = logging.INFO,
) -> Path | None:
    """Log to <folder>/llmbreaker.log (rotated; default paths.log_dir()); returns the file.

    Warnings always reach stderr too, every record when to_stderr. A folder that cannot be
    written is said once on stderr and the log goes to stderr instead. Calling it again
    replaces the handlers it made before.
    """
    root = logging.getLogger()
    while _ours:
        handler = _ours.pop()
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    supervised = bool(os.environ.get(SUPERVISED))
    path = None
    if not supervised:
        path = _add_file_handler(root, Path(folder) if folder else paths.log_dir())
    everything = to_stderr or supervised or path is None
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(level if everything else logging.WARNING)
    stderr.setFormatter(VerbatimFormatter(FILE_FORMAT if supervised else STDERR_FORMAT))
    _adopt(root, stderr)
    return path


def _add_file_handler(root: logging.Logger, folder: Path) -> Path | None:
    path = folder / LOG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        print(
            f"llmbreaker: cannot write the log in {folder} ({exc.strerror or exc}); "
            "logging to the terminal instead",
            file=sys.stderr,
        )
        return None
    handler.setFormatter(VerbatimFormatter(FILE_FORMAT))
    _adopt(root, handler)
    return path


class VerbatimFormatter(logging.Formatter):
    """Formats as usual, except records marked verbatim: lines the window wrote, kept as is."""

    def format(self, record: logging.LogRecord) -> str:
        if getattr(record, "verbatim", False):
            return record.getMessage()
        return super().format(record)


def _adopt(root: logging.Logger, handler: logging.Handler) -> None:
    _ours.append(handler)  # so a second setup_logging() replaces it
    root.addHandler(handler)
