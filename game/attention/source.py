"""The checkpoints of the session the cinema shows (see game.sessions.follow), or its own run."""

from __future__ import annotations

import numpy as np

from game.sessions import Session, corpus_title, follow
from llmbreaker.config import session_config
from llmbreaker.session_state import SessionState

OWN_ID = "attention"
CHECKPOINTS_WANTED = 24  # enough frames for a smooth film, few enough to see each one land
OWN_SPEED = "2x"


def own_config(training: dict):
    """The app's training defaults, with checkpoints frequent enough to show the evolution."""
    options = {"dataset": "childrens_stories", **training}
    for fixed in ("speed", "eval_interval", "label"):
        options.pop(fixed, None)
    options.update(speed=OWN_SPEED, label=corpus_title(options["dataset"]))
    max_iters = session_config(**options).train.max_iters
    return session_config(**options, eval_interval=max(1, max_iters // CHECKPOINTS_WANTED))


class AttentionSource:
    """Follows one session's checkpoints; switches to a newer active session when one appears."""

    def __init__(self, sessions) -> None:
        self.sessions = sessions
        self.session: Session | None = None
        self.state: SessionState | None = None  # the state shown; a restart replaces it
        self.frames: list[np.ndarray] = []
        self.steps: list[int] = []

    def refresh(self) -> bool:
        """Pick the session and pull new checkpoints; True when the history was replaced."""
        session = follow(self.sessions, self.session, OWN_ID)
        replaced = session is not self.session or (session and session.state is not self.state)
        if replaced:
            self.session = session
            self.state = session.state if session else None
            self.frames, self.steps = [], []
        if self.state is not None:
            for checkpoint in self.state.checkpoints[len(self.frames) :]:
                self.frames.append(np.asarray(checkpoint.attention, dtype=np.float32))
                self.steps.append(checkpoint.step)
        return bool(replaced)

    def start_own(self, training: dict) -> None:
        self.sessions.start(OWN_ID, own_config(training))
        self.session = None  # the next refresh adopts it

    @property
    def probe(self) -> str:
        info = self.state.info if self.state else None
        return info.probe if info else ""

    @property
    def shape(self) -> tuple[int, int]:
        """(layers, heads) of the shown session, from its first checkpoint or its Started event."""
        if self.frames:
            return self.frames[0].shape[:2]
        info = self.state.info if self.state else None
        return (info.n_layer, info.n_head) if info else (0, 0)

    @property
    def status(self) -> str:
        if self.state is None:
            return "none"
        return self.state.status

    def head_frames(self, layer: int, head: int) -> list[tuple[int, np.ndarray]]:
        return [(s, f[layer, head]) for s, f in zip(self.steps, self.frames, strict=True)]
