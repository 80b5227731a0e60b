"""Break It's two runs: the broken model in a worker, and its ghost trained beside it or cached.

The ghost (the unbroken model, same seed, data and steps) is deterministic, so it is trained
live only the first time for a corpus and recipe; then it is saved and replayed from the cache
in step with the broken run. On two cores with the window drawing on one, a second worker
would take half of the broken run's core; the replayed ghost costs nothing (docs/break-it.md).
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace

from llmbreaker import messages as m
from llmbreaker.break_symptoms import Comparison, compare, corpus_words
from llmbreaker.breaks import (
    BREAK_PRESET,
    BREAK_SAMPLE_LENGTH,
    BREAK_STEPS,
    broken_model,
    describe,
)
from llmbreaker.config import SessionConfig, session_config, validate_model
from llmbreaker.datasets import list_datasets, load_corpus
from llmbreaker.ghost_cache import GhostRun, ghost_path, load_ghost, save_ghost

log = logging.getLogger(__name__)
BROKEN_ID, GHOST_ID = "break", "break-ghost"
PREFERRED_DATASET = "shakespeare"
_background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="break-it")


def pick_dataset(datasets=None) -> str:
    """Shakespeare when prepared, else the first prepared corpus, else the built-in one."""
    infos = list_datasets() if datasets is None else datasets
    prepared = [i.name for i in infos if i.prepared]
    return PREFERRED_DATASET if PREFERRED_DATASET in prepared else (prepared or ["tiny"])[0]


def break_configs(switches, training: dict, datasets=None) -> tuple[SessionConfig, SessionConfig]:
    """(broken, ghost): the same recipe, seed, corpus and steps; only the model differs."""
    options = dict(training)
    preset = options.pop("preset", BREAK_PRESET)
    for fixed in ("speed", "label", "dataset", "text", "start_paused"):
        options.pop(fixed, None)
    options.setdefault("max_iters", BREAK_STEPS)
    options.setdefault("sample_length", BREAK_SAMPLE_LENGTH)
    ghost = session_config(
        preset, dataset=pick_dataset(datasets), speed="max", label="ghost", **options
    )
    model = validate_model(broken_model(ghost.model, switches))
    return replace(ghost, model=model, label="broken"), ghost


_words_by_dataset: dict[str, Future[frozenset[str]]] = {}


def _words_of(dataset: str) -> Future[frozenset[str]]:
    """The corpus's dictionary, read once per dataset on the background thread."""
    known = _words_by_dataset.get(dataset)
    if known is None or (known.done() and known.exception() is not None):  # failed: try again
        _words_by_dataset[dataset] = _background.submit(lambda: corpus_words(load_corpus(dataset)))
    return _words_by_dataset[dataset]


class BreakRuns:
    """Starts, commands and follows the pair; the tab reads checkpoints from here."""

    def __init__(self, sessions, cache_folder=None) -> None:
        self.sessions = sessions
        self.cache_folder = cache_folder  # None: paths.cache_dir()/ghosts
        self.switches: tuple[str, ...] = ()  # of the run on screen
        self.cached: GhostRun | None = None
        self.ghost_config: SessionConfig | None = None
        self._words: Future | None = None
        self._saving: Future | None = None
        self._comparison: Comparison | None = None

    # ------------------------------------------------------------------ sessions

    @property
    def broken(self):
        return self.sessions.get(BROKEN_ID)

    @property
    def ghost_session(self):
        return None if self.cached else self.sessions.get(GHOST_ID)

    def live(self) -> list:
        """The sessions this tab trains now (the ghost only when it is not replayed)."""
        return [s for s in (self.broken, self.ghost_session) if s is not None]

    def start(self, switches, training: dict, datasets=None) -> None:
        broken, ghost = break_configs(switches, training, datasets)
        self.switches, self.ghost_config = tuple(switches), ghost
        self._comparison = self._saving = None
        self.cached = load_ghost(ghost_path(ghost, self.cache_folder))
        self.sessions.start(BROKEN_ID, broken)  # first, so it gets the warm spare worker
        if self.cached is None:
            self.sessions.start(GHOST_ID, ghost)
        elif self.sessions.get(GHOST_ID) is not None:
            self.sessions.drop(GHOST_ID)
        self._words = _words_of(ghost.dataset or PREFERRED_DATASET)

    def send(self, command: m.Command) -> None:
        """A command to every run still going."""
        for session in self.live():
            if not session.state.finished:
                self.sessions.send(session.sid, command)

    @property
    def status(self) -> str | None:
        """error if either crashed; running, starting or paused while any goes; else the end."""
        states = [s.state for s in self.live()]
        if any(state.status == "error" for state in states):
            return "error"
        going = [state.status for state in states if not state.finished]
        for status in ("running", "starting", "paused"):
            if status in going:
                return status
        broken = self.broken
        return broken.state.status if broken else None

    @property
    def error(self) -> str:
        for session in self.live():
            if session.state.error:
                return f"{session.state.label}: {session.state.error.message}"
        return ""

    # ------------------------------------------------------------------ checkpoints

    def ghost_checkpoints(self) -> list[m.Checkpoint]:
        """The ghost's checkpoints so far; a replayed ghost keeps step with the broken run."""
        if self.cached is not None:
            broken = self.broken
            step = broken.state.step if broken else 0
            if broken and broken.state.completed:
                return self.cached.checkpoints
            return [c for c in self.cached.checkpoints if c.step <= step]
        session = self.ghost_session
        return session.state.checkpoints if session else []

    def ghost_done(self) -> bool:
        if self.cached is not None:
            broken = self.broken
            return bool(broken and broken.state.completed)
        session = self.ghost_session
        return bool(session and session.state.completed)

    def update(self) -> None:
        """Save a freshly trained ghost once (off the frame loop)."""
        session = self.ghost_session
        if session is None or self._saving is not None or not session.state.completed:
            return
        if self.ghost_config is None or session.state.info is None:
            return
        state = session.state
        run = GhostRun(state.info, list(state.checkpoints), state.completed)
        path = ghost_path(self.ghost_config, self.cache_folder)
        self._saving = _background.submit(self._save, path, run)

    @staticmethod
    def _save(path, run: GhostRun) -> None:
        try:
            save_ghost(path, run)
        except OSError as exc:  # a read-only cache only costs the next visitor time
            log.warning("could not cache the ghost at %s: %s", path, exc)

    def comparison(self) -> Comparison | None:
        """Measured once both runs have finished and the corpus's words are known."""
        if self._comparison is not None:
            return self._comparison
        broken = self.broken
        ghost = self.ghost_checkpoints()
        if not (broken and broken.state.completed and self.ghost_done() and ghost):
            return None
        if self._words is None or not self._words.done():
            return None
        try:
            words = self._words.result()
        except Exception as exc:  # an unreadable corpus: compare without the words
            log.warning("corpus words unavailable: %s", exc)
            words = frozenset()
        self._comparison = compare(self.switches, broken.state.checkpoints[-1], ghost[-1], words)
        return self._comparison

    def title(self) -> str:
        return describe(self.switches)
