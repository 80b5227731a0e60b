"""Today's best scores, kept in a small JSON file in the per-user state folder.

A damaged file is replaced with an empty list and a log line; nothing here raises to the tab.
The operator clears the list from the exhibit config (`clear_scores`).
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from llmbreaker import paths

log = logging.getLogger(__name__)

FORMAT = 1
KEEP = 10  # places on the list
INITIALS = 3  # letters at most


@dataclass(frozen=True)
class Score:
    """One finished line."""

    day: str  # ISO date the line was played
    initials: str
    bits: float  # bits per character; lower is better


def scores_path() -> Path:
    return paths.state_dir() / "guess-high-scores.json"


def clean_initials(text: str) -> str:
    """Up to three letters, upper case: what the list shows."""
    return "".join(c for c in text.upper() if c.isascii() and c.isalpha())[:INITIALS]


class HighScores:
    """Read once, rewritten on every change; keeps only today's list (the list is daily)."""

    def __init__(
        self, path: Path | None = None, today: Callable[[], datetime.date] = datetime.date.today
    ) -> None:
        self.path = path or scores_path()
        self.today = today
        self.scores: list[Score] = self._read()

    def _read(self) -> list[Score]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            return self._replace_damaged(exc)
        try:
            if raw["format"] != FORMAT:
                raise ValueError(f"format {raw['format']!r}")
            scores = [Score(str(s["day"]), clean_initials(str(s["initials"])), float(s["bits"]))
                      for s in raw["scores"]]  # fmt: skip
        except (KeyError, TypeError, ValueError) as exc:
            return self._replace_damaged(exc)
        return scores

    def _replace_damaged(self, exc: Exception) -> list[Score]:
        log.warning(
            "High-score file %s was unreadable (%s); starting an empty list", self.path, exc
        )
        self._write([])
        return []

    def _write(self, scores: list[Score]) -> bool:
        """Atomic replace; a failure is logged and the list lives on in memory."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"format": FORMAT, "scores": [asdict(s) for s in scores]}, indent=1)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
            os.replace(tmp, self.path)
            return True
        except OSError as exc:
            log.warning("Could not save the high-score file %s: %s", self.path, exc)
            return False

    def today_list(self) -> list[Score]:
        """Today's best first, at most KEEP."""
        day = self.today().isoformat()
        return sorted((s for s in self.scores if s.day == day), key=lambda s: s.bits)[:KEEP]

    def qualifies(self, bits: float) -> bool:
        best = self.today_list()
        return len(best) < KEEP or bits < best[-1].bits

    def add(self, initials: str, bits: float) -> int:
        """Put a score on today's list (yesterday's are dropped); its place, 1 = best."""
        score = Score(self.today().isoformat(), clean_initials(initials) or "???", round(bits, 3))
        self.scores = [*self.today_list(), score]
        self.scores = self.today_list()
        self._write(self.scores)
        return self.scores.index(score) + 1 if score in self.scores else 0

    def clear(self) -> None:
        self.scores = []
        self._write([])


def clear_scores(path: Path | None = None) -> None:
    """The operator's reset (exhibit config `[guess] clear_scores = true`): an empty list."""
    HighScores(path).clear()
    log.info("High-score list cleared by the exhibit config")
