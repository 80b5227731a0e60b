"""The worker process: owns one Trainer, obeys commands, reports events. Torch lives here."""

from __future__ import annotations

import multiprocessing as mp
import queue
import time
import traceback

from llmbreaker import messages as m
from llmbreaker.config import SessionConfig, step_interval
from llmbreaker.errors import OUT_OF_MEMORY, SESSION_NOT_FOUND, TRAINING_FAILED, LLMBreakerError
from llmbreaker.prompts import prompt_error

METRICS_PERIOD = 0.05  # seconds between coalesced Metrics events (newest wins)
IDLE_WAIT = 0.25  # seconds to block for a command while nothing is due
HEARTBEAT_PERIOD = 1.0


def worker_main(commands: mp.Queue, events: mp.Queue) -> None:
    """Process entry point: wait for Start, then run until Shutdown or the parent dies."""
    from llmbreaker import set_thread_wait_policy

    set_thread_wait_policy(shared_cpu=True)  # the UI process needs its core
    from llmbreaker.trainer import warm_up

    warm_up()  # pay torch's start-up costs now, while the worker waits as a spare

    Worker(commands, events).serve()


class Worker:
    """A small state machine: idle -> running <-> paused -> finished, plus decoding."""

    def __init__(self, commands: mp.Queue, events: mp.Queue) -> None:
        self.commands = commands
        self.events = events
        self.trainer = None
        self.running = False
        self.finished = False
        self.interval = 0.0
        self.next_due = 0.0
        self.active_since: float | None = None  # wall clock of the current running stretch
        self.active_total = 0.0  # wall seconds spent running, pauses excluded
        self.last_metrics = 0.0
        self.pending_metrics: m.Metrics | None = None
        self.last_checkpoint = None  # the newest CheckpointResult, for Completed's losses
        self.tokens_since = 0
        self.decoder = None
        self.decode_interval = 0.0
        self.decode_due = 0.0
        self.alive = True

    # ------------------------------------------------------------------ plumbing

    def emit(self, event) -> None:
        self.events.put(event)

    def serve(self) -> None:
        last_beat = time.monotonic()
        parent = mp.parent_process()
        while self.alive:
            try:
                self._tick()
            except LLMBreakerError as exc:
                self._fail(exc.code, exc.message)
            except MemoryError:
                self._fail(OUT_OF_MEMORY, "Input too large for training. Try < 1000 words.")
            except Exception as exc:  # report, never die silently
                traceback.print_exc()
                self._fail(TRAINING_FAILED, f"Training crashed: {exc}. Press R to restart.")
            now = time.monotonic()
            if now - last_beat > HEARTBEAT_PERIOD:
                last_beat = now
                if parent is not None and not parent.is_alive():
                    break  # the UI is gone; never linger as an orphan
                if not self.running:
                    self.emit(m.Heartbeat(self.trainer.step if self.trainer else 0))

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
            self._decode_once(now)
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
                self.emit(m.Paused(self.trainer.step))
            case m.Resume():
                if not self.finished:
                    self._set_running(True)
                self.emit(m.Resumed(self.trainer.step))
            case m.Step():
                self._set_running(False)
                if not self.finished:
                    result = self._advance()
                    self.emit(m.Stepped(self.trainer.step, result.loss))
                    self._after_step()
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
            case m.Generate(prompt, length, seed):
                self._generate(prompt, length, seed)
            case m.Decode(prompt, length, rate):
                self._start_decode(prompt, length, rate)
            case m.SetDecodeRate(rate):
                self._set_decode_rate(rate)
            case m.StopDecode():
                self.decoder = None

    def _start(self, config: SessionConfig) -> None:
        from llmbreaker.trainer import Trainer

        text = config.text if config.text is not None else _load_corpus(config.dataset)
        self.trainer = Trainer(
            config.model, config.train, text, config.prompt, config.probe, base=config.base
        )
        t = self.trainer
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
            seed = t.train_cfg.seed
            before, probs = t.sample(config.before_length, seed=seed)
            self.emit(m.BeforeSample(t.prompt, before, probs, seed))
        self._emit_checkpoint()
        self._set_running(not config.start_paused)
        if config.start_paused:
            self.emit(m.Paused(0))

    def _set_running(self, running: bool) -> None:
        now = time.monotonic()
        if running and not self.running:
            self.active_since = now
            self.next_due = now
        elif not running and self.running and self.active_since is not None:
            self.active_total += now - self.active_since
            self.active_since = None
        self.running = running

    def _wall(self) -> float:
        extra = time.monotonic() - self.active_since if self.active_since is not None else 0.0
        return self.active_total + extra

    # ------------------------------------------------------------------ training

    def _train_once(self, now: float) -> None:
        self._advance()
        self.next_due = max(self.next_due + self.interval, now) if self.interval else now
        self._after_step()

    def _advance(self):
        result = self.trainer.train_step()
        cfg = self.trainer.train_cfg
        self.tokens_since += cfg.batch_size * self.trainer.model_cfg.block_size
        elapsed = time.monotonic() - self.last_metrics
        rate = self.tokens_since / elapsed if elapsed > 0 else 0.0
        self.pending_metrics = m.Metrics(result.step, result.loss, result.lr, rate)
        return result

    def _after_step(self) -> None:
        if self.trainer.is_checkpoint_step():
            self._flush_metrics(force=True)
            self._emit_checkpoint()
        if self.trainer.done and not self.finished:
            self._set_running(False)
            self.finished = True
            last = self.last_checkpoint
            self.emit(m.Completed(self.trainer.step, last.train_loss, last.val_loss, self._wall()))

    def _flush_metrics(self, force: bool = False) -> None:
        now = time.monotonic()
        if self.pending_metrics and (force or now - self.last_metrics >= METRICS_PERIOD):
            self.emit(self.pending_metrics)
            self.pending_metrics = None
            self.last_metrics = now
            self.tokens_since = 0

    def _emit_checkpoint(self) -> None:
        c = self.trainer.checkpoint()
        self.last_checkpoint = c
        self.emit(
            m.Checkpoint(
                c.step,
                c.train_loss,
                c.val_loss,
                c.sample,
                c.sample_probs,
                c.attention,
                self._wall(),
            )
        )

    # ------------------------------------------------------------------ generation

    def _check_prompt(self, prompt: str) -> bool:
        """True if the prompt can be continued; otherwise a non-fatal Error says why."""
        error = prompt_error(self.trainer.vocab.chars, prompt)
        if error is not None:
            self.emit(m.Error(error.code, error.message, fatal=False))
        return error is None

    def _generate(self, prompt: str, length: int, seed: int | None = None) -> None:
        if self._check_prompt(prompt):
            seed = int(time.time()) if seed is None else seed
            text, probs = self.trainer.sample(length, prompt, seed=seed)
            self.emit(m.Generated(prompt, text, probs))

    def _start_decode(self, prompt: str, length: int, rate: float) -> None:
        if not self._check_prompt(prompt):
            return
        from llmbreaker.decoding import decode_steps

        self.decoder = decode_steps(self.trainer.model, self.trainer.vocab, prompt, length)
        self.decode_interval = 1.0 / rate if rate > 0 else 0.0
        self.decode_due = time.monotonic()

    def _set_decode_rate(self, rate: float) -> None:
        """New pacing from the last character on; the running decode carries on."""
        interval = 1.0 / rate if rate > 0 else 0.0
        self.decode_due += interval - self.decode_interval
        self.decode_interval = interval

    def _decode_once(self, now: float) -> None:
        try:
            step = next(self.decoder)
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
