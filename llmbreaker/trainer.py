"""The training loop: AdamW or Muon, warmup then cosine, clipping, fixed evals, samples, attention.

It knows nothing of processes or UI. `run()` is the schedule: it yields the whole run as
progress, and its driver (the worker, `train`, `tui`, tests) paces it by when it asks for the
next result. `train_step()` and `checkpoint()` are its pieces, for benches and tests.
"""

from __future__ import annotations

import copy
import math
import time
from collections.abc import Iterator
from dataclasses import replace

import numpy as np
import torch

from llmbreaker.config import ModelConfig, TrainConfig
from llmbreaker.data import Vocab, default_prompt, encode_corpus, probe_text
from llmbreaker.model import GPT
from llmbreaker.muon import Muon
from llmbreaker.progress import CheckpointResult, StepResult

SMALLEST_CONTEXT = 8
# Evaluation runs in pieces of about this many tokens: one piece's activations stay in the
# CPU cache, which makes a 16K-token evaluation a third faster than one large forward pass.
EVAL_PIECE_TOKENS = 4096
# The moving average's decay is step / (step + EMA_WARMUP) until that passes the configured
# one, so it follows the fast early learning closely and averages more as learning slows.
EMA_WARMUP = 10


def lr_at(step: int, cfg: TrainConfig) -> float:
    """Linear warmup to the peak rate, then a cosine or linear decay to min_lr at max_iters."""
    if step < cfg.warmup_iters:
        return cfg.learning_rate * (step + 1) / cfg.warmup_iters
    span = max(1, cfg.max_iters - cfg.warmup_iters)
    progress = min(1.0, (step - cfg.warmup_iters) / span)
    floor = min(cfg.min_lr, cfg.learning_rate)
    if cfg.decay == "linear":
        return cfg.learning_rate - progress * (cfg.learning_rate - floor)
    return floor + 0.5 * (1 + math.cos(math.pi * progress)) * (cfg.learning_rate - floor)


def fit_context(model_cfg: ModelConfig, n_chars: int) -> int:
    """A context length short enough that both splits of a small text hold whole windows.

    A model asked for less than SMALLEST_CONTEXT (Break It's context of 4) keeps its own.
    """
    floor = min(SMALLEST_CONTEXT, model_cfg.block_size)
    return max(floor, min(model_cfg.block_size, n_chars // 5 - 2))


def native_bf16() -> bool:
    """True when this CPU multiplies bfloat16 in hardware (AMX or AVX-512 BF16); elsewhere
    torch emulates it and bfloat16 would be slower than float32."""
    checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    return any(getattr(torch.cpu, name, lambda: False)() for name in checks)


class Trainer:
    """Trains one character GPT on one text."""

    def __init__(
        self,
        model_cfg: ModelConfig,
        train_cfg: TrainConfig,
        text: str,
        prompt: str | None = None,
        probe: str | None = None,
        base: str | None = None,
        vocab: Vocab | None = None,
    ) -> None:
        """base: a weights file to start from; vocab: a fixed alphabet (a base has its own)."""
        torch.set_num_threads(train_cfg.threads)
        torch.manual_seed(train_cfg.seed)
        self.train_cfg = train_cfg
        if base is not None and vocab is None:
            from llmbreaker.base_model import base_vocab

            vocab = base_vocab(base)
        if vocab is None:
            self.vocab, ids = encode_corpus(text)
        else:  # a fixed alphabet; the caller has put the text into it
            self.vocab, ids = vocab, vocab.encode(text)
        block = fit_context(model_cfg, len(ids))
        self.model_cfg = replace(model_cfg, vocab_size=len(self.vocab), block_size=block)
        n_val = max(int(len(ids) * train_cfg.val_fraction), block + 2)
        data = torch.from_numpy(ids.astype(np.int64))
        self.train_data, self.val_data = data[:-n_val], data[-n_val:]
        if len(self.train_data) < block + 2:
            self.train_data = data  # too little text for a separate split: train on all of it
        self.model = GPT(self.model_cfg)
        if base is not None:
            from llmbreaker.base_model import load_weights

            load_weights(self.model, base)
        self.optimizers = self._make_optimizers()
        # A fresh model's unigram path starts from the letters' counts, at the first step (so
        # inside any clock that times the training, and after the untrained checkpoint).
        self._count_letters = base is None and self.model.unigram is not None
        self.bf16 = train_cfg.bf16 and native_bf16()
        # The model that is evaluated, sampled and shown: the weights' moving average, if any.
        self.shown = self.model
        if train_cfg.ema:
            self.shown = copy.deepcopy(self.model).requires_grad_(False)
        self.prompt = self.vocab.fit(prompt) if prompt else default_prompt(text, self.vocab)
        self.probe = probe_text(self.vocab, block, probe)
        self.step = 0
        self.elapsed = 0.0
        self.best: tuple[float, int] | None = None  # (val loss, step) of the best checkpoint
        self._best_state: dict[str, torch.Tensor] | None = None
        self._stale = 0  # checkpoints since the best one
        self.stopped_early = False
        self._batch_rng = torch.Generator().manual_seed(train_cfg.seed)
        self._offsets = torch.arange(block + 1)
        count = train_cfg.eval_batches * train_cfg.batch_size
        self._eval_sets = {
            "train": self._spread_windows(self.train_data, count),
            "val": self._spread_windows(self.val_data, count),
        }

    def _make_optimizers(self) -> list[torch.optim.Optimizer]:
        """AdamW for everything, or Muon for the blocks' weight matrices and AdamW for the rest.

        Each parameter group remembers its peak rate; the schedule scales them all alike.
        """
        cfg = self.train_cfg
        muon = cfg.optimizer == "muon"
        to_muon: list[torch.nn.Parameter] = []
        rest: list[torch.nn.Parameter] = []
        for name, p in self.model.named_parameters():
            in_block_matrix = p.dim() == 2 and name.startswith("blocks.")
            (to_muon if muon and in_block_matrix else rest).append(p)
        optimizers: list[torch.optim.Optimizer] = []
        if to_muon:
            optimizers.append(Muon(to_muon, lr=cfg.muon_lr, momentum=cfg.muon_momentum))
        names = {id(p): name for name, p in self.model.named_parameters()}
        groups: dict[tuple[float, bool], list[torch.nn.Parameter]] = {}
        for p in rest:
            groups.setdefault((self._lr_scale(names[id(p)]), p.dim() >= 2), []).append(p)
        optimizers.append(
            torch.optim.AdamW(
                [
                    {
                        "params": params,
                        "lr": cfg.learning_rate * scale,
                        "weight_decay": cfg.weight_decay if matrix else 0.0,
                    }
                    for (scale, matrix), params in groups.items()
                ],
                lr=cfg.learning_rate,
                betas=(cfg.beta1, cfg.beta2),
                fused=cfg.fused_adamw or None,
            )
        )
        for optimizer in optimizers:
            for group in optimizer.param_groups:
                group["peak_lr"] = group["lr"]
        return optimizers

    def _lr_scale(self, name: str) -> float:
        """The multiplier of learning_rate for one parameter (TrainConfig.lr_scales)."""
        return next((m for prefix, m in self.train_cfg.lr_scales if name.startswith(prefix)), 1.0)

    @property
    def done(self) -> bool:
        return self.step >= self.train_cfg.max_iters or self.stopped_early

    def batch(self, split: str, rng: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        """A random batch of (input, target) windows, each (B, T)."""
        data = self.train_data if split == "train" else self.val_data
        block = self.model_cfg.block_size
        starts = torch.randint(
            len(data) - block - 1 + 1, (self.train_cfg.batch_size,), generator=rng
        )
        windows = data[starts[:, None] + self._offsets]  # (B, T + 1)
        return windows[:, :-1], windows[:, 1:]

    def _spread_windows(self, data: torch.Tensor, count: int) -> tuple[torch.Tensor, torch.Tensor]:
        """count (input, target) windows starting at evenly spaced points of data.

        Spread over the whole split, a fixed sample estimates the split's loss more closely
        than the same number of random windows (measured against every window of the
        reference corpus's validation text: docs/performance.md).
        """
        last_start = len(data) - self.model_cfg.block_size - 1
        starts = torch.linspace(0, last_start, count).round().long()
        windows = data[starts[:, None] + self._offsets]  # (count, T + 1)
        return windows[:, :-1], windows[:, 1:]

    def train_step(self) -> StepResult:
        """One optimiser step on one batch."""
        t0 = time.perf_counter()
        if self._count_letters:
            self._start_unigram_from_counts()
        lr = lr_at(self.step, self.train_cfg)
        scale = lr / self.train_cfg.learning_rate
        for optimizer in self.optimizers:
            for group in optimizer.param_groups:
                group["lr"] = group["peak_lr"] * scale
        self.model.train()
        x, y = self.batch("train", self._batch_rng)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            _, loss = self.model(x, y)
        for optimizer in self.optimizers:
            optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if self.train_cfg.grad_clip > 0:
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.train_cfg.grad_clip)
        for optimizer in self.optimizers:
            optimizer.step()
        self.step += 1
        if self.shown is not self.model:
            self._average()
        self.elapsed += time.perf_counter() - t0
        return StepResult(self.step, loss.item(), lr)

    @torch.no_grad()
    def _start_unigram_from_counts(self) -> None:
        """Set the unigram path (trained and shown) to the training split's log letter
        frequencies, each count plus one: what the first steps would otherwise spend learning
        (docs/performance.md, fifth round). About a millisecond for a million characters."""
        self._count_letters = False
        counts = torch.bincount(self.train_data, minlength=self.model_cfg.vocab_size) + 1.0
        log_freq = (counts / counts.sum()).log()
        for model in (self.model, self.shown):  # the same model twice without an average
            if model.unigram is not None:
                model.unigram.copy_(log_freq)

    @torch.no_grad()
    def _average(self) -> None:
        """Move the shown weights towards the trained ones (a decay of at most
        step / (step + EMA_WARMUP), so the random start is soon forgotten)."""
        decay = min(self.train_cfg.ema, self.step / (self.step + EMA_WARMUP))
        shown: list[torch.Tensor] = list(self.shown.parameters())
        trained: list[torch.Tensor] = list(self.model.parameters())
        torch._foreach_lerp_(shown, trained, 1 - decay)

    @torch.inference_mode()
    def evaluate(self) -> tuple[float, float]:
        """Mean train and val loss over the same fixed windows every time."""
        return self.split_loss("train"), self.split_loss("val")

    @torch.inference_mode()
    def split_loss(self, split: str) -> float:
        """Mean loss over the split's fixed evaluation windows, a few thousand tokens a pass."""
        self.shown.eval()
        x, y = self._eval_sets[split]
        piece = max(1, EVAL_PIECE_TOKENS // self.model_cfg.block_size)
        total = 0.0
        # In bfloat16 too, when training is: the same loss to four decimals at half the cost
        # (docs/performance.md); the cross-entropy itself stays in float32 under autocast.
        for i in range(0, len(x), piece):
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
                _, loss = self.shown(x[i : i + piece], y[i : i + piece])
            total += loss.item() * len(x[i : i + piece])
        return total / len(x)

    @torch.inference_mode()
    def sample(
        self, length: int | None = None, prompt: str | None = None, seed: int | None = None
    ) -> tuple[str, tuple[float, ...]]:
        """Text continuing the prompt, and the probability of each sampled character."""
        self.shown.eval()
        prompt = self.prompt if prompt is None else prompt
        idx = torch.from_numpy(self.vocab.encode(prompt))[None, :]
        rng = torch.Generator().manual_seed(self.train_cfg.seed if seed is None else seed)
        tokens, probs = self.shown.generate(
            idx,
            self.train_cfg.sample_length if length is None else length,
            temperature=self.train_cfg.temperature,
            generator=rng,
        )
        return self.vocab.decode(tokens.tolist()), tuple(round(p, 4) for p in probs.tolist())

    @torch.inference_mode()
    def attention(self) -> np.ndarray:
        """Attention of every layer and head on the probe: float32 (L, H, T, T)."""
        self.shown.eval()
        idx = torch.from_numpy(self.vocab.encode(self.probe))[None, :]
        return self.shown.attention_maps(idx).numpy().astype(np.float32)

    def checkpoint(self) -> CheckpointResult:
        """Evaluate, sample from the fixed prompt and capture attention on the probe."""
        t0 = time.perf_counter()
        train_loss, val_loss = self.evaluate()
        self._track_best(val_loss)
        text, probs = self.sample()
        attention = self.attention()
        if self.done and self.train_cfg.keep_best:
            self.restore_best()
        self.elapsed += time.perf_counter() - t0
        return CheckpointResult(
            self.step, train_loss, val_loss, text, probs, attention, self.elapsed
        )

    def _track_best(self, val_loss: float) -> None:
        """Remember the best weights so far; stop early once patience runs out."""
        cfg = self.train_cfg
        if self.best is None or val_loss < self.best[0]:
            self.best, self._stale = (val_loss, self.step), 0
            if cfg.keep_best:
                self._best_state = {k: v.clone() for k, v in self.shown.state_dict().items()}
            return
        self._stale += 1
        if cfg.patience and self._stale >= cfg.patience:
            self.stopped_early = True

    def restore_best(self) -> None:
        """Load the weights of the best checkpoint (kept when keep_best is on)."""
        if self._best_state is not None:
            self.shown.load_state_dict(self._best_state)

    def is_checkpoint_step(self) -> bool:
        """True after a step that ends an eval interval, an early checkpoint's step, and the
        last step."""
        cfg = self.train_cfg
        return self.step % cfg.eval_interval == 0 or self.step in cfg.early_evals or self.done

    def run(self) -> Iterator[StepResult | CheckpointResult]:
        """The whole run: a checkpoint of the untrained model, then every step.

        A step that ends an eval interval (or the run) yields its checkpoint first and its
        StepResult last, so a driver that pauses after a StepResult never leaves a due
        checkpoint unreported.
        """
        if self.step == 0:
            yield self.checkpoint()
        while not self.done:
            result = self.train_step()
            if self.is_checkpoint_step():
                yield self.checkpoint()
            yield result


def warm_up() -> None:
    """Pay torch's one-time costs (the optimiser's first construction alone takes ~1.7 s, a
    lazy import) by training a throwaway model for one step, so a spare worker starts at once."""
    from llmbreaker.config import ModelConfig

    trainer = Trainer(
        ModelConfig(n_embd=8, n_layer=1, n_head=1, block_size=8),
        TrainConfig(
            batch_size=2, max_iters=10, eval_batches=1, sample_length=2, optimizer="muon", bf16=True
        ),
        "warming up the worker. " * 4,
    )
    trainer.train_step()
    trainer.checkpoint()
