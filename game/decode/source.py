"""Which session Decode Live talks to, and the decode it runs there: start, pace, pause, step."""

from __future__ import annotations

import itertools

from game.sessions import Session, corpus_title, follow
from llmbreaker import messages as m
from llmbreaker.config import session_config
from llmbreaker.datasets import list_datasets
from llmbreaker.errors import INVALID_PROMPT
from llmbreaker.messages import DecodePhase
from llmbreaker.prompts import prompt_error
from llmbreaker.session_state import SessionState

OWN_ID = "decode"
OWN_PRESET = "small"
OWN_DATASET = "childrens_stories"
RATES = (1, 5, 20, 50)  # characters per second the rate keys choose
DEFAULT_RATE = 5
DECODE_LENGTH = 400  # characters one Enter asks for
IDLE, WAITING, DECODING = DecodePhase.IDLE, DecodePhase.WAITING, DecodePhase.DECODING
PAUSED, DONE = DecodePhase.PAUSED, DecodePhase.DONE
# Every Decode this process sends gets a new id; steps of an earlier decode still on their way
# are dropped by SessionState (and never read here), so a new decode starts at once.
DECODE_IDS = itertools.count(1)


def own_config(training: dict, datasets=None):
    """A small model on Children's Stories (else the built-in corpus) at max speed."""
    options = dict(training)
    preset = options.pop("preset", OWN_PRESET)
    for fixed in ("speed", "label", "dataset", "text"):
        options.pop(fixed, None)
    infos = list_datasets() if datasets is None else datasets
    prepared = {i.name for i in infos if i.prepared}
    dataset = OWN_DATASET if OWN_DATASET in prepared else "tiny"
    label = corpus_title(dataset, infos)
    return session_config(preset, dataset=dataset, speed="max", label=label, **options)


class DecodeSource:
    """Follows one session; its text is the prompt of the last Decode plus what came back since."""

    def __init__(self, sessions) -> None:
        self.sessions = sessions
        self.session: Session | None = None
        self.state: SessionState | None = None
        self.rate: float = DEFAULT_RATE
        self.phase: DecodePhase = IDLE
        self.base = ""  # the prompt of the Decode in flight
        self.origin = 0  # characters of the text the visitor typed
        self.decode_id = 0  # of the Decode in flight; 0 before the first
        self.pending: tuple[int, float] | None = None  # (length, rate) to send once settled
        self.pending_prompt: str | None = None  # None: the text as it stands when sent
        self.error = ""  # the last refusal, shown inline
        self.seen_notice: m.Error | None = None
        self.clock = 0.0
        self.arrived_at = -1.0  # clock when the newest step arrived
        self.arrivals = 0

    # ------------------------------------------------------------------ session

    def start_own(self, training: dict, datasets=None) -> None:
        self.sessions.start(OWN_ID, own_config(training, datasets))
        self.session = None  # the next update adopts it

    @property
    def model_ready(self) -> bool:
        """A model exists to decode with: the session has reported its first checkpoint."""
        state = self.state
        return bool(state and state.info and state.checkpoints and not state.error)

    @property
    def shape(self) -> tuple[int, int]:
        info = self.state.info if self.state else None
        return (info.n_layer, info.n_head) if info else (0, 0)

    # ------------------------------------------------------------------ the decode

    @property
    def text(self) -> str:
        if self.state is None:
            return self.base
        return self.base + self.state.decoded_by(self.decode_id)

    @property
    def step(self) -> m.DecodeStep | None:
        """The newest step of this tab's decode in flight, or None before its first arrives."""
        last = self.state.last_decode if self.state is not None else None
        mine = last is not None and self.decode_id and last.decode_id == self.decode_id
        return last if mine else None

    def _refuse(self, prompt: str) -> bool:
        """The engine's prompt check against the model's characters, if a model is known; a
        refused prompt ends the decode in flight, as the worker's own refusal does."""
        info = self.state.info if self.state else None
        error = prompt_error(info.vocab if info else None, prompt)
        self.error = error.message if error else ""
        if error is not None:
            self._stop()
            self._forget_decode()
        return error is not None

    def begin(self, prompt: str) -> None:
        """Decode DECODE_LENGTH characters after prompt (the worker checks it again)."""
        if self._refuse(prompt):
            return
        self._stop()
        self.pending_prompt, self.base, self.origin = prompt, prompt, len(prompt)
        self.pending = (DECODE_LENGTH, self.rate)
        self.phase = WAITING if not self.model_ready else DECODING

    def toggle_pause(self) -> None:
        if self.phase in (DECODING, WAITING):
            self._stop()
            self.phase = PAUSED
        elif self.phase in (PAUSED, DONE) and self.text:
            self.pending_prompt, self.pending = None, (DECODE_LENGTH, self.rate)
            self.phase = DECODING

    def single_step(self, prompt: str) -> None:
        """One character: pauses a running decode, then continues the text by one."""
        continuing = self.phase != IDLE and bool(self.text)
        if not continuing and self._refuse(prompt):
            return
        self._stop()
        self.pending_prompt = None if continuing else prompt
        if not continuing:
            self.base, self.origin = prompt, len(prompt)
        self.pending, self.error, self.phase = (1, 0.0), "", PAUSED

    def set_rate(self, rate: float) -> None:
        self.rate = rate
        if self.phase == DECODING and self.pending is None and self.session is not None:
            self.sessions.send(self.session.sid, m.SetDecodeRate(rate))
        elif self.pending is not None and self.pending[1] > 0:
            self.pending = (self.pending[0], rate)

    def _stop(self) -> None:
        if self.phase in (DECODING, PAUSED) and self.session is not None:
            self.sessions.send(self.session.sid, m.StopDecode())
        self.pending = None

    def _send_pending(self, session: Session, length: int, rate: float) -> None:
        prompt = self.text if self.pending_prompt is None else self.pending_prompt
        self.pending = None
        self.base, self.decode_id, self.arrivals = prompt, next(DECODE_IDS), 0
        self.seen_notice = session.state.notice
        self.sessions.send(session.sid, m.Decode(prompt, length, rate, self.decode_id))

    # ------------------------------------------------------------------ frame

    def update(self, dt: float) -> None:
        self.clock += dt
        session = follow(self.sessions, self.session, OWN_ID, hold=self.phase != IDLE)
        if session is not self.session or (session and session.state is not self.state):
            self._adopt(session)
        if self.state is None or self.session is None:
            return
        arrivals = len(self.state.decoded_by(self.decode_id))
        if arrivals > self.arrivals:
            self.arrivals, self.arrived_at = arrivals, self.clock
        self._check_refusal(self.state)
        step = self.step
        if self.phase == DECODING and step is not None and step.done and self.pending is None:
            self.phase = DONE
        if self.pending is not None and self.model_ready:
            if self.phase == WAITING:
                self.phase = DECODING
            self._send_pending(self.session, *self.pending)

    def _adopt(self, session: Session | None) -> None:
        if self.session is None:
            self.error = ""  # "no model yet" no longer holds
        elif self.phase != IDLE:
            self.error = "The model changed: press Enter to decode again."
        keep_pending = self.phase == WAITING
        self.session = session
        self.state = session.state if session else None
        self.decode_id, self.arrivals, self.arrived_at = 0, 0, -1.0
        self.seen_notice = self.state.notice if self.state else None
        if not keep_pending:
            self.phase, self.pending = IDLE, None

    def _check_refusal(self, state: SessionState) -> None:
        notice = state.notice
        if notice is None or notice is self.seen_notice:
            return
        self.seen_notice = notice
        if notice.code == INVALID_PROMPT:
            self.error = notice.message
            self._forget_decode()

    def _forget_decode(self) -> None:
        self.phase, self.pending = IDLE, None
        self.base, self.origin, self.decode_id, self.arrivals = "", 0, 0, 0
