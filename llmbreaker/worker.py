"""The worker process: owns one Trainer, obeys commands, reports events. Torch lives here.

The worker paces Trainer.run() (the one training schedule) by when it asks for the next step,
and turns what the run yields into messages.
"""

from __future__ import annotations

import queue
import time
import traceback
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from llmbreaker import messages as m
from llmbreaker.channel import CommandReader, EventWriter, UIGone
from llmbreaker.config import SessionConfig, step_interval
from llmbreaker.errors import OUT_OF_MEMORY, SESSION_NOT_FOUND, TRAINING_FAILED, LLMBreakerError
from llmbreaker.progress import CheckpointResult, StepResult, next_step
from llmbreaker.prompts import prompt_error
from llmbreaker.worker_process import yield_to_parent

if TYPE_CHECKING:  # torch is imported only once a session starts
    from llmbreaker.trainer import Trainer

METRICS_PERIOD = 0.05  # seconds between coalesced Metrics events (newest wins)
IDLE_WAIT = 0.25  # seconds to block for a command while nothing is due
# Seconds of quiet after which the event thread sends a heartbeat; the UI calls a worker
# silent for 8 of these stalled (llmbreaker.worker_process.STALL_AFTER).
HEARTBEAT_PERIOD = 0.5


def worker_main(commands: Connection, events: Connection) -> None:
    """Process entry point: wait for Start, then run until Shutdown or the UI is gone."""
    from llmbreaker import set_thread_wait_policy

    set_thread_wait_policy(shared_cpu=True)  # the UI process needs its core
    yield_to_parent()  # the spawner has done it already; a worker started otherwise needs it
    writer = EventWriter(events, HEARTBEAT_PERIOD)
    worker = Worker(CommandReader(commands), writer)
    from llmbreaker.trainer import warm_up

    warm_up()  # pay torch's start-up costs now, while the worker waits as a spare
    # Heard from now on. Not earlier: loading torch's libraries holds the GIL for seconds
    # on a busy machine (over 4 s at load 30), which would starve the heartbeat thread.
    writer.start(worker.heartbeat)
    worker.serve()


class Worker:
    """A small state machine: idle -> running <-> paused -> finished, plus decoding."""

    def __init__(self, commands: CommandReader, events: EventWriter) -> None:
        self.commands = commands
        self.events = events
        self.trainer: Trainer | None = None
        self.progress: Iterator[StepResult | CheckpointResult] = iter(())  # trainer.run()
        self.running = False
        self.finished = False
        self.interval = 0.0
        self.next_due = 0.0
        self.last_metrics = 0.0
        self.pending_metrics: m.Metrics | None = None
        self.last_checkpoint: CheckpointResult | None = None  # for Completed's losses and time
        self.tokens_since = 0
        self.tokens_per_step = 0
        self.decoder: Iterator[m.DecodeStep] | None = None
        self.decode_interval = 0.0
        self.decode_due = 0.0
        self.alive = True

    # ------------------------------------------------------------------ plumbing

    def emit(self, event) -> None:
        self.events.put(event)

    def heartbeat(self) -> m.Heartbeat:
        """Called from the event thread whenever the worker has been quiet for a while."""
        trainer = self.trainer
        return m.Heartbeat(trainer.step if trainer else 0)

    def serve(self) -> None:
        while self.alive:
            try:
                self._tick()
            except UIGone:
                break  # the UI is gone (closed or killed); never linger as an orphan
            except LLMBreakerError as exc:
                self._fail(exc.code, exc.message)
            except MemoryError:
                self._fail(OUT_OF_MEMORY, "Input too large for training. Try < 1000 words.")
            except Exception as exc:  # report, never die silently
                traceback.print_exc()
                self._fail(TRAINING_FAILED, f"Training crashed: {exc}.")

    def _fail(self, code: str, message: str) -> None:
        self.emit(m.Error(code, message))
        self.running = False
        self.finished = True
        self.decoder = None

    def _tick(self) -> None:
        now = time.monotonic()
        due = []
        if self.running and not self.finished:
            due.append(self.next_due)
        if self.decoder is not None:
            due.append(self.decode_due)
        wait = max(0.0, min(due) - now) if due else IDLE_WAIT
        self._handle_commands(wait)
        now = time.monotonic()
        if self.decoder is not None and now >= self.decode_due:
            self._decode_once(self.decoder, now)
        if self.running and not self.finished and now >= self.next_due:
            self._train_once(now)
        self._flush_metrics()

    def _handle_commands(self, wait: float) -> None:
        try:
            command = self.commands.get(timeout=wait) if wait > 0 else self.commands.get_nowait()
        except queue.Empty:
            return
        while True:
            self._handle(command)
            try:
                command = self.commands.get_nowait()
            except queue.Empty:
                return

    # ------------------------------------------------------------------ commands

    def _handle(self, command) -> None:
        match command:
            case m.Start(config):
                self._start(config)
            case m.Shutdown():
                self.alive = False
            case _ if self.trainer is None:
                self.emit(m.Error(SESSION_NOT_FOUND, "Session not started.", fatal=False))
            case m.Pause():
                self._set_running(False)
                self._flush_metrics(force=True)  # no step may arrive after the pause is shown
                self.emit(m.Paused(self.trainer.step))
            case m.Resume():
                if not self.finished:
                    self._set_running(True)
                self.emit(m.Resumed(self.trainer.step))
            case m.Step():
                self._set_running(False)
                if not self.finished:
                    result = self._advance()
                    self.emit(m.Stepped(result.step, result.loss))
                    self._complete_if_done()
            case m.Stop():
                self._set_running(False)
                self.finished = True
                if self.trainer.train_cfg.keep_best:
                    self.trainer.restore_best()  # what writes next is the best checkpoint
                self.emit(m.Stopped(self.trainer.step))
            case m.SetSpeed(speed):
                self.interval = step_interval(speed)
                self.next_due = time.monotonic()
                self.emit(m.SpeedChanged(speed))
            case m.Generate(prompt, length, seed, count):
                self._generate(prompt, length, seed, count)
            case m.Decode(prompt, length, rate, decode_id):
                self._start_decode(prompt, length, rate, decode_id)
            case m.SetDecodeRate(rate):
                self._set_decode_rate(rate)
            case m.StopDecode():
                self.decoder = None

    def _start(self, config: SessionConfig) -> None:
        from llmbreaker.trainer import Trainer

        text = config.text if config.text is not None else _load_corpus(config.dataset)
        self.trainer = t = Trainer(
            config.model, config.train, text, config.prompt, config.probe, base=config.base
        )
        if config.frozen:
            from llmbreaker.style_sample import freeze

            freeze(t.model, config.frozen)
        self.progress = t.run()
        self.tokens_per_step = t.train_cfg.batch_size * t.model_cfg.block_size
        self.interval = step_interval(config.speed)
        self.emit(
            m.Started(
                n_params=t.model.num_params(),
                vocab=t.vocab.chars,
                probe=t.probe,
                prompt=t.prompt,
                max_iters=t.train_cfg.max_iters,
                n_layer=t.model_cfg.n_layer,
                n_head=t.model_cfg.n_head,
                corpus_chars=len(text),
            )
        )
        if config.base and config.before_length:
            from llmbreaker.style_sample import style_samples

            seed = t.train_cfg.seed
            texts, probs = style_samples(t, config.before_length, seed=seed)
            self.emit(m.BeforeSample(t.prompt, texts[0], probs, seed, texts[1:]))
        opening = next(self.progress)  # run() opens with the untrained model's checkpoint
        if isinstance(opening, CheckpointResult):
            self._report_checkpoint(opening)
        self._set_running(not config.start_paused)
        if config.start_paused:
            self.emit(m.Paused(0))

    def _session(self) -> Trainer:
        """The started session's trainer (commands before Start are answered in _handle)."""
        if self.trainer is None:
            raise LLMBreakerError(SESSION_NOT_FOUND, "Session not started.")
        return self.trainer

    def _set_running(self, running: bool) -> None:
        if running and not self.running:
            self.next_due = time.monotonic()
        self.running = running

    # ------------------------------------------------------------------ training

    def _train_once(self, now: float) -> None:
        self._advance()
        self.next_due = max(self.next_due + self.interval, now) if self.interval else now
        self._complete_if_done()

    def _advance(self) -> StepResult:
        """One optimiser step of Trainer.run(): checkpoints go out at once, metrics coalesce."""
        result = next_step(self.progress, self._report_checkpoint)
        self.tokens_since += self.tokens_per_step
        elapsed = time.monotonic() - self.last_metrics
        rate = self.tokens_since / elapsed if elapsed > 0 else 0.0
        self.pending_metrics = m.Metrics(result.step, result.loss, result.lr, rate)
        return result

    def _complete_if_done(self) -> None:
        if self._session().done and not self.finished and self.last_checkpoint is not None:
            self._set_running(False)
            self.finished = True
            last = self.last_checkpoint
            self.emit(m.Completed(last.step, last.train_loss, last.val_loss, last.elapsed))

    def _flush_metrics(self, force: bool = False) -> None:
        now = time.monotonic()
        if self.pending_metrics and (force or now - self.last_metrics >= METRICS_PERIOD):
            self.emit(self.pending_metrics)
            self.pending_metrics = None
            self.last_metrics = now
            self.tokens_since = 0

    def _report_checkpoint(self, c: CheckpointResult) -> None:
        self._flush_metrics(force=True)  # the steps before it arrive first
        self.last_checkpoint = c
        self.emit(
            m.Checkpoint(
                c.step, c.train_loss, c.val_loss, c.sample, c.sample_probs, c.attention, c.elapsed
            )
        )

    # ------------------------------------------------------------------ generation

    def _check_prompt(self, prompt: str) -> bool:
        """True if the prompt can be continued; otherwise a non-fatal Error says why."""
        error = prompt_error(self._session().vocab.chars, prompt)
        if error is not None:
            self.emit(m.Error(error.code, error.message, fatal=False))
        return error is None

    def _generate(self, prompt: str, length: int, seed: int | None = None, count: int = 1) -> None:
        if not self._check_prompt(prompt):
            return
        seed = int(time.time()) if seed is None else seed
        if count > 1:
            from llmbreaker.style_sample import style_samples

            texts, probs = style_samples(self._session(), length, prompt, seed, count)
            self.emit(m.Generated(prompt, texts[0], probs, texts[1:]))
            return
        text, probs = self._session().sample(length, prompt, seed=seed)
        self.emit(m.Generated(prompt, text, probs))

    def _start_decode(self, prompt: str, length: int, rate: float, decode_id: int) -> None:
        if not self._check_prompt(prompt):
            return
        from llmbreaker.decoding import decode_steps

        trainer = self._session()
        self.decoder = decode_steps(
            trainer.shown, trainer.vocab, prompt, length, decode_id=decode_id
        )
        self.decode_interval = 1.0 / rate if rate > 0 else 0.0
        self.decode_due = time.monotonic()

    def _set_decode_rate(self, rate: float) -> None:
        """New pacing from the last character on; the running decode carries on."""
        interval = 1.0 / rate if rate > 0 else 0.0
        self.decode_due += interval - self.decode_interval
        self.decode_interval = interval

    def _decode_once(self, decoder: Iterator[m.DecodeStep], now: float) -> None:
        try:
            step = next(decoder)
        except StopIteration:
            self.decoder = None
            return
        self.emit(step)
        if step.done:
            self.decoder = None
        self.decode_due = now + self.decode_interval


def _load_corpus(name: str | None) -> str:
    from llmbreaker.datasets import load_corpus

    return load_corpus(name or "tiny")
