"""What the UI knows of one session, folded from its events (torch-free)."""

from __future__ import annotations

from dataclasses import dataclass, field

from llmbreaker import messages as m
from llmbreaker.messages import Status

DECODE_KEEP = 20_000  # decoded characters a session remembers


@dataclass
class SessionState:
    """Status, progress and the complete checkpoint history of a session."""

    label: str = ""
    status: Status = Status.STARTING
    speed: str = "max"
    info: m.Started | None = None
    step: int = 0
    train_loss: float | None = None
    lr: float = 0.0
    tokens_per_s: float = 0.0
    checkpoints: list[m.Checkpoint] = field(default_factory=list)
    completed: m.Completed | None = None
    error: m.Error | None = None
    notice: m.Error | None = None  # a non-fatal error, such as a bad prompt
    last_generated: m.Generated | None = None
    before: m.BeforeSample | None = None  # the base model's text, before any training
    last_decode: m.DecodeStep | None = None
    decode_text: str = ""  # the newest decoded characters, at most DECODE_KEEP of them
    decode_dropped: int = 0  # characters trimmed from the front of decode_text
    decode_id: int = 0  # the newest decode whose steps arrived; older ones' steps are dropped
    decode_start: int = 0  # decode_total when that decode's first step arrived

    @property
    def decode_total(self) -> int:
        """Characters decoded since the session started (a position that never shrinks)."""
        return self.decode_dropped + len(self.decode_text)

    def decode_since(self, mark: int) -> str:
        """Decoded characters after the absolute position mark (those still kept)."""
        return self.decode_text[max(0, mark - self.decode_dropped) :]

    def decoded_by(self, decode_id: int) -> str:
        """What the decode with this id has written so far ("" until its first step arrives)."""
        if decode_id == 0 or decode_id != self.decode_id:
            return ""
        return self.decode_since(self.decode_start)

    @property
    def max_iters(self) -> int:
        return self.info.max_iters if self.info else 0

    @property
    def progress(self) -> float:
        """Share of the run's steps completed, 0 to 1."""
        return min(1.0, self.step / self.max_iters) if self.max_iters else 0.0

    @property
    def latest(self) -> m.Checkpoint | None:
        return self.checkpoints[-1] if self.checkpoints else None

    @property
    def finished(self) -> bool:
        return self.status in (Status.COMPLETED, Status.STOPPED, Status.FAILED)

    def apply(self, event: m.Event) -> None:
        """Fold one event into the state."""
        match event:
            case m.Started():
                self.info = event
                self.status = Status.RUNNING
            case m.Metrics():
                self.step = max(self.step, event.step)
                self.train_loss, self.lr = event.train_loss, event.lr
                self.tokens_per_s = event.tokens_per_s
            case m.Checkpoint():
                if not self.checkpoints or event.step > self.checkpoints[-1].step:
                    self.checkpoints.append(event)
                self.step = max(self.step, event.step)
            case m.Paused():
                self.step = max(self.step, event.step)
                if not self.finished:
                    self.status = Status.PAUSED
            case m.Resumed():
                if not self.finished:
                    self.status = Status.RUNNING
            case m.Stepped():
                self.step = max(self.step, event.step)
                self.train_loss = event.train_loss
            case m.SpeedChanged():
                self.speed = event.speed
            case m.Stopped():
                self.status = Status.STOPPED
            case m.Completed():
                self.completed = event
                self.step = event.step
                self.status = Status.COMPLETED
            case m.Generated():
                self.last_generated = event
            case m.BeforeSample():
                self.before = event
            case m.DecodeStep() if event.decode_id >= self.decode_id:  # older: stale, dropped
                if event.decode_id != self.decode_id:
                    self.decode_id, self.decode_start = event.decode_id, self.decode_total
                self.decode_text += event.char
                if len(self.decode_text) > 2 * DECODE_KEEP:  # weeks of decoding stay bounded
                    cut = len(self.decode_text) - DECODE_KEEP
                    self.decode_text = self.decode_text[cut:]
                    self.decode_dropped += cut
                self.last_decode = event
            case m.Error(fatal=True):
                self.error = event
                self.status = Status.FAILED
            case m.Error():
                self.notice = event
