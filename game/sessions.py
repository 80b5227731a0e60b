"""The shared session registry: every session's folded state and which tab owns it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from llmbreaker import messages as m
from llmbreaker.config import SessionConfig
from llmbreaker.paths import ensure_working_folder
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


class Sessions:
    """Start, command and follow sessions through one SessionManager."""

    def __init__(self, manager) -> None:
        self.manager = manager
        self.by_id: dict[str, Session] = {}
        self._generations = itertools.count()

    def start(self, owner: str, config: SessionConfig) -> Session:
        """Start (or replace) the session a tab owns; its id is the tab's id."""
        ensure_working_folder()  # a worker cannot start from a deleted folder
        self.manager.start(config, session_id=owner)
        state = SessionState(label=config.label, speed=config.speed)
        session = Session(owner, owner, config, state, generation=next(self._generations))
        self.by_id[owner] = session
        return session

    def restart(self, sid: str) -> Session:
        session = self.by_id[sid]
        return self.start(session.owner, session.config)

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
