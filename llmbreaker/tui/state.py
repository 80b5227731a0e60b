"""The plain data a training loop hands the live view: one decode step, one training step."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class DecodeState:
    """One sampled token and what the model did to produce it; unknown fields stay None."""

    step: int = 0  # position of the sampled token in the sequence
    token_id: int = 0
    token_text: str = ""
    token_prob: float = 0.0
    cache_len: int = 0  # cached positions (the largest layer's)
    cache_max: int = 0  # positions the cache can hold
    active_layer: int = 0  # layer the flow strip shows; L cycles it in the view
    active_head: int = 0  # head the flow strip shows
    mrope_t: int | None = None  # mRoPE temporal position; a dash when None
    mrope_h: int | None = None  # mRoPE height; a character model has none
    mrope_w: int | None = None  # mRoPE width; a character model has none
    attention_pattern: Any = None  # (layers, heads, context) weights, or (layers, heads) levels
    # Extensions beyond the original spec, all optional.
    top: tuple[tuple[str, float], ...] = ()  # the most likely tokens and their probabilities
    context: tuple[str, ...] | str = ()  # tokens the model attended over
    layer_cache_len: tuple[int, ...] = ()  # cached positions per layer
    layer_cache_bytes: tuple[int, ...] = ()  # bytes of keys and values per layer
    cache_written: int = 1  # positions written this step
    cache_event: str = "write"  # init, write, slide, refill or cleared
    head_dim: int | None = None  # width of one head's query/key/value
    qkv_norms: Any = None  # (layers, heads, 3) lengths of the new query, key and value


@dataclass
class TrainingState:
    """The latest training step; metrics a loop does not have (reward, KL) stay None."""

    step: int = 0
    reward_mean: float | None = None
    reward_std: float | None = None
    kl: float | None = None
    loss: float | None = None
    tokens_per_sec: float | None = None
    gpu_util: float | None = None  # percent
    # Extensions beyond the original spec, all optional.
    max_steps: int | None = None
    val_loss: float | None = None
    status: str = ""  # a word or two: training, paused, decoding, done


@dataclass
class CreditState:
    """Credit of each context token for the latest choice."""

    tokens: list[str] = field(default_factory=list)
    credits: list[float] = field(default_factory=list)
