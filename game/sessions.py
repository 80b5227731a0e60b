"""The shared session registry: every session's folded state and which tab owns it."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

from llmbreaker import messages as m
from llmbreaker.config import SessionConfig
from llmbreaker.datasets import list_datasets
from llmbreaker.session_state import SessionState

LIVE_HISTORY_LIMIT = 4000  # per-step loss points kept for the live line of a chart


@dataclass
class Session:
    """One session as the UI sees it."""

    sid: str
    owner: str
    config: SessionConfig
    state: SessionState
    live_losses: list[tuple[int, float]] = field(default_factory=list)
    generation: int = 0  # new on every start, never reused, so widgets know to reset
    started_at: float = field(default_factory=time.monotonic)  # for "starting… 12 s"

    @property
    def starting_note(self) -> str:
        """While the worker starts: what is happening, and for how long (it can take a while
        on a loaded machine, when no warm spare is left); "" once it runs."""
        if self.state.status != "starting":
            return ""
        seconds = time.monotonic() - self.started_at
        return f"Starting a training process (loading the model library)… {seconds:.0f} s"


class Sessions:
    """Start, command and follow sessions through one SessionManager."""

    def __init__(self, manager) -> None:
        self.manager = manager
        self.by_id: dict[str, Session] = {}
        self._generations = itertools.count()

    def start(self, owner: str, config: SessionConfig) -> Session:
        """Start (or replace) the session a tab owns; its id is the tab's id."""
        self.manager.start(config, session_id=owner)
        state = SessionState(label=config.label, speed=config.speed)
        session = Session(owner, owner, config, state, generation=next(self._generations))
        self.by_id[owner] = session
        return session

    def restart(self, sid: str) -> Session:
        session = self.by_id[sid]
        return self.start(session.owner, session.config)

    def drop(self, sid: str) -> None:
        """End a session and forget it; its worker is reaped without stalling the frame."""
        if self.by_id.pop(sid, None) is not None:
            self.manager.close_session(sid, wait=False)

    def send(self, sid: str, command: m.Command) -> None:
        if sid in self.by_id:
            self.manager.send(sid, command)

    def get(self, sid: str) -> Session | None:
        return self.by_id.get(sid)

    def pump(self, budget: float = 0.004) -> list[tuple[str, m.Event]]:
        """Drain the manager within a time budget and fold every event into its state."""
        events = self.manager.poll(budget)
        for sid, event in events:
            session = self.by_id.get(sid)
            if session is None:
                continue
            session.state.apply(event)
            if isinstance(event, m.Metrics | m.Stepped):
                session.live_losses.append((event.step, event.train_loss))
                if len(session.live_losses) > LIVE_HISTORY_LIMIT:
                    del session.live_losses[: LIVE_HISTORY_LIMIT // 2]
        return events

    def stop_all(self) -> list[str]:
        """End every session and release its worker without waiting; returns their ids."""
        ended = list(self.by_id)
        for sid in ended:
            self.manager.close_session(sid, wait=False)
        self.by_id.clear()
        return ended

    def close(self) -> None:
        self.manager.close()


def follow(
    sessions: Sessions, current: Session | None, own_id: str, hold: bool = False
) -> Session | None:
    """Which session a tab that shares sessions shows (Attention Cinema, Decode Live, ...).

    The current one while it trains (or while `hold`, e.g. mid-decode, and it has not crashed);
    else the newest training one, the tab's own first; else the current one if it did not crash;
    else the newest with a model (own first); else the tab's own, so its crash shows.
    """
    alive = list(sessions.by_id.values())
    if current is not None and not any(s is current for s in alive):
        current = None
    if current is not None and not current.state.finished:
        return current
    if current is not None and hold and not current.state.error:
        return current
    running = [s for s in alive if not s.state.finished]
    if running:
        return _own_or_newest(running, own_id)
    if current is not None and not current.state.error:
        return current
    with_model = [s for s in alive if s.state.checkpoints and not s.state.error]
    if with_model:
        return _own_or_newest(with_model, own_id)
    return sessions.get(own_id)


def _own_or_newest(candidates: list[Session], own_id: str) -> Session:
    own = [s for s in candidates if s.sid == own_id]
    return (own or candidates)[-1]


def corpus_title(name: str, datasets=None) -> str:
    """What people call a corpus ("Children's Stories"): the label of a session trained on it."""
    infos = list_datasets() if datasets is None else datasets
    return next((i.title for i in infos if i.name == name), name)
