"""The Style Transfer base: a character GPT that already knows English, built once, then loaded.

`build()` trains it on modern prose (style_recipe.base_corpus_parts: the State of the Union
addresses and the children's stories) in the fixed alphabet of llmbreaker/charset.py
(`llmbreaker base build` runs it; the result is committed, see docs/style-transfer.md), and
`load_weights()` puts its weights into a fresh model for a visitor's fine-tuning. Torch lives
here, so only the worker and the command line import this module.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path

import torch

from llmbreaker.charset import BASE_CHARS, to_base_charset
from llmbreaker.config import ModelConfig, TrainConfig
from llmbreaker.data import Vocab
from llmbreaker.errors import DATASET_NOT_FOUND, LLMBreakerError
from llmbreaker.style_recipe import (
    BASE_BUILD,
    BASE_PATH,
    BASE_SHAPE,
    base_corpus_parts,
    base_corpus_recipe,
)


def base_vocab(path: str | Path = BASE_PATH) -> Vocab:
    """The alphabet the base was trained with."""
    return Vocab(_read(path)["chars"])


def _read(path: str | Path) -> dict:
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except (OSError, RuntimeError) as exc:
        raise LLMBreakerError(
            DATASET_NOT_FOUND, f"The base model {path} cannot be read ({exc}). "
            "Run: llmbreaker base build"
        ) from None  # fmt: skip


SCALE = ".int8_scale"  # beside a packed matrix: its rows' scales


def pack(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Weights to save: matrices as int8 with one fp16 scale per row, the rest as fp16.

    A width-96 base with context 64 is 238K parameters: 475 KB in fp16, 257 KB this way, under
    the ~300 KB a committed file may take. Rounding each row to 255 levels moved the held-out
    loss of the base by under 0.003 (docs/style-transfer.md).
    """
    packed = {}
    for name, value in state.items():
        value = value.detach().float()
        if value.dim() == 2:
            scale = value.abs().amax(dim=1, keepdim=True).clamp_min(1e-8) / 127
            packed[name] = torch.round(value / scale).to(torch.int8)
            packed[name + SCALE] = scale.to(torch.float16)
        else:
            packed[name] = value.to(torch.float16)
    return packed


def unpack(packed: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The float weights of pack()'s output (fp16 files from older builds pass through)."""
    state = {}
    for name, value in packed.items():
        if name.endswith(SCALE):
            continue
        scale = packed.get(name + SCALE)
        state[name] = value.float() * scale.float() if scale is not None else value.float()
    return state


def load_weights(model: torch.nn.Module, path: str | Path = BASE_PATH) -> dict:
    """Copy the base's weights into model (its context may be shorter); returns the meta."""
    saved = _read(path)
    own = model.state_dict()
    state = {}
    for name, value in unpack(saved["state"]).items():
        target = own[name]
        if name == "pos_emb.weight":
            value = value[: target.shape[0]]  # a shorter context uses the first positions
        state[name] = value.to(target.dtype)
    model.load_state_dict(state)
    return saved["meta"]


def base_corpus() -> str:
    """The base's training text: the corpus parts spread through each other, in its alphabet.

    Each part is cut into pieces and the pieces are laid out by how far through their part
    they are, so a small part is spread evenly over the whole (and the held-out tail has some
    of every part).
    """
    parts = [to_base_charset(text)[0] for text in base_corpus_parts()]
    piece = BASE_BUILD["piece_chars"]
    chunks = [[t[i : i + piece] for i in range(0, len(t), piece)] for t in parts]
    order = sorted(((i + 0.5) / len(c), k, i) for k, c in enumerate(chunks) for i in range(len(c)))
    return "".join(chunks[k][i] for _where, k, i in order)


def build(path: str | Path = BASE_PATH, steps: int | None = None, threads: int = 2, say=print):
    """Train the base from scratch and save it (packed weights, the alphabet, how it was made)."""
    from llmbreaker.trainer import CheckpointResult, Trainer

    corpus = base_corpus()
    steps = steps or BASE_BUILD["steps"]
    train = TrainConfig(
        **{k: v for k, v in BASE_BUILD["train"].items()}, max_iters=steps, threads=threads
    )
    trainer = Trainer(BASE_SHAPE, train, corpus, vocab=Vocab(BASE_CHARS))
    say(
        f"Base: {trainer.model.num_params():,} parameters, {len(corpus):,} characters, "
        f"{steps:,} steps on {threads} thread(s)."
    )
    t0 = time.perf_counter()
    last = None
    for item in trainer.run():
        if isinstance(item, CheckpointResult):
            last = item
            say(f"  step {item.step:>5}: train {item.train_loss:.3f}  val {item.val_loss:.3f}"
                f"  ({time.perf_counter() - t0:.0f} s)")  # fmt: skip
    seconds = time.perf_counter() - t0
    meta = {
        "params": trainer.model.num_params(),
        "corpus_chars": len(corpus),
        "steps": steps,
        "train_loss": round(last.train_loss, 4) if last else None,
        "val_loss": round(last.val_loss, 4) if last else None,
        "seconds": round(seconds, 1),
        "threads": threads,
        "shape": asdict(trainer.model_cfg),
        "corpus": base_corpus_recipe(),
    }
    state = pack(trainer.model.state_dict())
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    torch.save({"chars": BASE_CHARS, "model": asdict(trainer.model_cfg), "state": state,
                "meta": meta}, tmp)  # fmt: skip
    tmp.replace(path)
    say(f"Saved {path} ({path.stat().st_size / 1024:.0f} KB): val loss {meta['val_loss']:.3f}, "
        f"{seconds:.0f} s.")  # fmt: skip
    return meta


def base_shape(path: str | Path = BASE_PATH) -> ModelConfig:
    """The shape the base was saved with."""
    return ModelConfig(**_read(path)["model"])
