"""The message protocol between the UI and a training worker: one frozen dataclass each.

Commands travel UI -> worker, events worker -> UI, through multiprocessing queues, so every
field is plain and picklable (numbers, strings, string enums, tuples, numpy arrays). This
module imports neither torch nor pygame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from llmbreaker.config import SessionConfig

# ------------------------------------------------------------ words both sides share


class Status(StrEnum):
    """Where a session stands, as SessionState folds it from the events."""

    STARTING = "starting"
    RUNNING = "running"
    PAUSED = "paused"
    COMPLETED = "completed"
    STOPPED = "stopped"
    FAILED = "error"


class DecodePhase(StrEnum):
    """Where a view's decode stands: none asked, waiting for a model, running, paused, done."""

    IDLE = "idle"
    WAITING = "waiting"
    DECODING = "decoding"
    PAUSED = "paused"
    DONE = "done"


class CacheEvent(StrEnum):
    """What a decode step did to the KV cache."""

    INIT = "init"
    """The decode's first step prefilled the cache with the prompt."""
    WRITE = "write"
    """One new position was appended to every layer's cache."""
    SLIDE = "slide"
    """The context reached the block size: the cache was cleared and half a block prefilled."""
    REFILL = "refill"
    """Training changed the weights since the last step: the cache was rebuilt."""


# ---------------------------------------------------------------- commands (UI -> worker)


@dataclass(frozen=True)
class Start:
    """Build the model and begin training."""

    config: SessionConfig
    """Model, training recipe, corpus and initial speed."""


@dataclass(frozen=True)
class Pause:
    """Stop stepping until Resume or Step."""


@dataclass(frozen=True)
class Resume:
    """Continue stepping at the current speed."""


@dataclass(frozen=True)
class Step:
    """Run exactly one optimiser step while paused."""


@dataclass(frozen=True)
class Stop:
    """End training early; the worker reports Stopped and then idles until Shutdown."""


@dataclass(frozen=True)
class SetSpeed:
    """Change the pacing."""

    speed: str
    """One of 1x, 2x, 5x, 10x, max."""


@dataclass(frozen=True)
class Generate:
    """Sample text from the current model."""

    prompt: str
    """Text to continue; characters outside the vocabulary are reported as an error."""
    length: int = 200
    """Characters to generate."""
    seed: int | None = None
    """Sampling seed; None draws a new one each time."""
    count: int = 1
    """Continuations written together; more than one uses the Style Transfer recipe's sampling
    (llmbreaker/style_sample.py) and sends the rest in Generated.more."""


@dataclass(frozen=True)
class Decode:
    """Generate one character at a time, reporting each step's internals; replaces any decode
    in flight."""

    prompt: str
    """Text to continue."""
    length: int = 200
    """Characters to generate."""
    rate: float = 5.0
    """Characters per second; 0 means as fast as possible."""
    decode_id: int = 0
    """Stamped on every DecodeStep of this decode, so steps of an earlier one are told apart;
    a sender numbers its decodes upwards from 1."""


@dataclass(frozen=True)
class SetDecodeRate:
    """Change the pace of the running decode (and of later ones) without restarting it."""

    rate: float
    """Characters per second; 0 means as fast as possible."""


@dataclass(frozen=True)
class StopDecode:
    """Abandon a running decode."""


@dataclass(frozen=True)
class Shutdown:
    """Exit the worker process."""


Command = (
    Start
    | Pause
    | Resume
    | Step
    | Stop
    | SetSpeed
    | Generate
    | Decode
    | SetDecodeRate
    | StopDecode
    | Shutdown
)

# ----------------------------------------------------------------- events (worker -> UI)


@dataclass(frozen=True)
class Started:
    """The model is built and training is about to begin."""

    n_params: int
    """Trainable parameters."""
    vocab: str
    """The corpus's characters, in token order."""
    probe: str
    """The fixed text whose attention every checkpoint captures."""
    prompt: str
    """The fixed prompt of every checkpoint's sample."""
    max_iters: int
    """Steps the run will take."""
    n_layer: int
    """Transformer blocks."""
    n_head: int
    """Heads per block."""
    corpus_chars: int
    """Characters of training text."""


@dataclass(frozen=True)
class Metrics:
    """Progress of ordinary steps; coalesced, so not every step is reported."""

    step: int
    """Optimiser steps completed."""
    train_loss: float
    """Loss of the latest batch."""
    lr: float
    """Learning rate of the latest step."""
    tokens_per_s: float
    """Training throughput since the last report."""


@dataclass(frozen=True)
class Checkpoint:
    """An evaluation: never dropped, so the history a scene draws is complete."""

    step: int
    """Optimiser steps completed (0 is the untrained model)."""
    train_loss: float
    """Mean loss over a fixed number of training batches."""
    val_loss: float
    """Mean loss over a fixed number of validation batches."""
    sample: str
    """Text generated from the fixed prompt (prompt excluded)."""
    sample_probs: tuple[float, ...]
    """The model's probability for each sampled character."""
    attention: np.ndarray = field(compare=False, repr=False)
    """float32 (n_layer, n_head, T, T) attention on the probe text."""
    elapsed: float = 0.0
    """Seconds the run has spent stepping and evaluating (the trainer's clock: pauses and
    pacing waits excluded)."""


@dataclass(frozen=True)
class Paused:
    """Stepping has stopped."""

    step: int
    """Steps completed."""


@dataclass(frozen=True)
class Resumed:
    """Stepping continues."""

    step: int
    """Steps completed."""


@dataclass(frozen=True)
class Stepped:
    """Acknowledges a single Step command."""

    step: int
    """Steps completed after the single step."""
    train_loss: float
    """Loss of that step's batch."""


@dataclass(frozen=True)
class SpeedChanged:
    """Acknowledges SetSpeed."""

    speed: str
    """The new speed."""


@dataclass(frozen=True)
class Stopped:
    """Training ended early at the user's request."""

    step: int
    """Steps completed."""


@dataclass(frozen=True)
class Completed:
    """Training reached its last step."""

    step: int
    """Steps completed."""
    train_loss: float
    """Final training loss."""
    val_loss: float
    """Final validation loss."""
    wall_time: float
    """Seconds the run spent stepping and evaluating (pauses and pacing waits excluded)."""


@dataclass(frozen=True)
class Generated:
    """Answer to Generate."""

    prompt: str
    """The prompt given."""
    text: str
    """The continuation."""
    probs: tuple[float, ...]
    """Probability of each generated character."""
    more: tuple[str, ...] = ()
    """The other continuations when Generate asked for several (same prompt and length)."""


@dataclass(frozen=True)
class BeforeSample:
    """What a session's base model wrote before any training (sessions started from a base)."""

    prompt: str
    """The prompt given (the visitor's opening)."""
    text: str
    """The continuation."""
    probs: tuple[float, ...]
    """Probability of each generated character."""
    seed: int
    """Sampling seed, so the trained model can be asked with the same one."""
    more: tuple[str, ...] = ()
    """The other samples written with it, which the style figures are read on too."""


@dataclass(frozen=True)
class DecodeStep:
    """One character of a Decode; coalesced at high rates."""

    position: int
    """Index of the new character in the context."""
    char: str
    """The sampled character."""
    prob: float
    """Its probability."""
    top: tuple[tuple[str, float], ...]
    """The five most likely characters and their probabilities."""
    context: str
    """The text the model saw for this step, cache window included."""
    attention: np.ndarray = field(compare=False, repr=False)
    """float32 (n_layer, n_head, len(context)) attention of the new position."""
    credit: tuple[float, ...] = ()
    """Token credit over the context (gradient x input embedding, summed per position)."""
    cache_len: tuple[int, ...] = ()
    """Cached positions per layer."""
    cache_bytes: tuple[int, ...] = ()
    """Bytes of keys and values cached per layer."""
    cache_event: CacheEvent = CacheEvent.WRITE
    """What this step did to the cache: INIT, WRITE, SLIDE or REFILL."""
    done: bool = False
    """True on the last step of the decode."""
    index: int = 0
    """Characters generated before this one in the same decode (0 for the first)."""
    cache_max: int = 0
    """Positions the cache can hold: the model's block size."""
    cache_written: int = 0
    """Positions written to every layer's cache in this step (1, or the whole context)."""
    head_size: int = 0
    """Width of each head's query, key and value vectors."""
    qkv_norms: np.ndarray | None = field(default=None, compare=False, repr=False)
    """float32 (n_layer, n_head, 3) lengths of the new position's query, key and value."""
    decode_id: int = 0
    """The decode_id of the Decode command this step answers."""


@dataclass(frozen=True)
class Error:
    """Something went wrong; the session can be restarted."""

    code: str
    """A stable code from llmbreaker.errors."""
    message: str
    """One line fit to show a visitor."""
    fatal: bool = True
    """True when the worker is gone or training cannot go on."""


@dataclass(frozen=True)
class Heartbeat:
    """Sent after half a second without other events, so the UI knows the worker is alive.

    The session manager consumes heartbeats; they never reach the scenes."""

    step: int
    """Steps completed."""


Event = (
    Started
    | Metrics
    | Checkpoint
    | Paused
    | Resumed
    | Stepped
    | SpeedChanged
    | Stopped
    | Completed
    | Generated
    | BeforeSample
    | DecodeStep
    | Error
    | Heartbeat
)
