"""The loop behind `llmbreaker tui`: a Trainer, the KV-cache decoder and a LiveTUI, in turns."""

from __future__ import annotations

import time
from collections.abc import Iterator

from rich.console import Console

from llmbreaker.config import SessionConfig
from llmbreaker.decoding import decode_steps
from llmbreaker.messages import DecodeStep
from llmbreaker.progress import CheckpointResult, next_step
from llmbreaker.trainer import Trainer
from llmbreaker.tui import OPTIONAL_PARTS, DecodeState, LiveTUI, TrainingState

TRAINING_UPDATE_PERIOD = 0.05  # seconds between header updates, so the queue never fills
PAUSE_POLL = 0.02  # seconds between looks at the keys while paused
REST_BETWEEN_BURSTS = 1.0  # seconds, once training is over


def decode_state(step: DecodeStep, layer: int) -> DecodeState:
    """The live view's state for one decoder step; the flow strip follows the focused head."""
    attention = step.attention  # (L, nh, T)
    head = int(attention[layer % attention.shape[0]].max(-1).argmax())
    return DecodeState(
        step=step.position,
        token_text=step.char,
        token_prob=step.prob,
        cache_len=max(step.cache_len),
        cache_max=step.cache_max,
        active_layer=layer,
        active_head=head,
        attention_pattern=attention,
        top=step.top,
        context=step.context,
        layer_cache_len=step.cache_len,
        layer_cache_bytes=step.cache_bytes,
        cache_written=step.cache_written,
        cache_event=step.cache_event,
        head_dim=step.head_size,
        qkv_norms=step.qkv_norms,
    )


class LiveTraining:
    """Trains, and after each checkpoint decodes a burst, until Q."""

    def __init__(
        self,
        config: SessionConfig,
        text: str,
        prompt: str | None,
        chars: int,
        rate: float,
        console: Console,
    ) -> None:
        self.trainer = Trainer(config.model, config.train, text)
        self.progress = self.trainer.run()
        self.prompt = prompt or self.trainer.prompt
        self.chars = chars
        self.interval = 1.0 / rate
        cfg = self.trainer.model_cfg
        self.tui = LiveTUI(
            num_layers=cfg.n_layer,
            num_heads=cfg.n_head,
            display_layers=6,
            max_cache=cfg.block_size,
            console=console,
            hide=OPTIONAL_PARTS,  # a character model has no reward, KL, mRoPE, vision or GPU
        )
        self.decoder: Iterator[DecodeStep] | None = None
        self.decode_due = 0.0
        self.last_update = 0.0
        self.losses: tuple[float | None, float | None] = (None, None)
        self.tokens_per_s: float | None = None

    def run(self) -> None:
        with self.tui:
            opening = next(self.progress)  # run() opens with the untrained model's checkpoint
            if isinstance(opening, CheckpointResult):
                self._checkpoint(opening)
            while not self.tui.quit_requested.is_set():
                if self.tui.paused:
                    if self.tui.take_step():
                        self._one_unit(paced=False)
                    else:
                        time.sleep(PAUSE_POLL)
                    continue
                self._one_unit(paced=True)

    def _one_unit(self, paced: bool) -> None:
        """One character of the current burst, or one training step, or a rest."""
        now = time.monotonic()
        if self.decoder is not None:
            if paced and now < self.decode_due:
                time.sleep(min(self.decode_due - now, PAUSE_POLL))
                return
            self._decode_once(self.decoder, now)
        elif not self.trainer.done:
            self._train_once()
        elif paced and now < self.decode_due:
            time.sleep(min(self.decode_due - now, PAUSE_POLL))
        else:
            self._start_burst("done: decoding; Q quits")

    def _train_once(self) -> None:
        """One step of the run; a checkpoint it ends on starts a burst."""
        t0 = time.perf_counter()
        checkpoints: list[CheckpointResult] = []
        result = next_step(self.progress, checkpoints.append)
        seconds = time.perf_counter() - t0
        if not checkpoints and seconds > 0:  # a step alone: its time is the training rate
            cfg = self.trainer
            self.tokens_per_s = cfg.train_cfg.batch_size * cfg.model_cfg.block_size / seconds
        self.losses = (result.loss, self.losses[1])
        for checkpoint in checkpoints:
            self._checkpoint(checkpoint)
        if not checkpoints and time.monotonic() - self.last_update >= TRAINING_UPDATE_PERIOD:
            self._show_training("training")

    def _checkpoint(self, result: CheckpointResult) -> None:
        self.losses = (result.train_loss, result.val_loss)
        self._start_burst(f"checkpoint {result.step}: decoding")

    def _start_burst(self, notice: str) -> None:
        self.decoder = decode_steps(self.trainer.model, self.trainer.vocab, self.prompt, self.chars)
        self.decode_due = time.monotonic()
        self.tui.notify(notice)
        self._show_training("decoding")

    def _decode_once(self, decoder: Iterator[DecodeStep], now: float) -> None:
        step = next(decoder)
        self.tui.update_decode(decode_state(step, self.tui.view.layer()))
        self.tui.update_credit(list(step.context), list(step.credit))
        self.decode_due = now + self.interval
        if step.done:
            self.decoder = None
            self.decode_due = now + REST_BETWEEN_BURSTS
            self._show_training("done" if self.trainer.done else "training")

    def _show_training(self, status: str) -> None:
        self.last_update = time.monotonic()
        self.tui.update_training(
            TrainingState(
                step=self.trainer.step,
                loss=self.losses[0],
                val_loss=self.losses[1],
                tokens_per_sec=self.tokens_per_s,
                max_steps=self.trainer.train_cfg.max_iters,
                status=status,
            )
        )
