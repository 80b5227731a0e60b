"""Model, training and session settings, the presets, and their validation in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from llmbreaker.errors import INVALID_CONFIG, LLMBreakerError
from llmbreaker.limits import (
    MAX_BATCH_SIZE,
    MAX_CONTEXT,
    MAX_ITERS,
    MAX_LEARNING_RATE,
    MIN_BATCH_SIZE,
    MIN_EVAL_INTERVAL,
    MIN_ITERS,
)


@dataclass(frozen=True)
class ModelConfig:
    """Shape of the character GPT."""

    vocab_size: int = 65  # set from the corpus; 65 for Shakespeare
    block_size: int = 64  # longest context the model sees, in characters
    n_layer: int = 2  # transformer blocks
    n_head: int = 2  # attention heads per block
    n_embd: int = 16  # width of every token vector
    dropout: float = 0.0  # tiny models underfit; every parameter counts
    # "Break it" switches: turn a part of the transformer off to see what it is for.
    use_positions: bool = True  # learned position embeddings
    use_residual: bool = True  # skip connections around attention and MLP
    use_layernorm: bool = True  # pre-norm LayerNorms
    # The MLP's nonlinearity: "relu" (the design's: on a CPU an eighth of GELU's cost) or
    # "gelu" (nanoGPT's, for the bench's reference recipe).
    activation: str = "relu"
    norm_bias: bool = True  # LayerNorms learn a shift too (nanoGPT's have none)
    # Direct paths from the last characters to the logits (learned tables, as Mikolov's
    # "direct connections" beside a neural model): 1 a bias per character, which the
    # trainer starts at the training text's log letter frequencies; 2 also a row per
    # current character (a bigram table); 3 also a row per (previous, current) pair (a
    # trigram table); 4 also a row per hashed (two back, previous, current) triple (a
    # four-gram table). 0: none, as nanoGPT's reference and the design's first presets.
    direct_ngrams: int = 0
    # 0: the trigram table has a row per pair; else pairs share this many. The four-gram's
    # triples always share rows: this many, or as many as the trigram has pairs.
    trigram_rows: int = 0


@dataclass(frozen=True)
class TrainConfig:
    """How the optimiser runs and how often the model is evaluated."""

    batch_size: int = 32
    max_iters: int = 500
    optimizer: str = "adamw"  # or "muon": Muon for the blocks' matrices, AdamW for the rest
    learning_rate: float = 1e-3  # AdamW's peak rate
    muon_lr: float = 0.03  # Muon's peak rate; the same schedule scales both
    muon_momentum: float = 0.9
    min_lr: float = 1e-4  # the schedule decays to this
    decay: str = "cosine"  # after warmup: "cosine" or "linear" down to min_lr at max_iters
    bf16: bool = False  # training matmuls in bfloat16, on CPUs that do it natively (AMX)
    # Evaluate, sample and show an exponential moving average of the weights (0: the weights
    # themselves). The average smooths the noise of a high learning rate, as annealing does.
    ema: float = 0.0
    weight_decay: float = 0.0
    # AdamW in one fused kernel per tensor (torch's CPU kernel) rather than about ten calls:
    # the same update, a millisecond less a step for quick. Off by default, as nanoGPT's
    # CPU run (the bench's reference) has it.
    fused_adamw: bool = False
    beta1: float = 0.9
    beta2: float = 0.99
    warmup_iters: int = 50
    grad_clip: float = 1.0
    eval_interval: int = 50  # steps between checkpoints
    early_evals: tuple[int, ...] = ()  # extra checkpoints before the first interval ends
    eval_batches: int = 8  # fixed number of batches per split at each eval
    sample_length: int = 100  # characters generated at each checkpoint
    val_fraction: float = 0.1  # 90/10 split
    seed: int = 1337
    threads: int = 1  # torch intra-op threads in the worker; the UI keeps the other core
    temperature: float = 1.0  # of every sample; below 1 favours the likelier characters
    patience: int = 0  # stop after this many checkpoints without a better val loss (0: never)
    keep_best: bool = False  # at the end, go back to the weights of the best val loss
    # AdamW rates per parameter: (name prefix, multiplier of learning_rate); the first
    # prefix that matches wins, other parameters take learning_rate itself.
    lr_scales: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Preset:
    """A named model and training recipe."""

    name: str
    description: str
    model: ModelConfig
    train: TrainConfig = field(default_factory=TrainConfig)


PRESETS: dict[str, Preset] = {
    "seed": Preset(
        "seed",
        "The original ~8K-parameter micro-GPT: 2 layers, 2 heads, width 16.",
        ModelConfig(n_embd=16, n_layer=2, n_head=2, block_size=64),
        TrainConfig(batch_size=32, max_iters=500, learning_rate=1e-3, eval_interval=50),
    ),
    "small": Preset(
        "small",
        "Width 64, 2 layers, 4 heads, context 32, trained with Muon: words within seconds.",
        # Measured (docs/performance.md): Muon halves the steps AdamW needs; with it a batch
        # of 64 beats 32 per second; context 32 costs half of 64's steps for the same loss.
        ModelConfig(n_embd=64, n_layer=2, n_head=4, block_size=32),
        TrainConfig(
            batch_size=64,
            max_iters=1200,
            optimizer="muon",
            learning_rate=2e-2,
            muon_lr=0.03,
            warmup_iters=10,
            eval_interval=50,
        ),
    ),
    "quick": Preset(
        "quick",
        "Width 96, 2 layers, 4 heads, context 32, bfloat16, averaged weights: words in seconds.",
        # Measured (docs/performance.md, third round): wider beats 64 per second once the
        # matmuls run in bfloat16; showing the weights' moving average reaches 2.0 in a
        # quarter fewer steps; a straight-line decay ending at 500 steps anneals by ~14 s.
        # Fourth round: a shorter warmup and higher rates reach 2.0 some 5 % sooner (steps)
        # and end no worse. Fifth round: direct unigram, bigram and (hashed) trigram paths
        # reach 2.0 in about a quarter fewer steps, at about 3 % more a step, and end no worse.
        # Sixth round: a hashed four-gram path at half the rate reaches 2.0 in about 52-57
        # steps instead of 82-88, ends no worse (1.718 against 1.721), and leaves layer 0 a
        # previous-character head (0.48 of its attention at step 300, 0.59 without it).
        ModelConfig(
            n_embd=96, n_layer=2, n_head=4, block_size=32, direct_ngrams=4, trigram_rows=2048
        ),
        TrainConfig(
            batch_size=80,  # on two threads a step of 80 costs little more than one of 64
            max_iters=500,
            optimizer="muon",
            learning_rate=3e-2,
            muon_lr=0.04,
            warmup_iters=5,
            decay="linear",
            bf16=True,
            fused_adamw=True,
            ema=0.97,
            eval_interval=50,
            # Words first show at about step 20 (7 of 12 sample seeds; 10 of 12 by step 50):
            # early looks put the first one on screen within seconds. Sixth round: with the
            # letter counts the exhibit's sample holds "age" from step 5, so a look there
            # shows it some 15 steps (about 0.7 s with a checkpoint) sooner.
            early_evals=(5, 20, 30, 40),
            # At its full rate the four-gram table reaches 2.0 sooner still (43-46 steps) but
            # ends at 1.742 and weakens the previous-character head (0.31 at step 100).
            lr_scales=(("fourgram", 0.5),),
        ),
    ),
    "long": Preset(
        "long",
        "The long demo: width 128, 3 layers, 4 heads, context 64: a minute to text that reads "
        "like lines of a play.",
        # Fourth round (docs/performance.md): a slower average (0.985) reaches 1.6 some 100
        # steps sooner than 0.97; 1,150 steps is what two threads run in a minute. Eighth
        # round: schedules that end sooner (850, 1,000 steps) end worse than this one at the
        # same step, so a run that a slow host cuts short is not helped by ending its decay
        # sooner; query, key and value orthogonalised apart with AdamW at 3e-2 took 900-950
        # steps to 1.6 on one thread (1,000-1,100 as here) but no less time on two threads.
        ModelConfig(n_embd=128, n_layer=3, n_head=4, block_size=64),
        TrainConfig(
            batch_size=32,
            max_iters=1150,
            optimizer="muon",
            learning_rate=2e-2,
            muon_lr=0.03,
            warmup_iters=10,
            decay="linear",
            bf16=True,
            fused_adamw=True,
            ema=0.985,
            eval_interval=50,
            early_evals=(25,),
        ),
    ),
    "medium": Preset(
        "medium",
        "Width 128, 4 layers, 4 heads: nanoGPT's CPU shape, slower to start, better at the end.",
        ModelConfig(n_embd=128, n_layer=4, n_head=4, block_size=64),
        TrainConfig(
            batch_size=12,
            max_iters=2000,
            learning_rate=1e-3,
            eval_interval=100,
            weight_decay=0.1,
            warmup_iters=100,
        ),
    ),
}
DEFAULT_PRESET = "quick"  # the exhibit's run: Watch It Learn, Attention Cinema, the bench
LONG_PRESET = "long"  # the long demo the exhibit offers

OPTIMIZERS = ("adamw", "muon")
ACTIVATIONS = ("relu", "gelu")
MAX_DIRECT_NGRAMS = 4  # unigram bias, bigram, trigram and four-gram tables
DECAYS = ("cosine", "linear")


def _invalid(message: str) -> LLMBreakerError:
    return LLMBreakerError(INVALID_CONFIG, message)


def validate_train(cfg: TrainConfig) -> TrainConfig:
    """Reject training settings outside the design's bounds, with a message that says which."""
    if not MIN_BATCH_SIZE <= cfg.batch_size <= MAX_BATCH_SIZE:
        raise _invalid(
            f"Batch size must be {MIN_BATCH_SIZE}-{MAX_BATCH_SIZE} (got {cfg.batch_size})."
        )
    if not MIN_ITERS <= cfg.max_iters <= MAX_ITERS:
        raise _invalid(f"Iterations must be {MIN_ITERS:,}-{MAX_ITERS:,} (got {cfg.max_iters:,}).")
    if not 0 < cfg.learning_rate <= MAX_LEARNING_RATE:
        raise _invalid(
            f"Learning rate must be above 0 and at most {MAX_LEARNING_RATE} "
            f"(got {cfg.learning_rate})."
        )
    if cfg.optimizer not in OPTIMIZERS:
        names = ", ".join(OPTIMIZERS)
        raise _invalid(f"Unknown optimizer '{cfg.optimizer}'. Choose one of: {names}.")
    if cfg.decay not in DECAYS:
        raise _invalid(f"Unknown decay '{cfg.decay}'. Choose one of: {', '.join(DECAYS)}.")
    if not 0 < cfg.muon_lr <= 1:
        raise _invalid(f"Muon learning rate must be above 0 and at most 1 (got {cfg.muon_lr}).")
    if cfg.eval_interval < MIN_EVAL_INTERVAL:
        raise _invalid(
            f"Eval interval must be at least {MIN_EVAL_INTERVAL} (got {cfg.eval_interval})."
        )
    if not 0 <= cfg.ema < 1:
        raise _invalid(f"Weight averaging must be in [0, 1) (got {cfg.ema}).")
    if cfg.eval_batches < 1:
        raise _invalid(f"Eval batches must be at least 1 (got {cfg.eval_batches}).")
    if not 0 < cfg.temperature <= 2:
        raise _invalid(f"Temperature must be above 0 and at most 2 (got {cfg.temperature}).")
    if cfg.patience < 0:
        raise _invalid(f"Patience must be 0 (off) or more checkpoints (got {cfg.patience}).")
    if any(scale <= 0 for _, scale in cfg.lr_scales):
        raise _invalid(f"Learning-rate multipliers must be above 0 (got {cfg.lr_scales}).")
    if not 0 < cfg.val_fraction < 0.5:
        raise _invalid(f"Validation share must be between 0 and 0.5 (got {cfg.val_fraction}).")
    available = cores()
    if not 1 <= cfg.threads <= available:
        raise _invalid(
            f"Threads must be 1-{available}, the cores this machine has (got {cfg.threads})."
        )
    return cfg


def cores() -> int:
    """CPU cores this process may use (its affinity, not the whole machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def validate_model(cfg: ModelConfig) -> ModelConfig:
    """Reject model shapes that cannot be built."""
    if cfg.n_embd < 1 or cfg.n_layer < 1 or cfg.n_head < 1 or cfg.block_size < 2:
        raise _invalid("Width, layers, heads must be at least 1 and context at least 2.")
    if cfg.n_embd % cfg.n_head:
        raise _invalid(f"Width {cfg.n_embd} must divide evenly into {cfg.n_head} heads.")
    if cfg.block_size > MAX_CONTEXT:
        raise _invalid(f"Context length must be at most {MAX_CONTEXT} (got {cfg.block_size}).")
    if not 0 <= cfg.dropout < 1:
        raise _invalid(f"Dropout must be in [0, 1) (got {cfg.dropout}).")
    if not 0 <= cfg.direct_ngrams <= MAX_DIRECT_NGRAMS:
        raise _invalid(
            f"Direct n-gram paths must be 0-{MAX_DIRECT_NGRAMS} (got {cfg.direct_ngrams})."
        )
    if cfg.trigram_rows < 0:
        raise _invalid(f"Trigram rows must be 0 (one per pair) or more (got {cfg.trigram_rows}).")
    if cfg.activation not in ACTIVATIONS:
        names = ", ".join(ACTIVATIONS)
        raise _invalid(f"Unknown activation '{cfg.activation}'. Choose one of: {names}.")
    return cfg


def get_preset(name: str) -> Preset:
    """Look up a preset by name, or explain which names exist."""
    try:
        return PRESETS[name]
    except KeyError:
        names = ", ".join(PRESETS)
        raise _invalid(f"Unknown preset '{name}'. Choose one of: {names}.") from None


def with_overrides(cfg, **changes):
    """A copy of a frozen config with the given non-None fields replaced."""
    return replace(cfg, **{k: v for k, v in changes.items() if v is not None})


SPEEDS: dict[str, float] = {"1x": 1.0, "2x": 2.0, "5x": 5.0, "10x": 10.0, "max": 0.0}
SECONDS_PER_STEP_AT_1X = 25.0 / 500  # 1x paces 500 iterations over about 25 s


def step_interval(speed: str) -> float:
    """Seconds between optimiser steps at a named speed; 0 means unthrottled."""
    if speed not in SPEEDS:
        raise _invalid(f"Unknown speed '{speed}'. Choose one of: {', '.join(SPEEDS)}.")
    factor = SPEEDS[speed]
    return 0.0 if factor == 0 else SECONDS_PER_STEP_AT_1X / factor


@dataclass(frozen=True)
class SessionConfig:
    """Everything a worker needs to train one session."""

    model: ModelConfig
    train: TrainConfig
    dataset: str | None = None  # a prepared or built-in corpus name ...
    text: str | None = None  # ... or the visitor's own text
    label: str = ""  # what the header calls this session
    prompt: str | None = None  # fixed sample prompt; None picks one from the corpus
    probe: str | None = None  # fixed attention probe; None uses the default probe
    speed: str = "max"
    start_paused: bool = False
    base: str | None = None  # weights to start from (llmbreaker/base_model.py), else random
    before_length: int = 0  # with a base: characters the untouched base writes first
    frozen: tuple[str, ...] = ()  # parameter-name prefixes that training leaves as they are


def session_config(
    preset: str = DEFAULT_PRESET,
    *,
    dataset: str | None = None,
    text: str | None = None,
    label: str = "",
    speed: str = "max",
    start_paused: bool = False,
    prompt: str | None = None,
    probe: str | None = None,
    **train_overrides,
) -> SessionConfig:
    """Build and validate a session from a preset, a corpus and optional training overrides."""
    base = get_preset(preset)
    model_over = {
        k: train_overrides.pop(k)
        for k in list(train_overrides)
        if k in ModelConfig.__dataclass_fields__
    }
    model = validate_model(with_overrides(base.model, **model_over))
    train = validate_train(with_overrides(base.train, **train_overrides))
    if (dataset is None) == (text is None):
        raise _invalid("A session needs exactly one of a dataset name or a text.")
    step_interval(speed)
    return SessionConfig(
        model,
        train,
        dataset,
        text,
        label or dataset or "your text",
        prompt,
        probe,
        speed,
        start_paused,
    )
