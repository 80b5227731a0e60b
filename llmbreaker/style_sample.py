"""Several samples from one opening in one batch: what the Style Transfer figures are read on.

One 400-character sample is about 70 words: one formal word moves its formality by 10 points
and one missing full stop doubles its sentence length. The before and after figures are read
on SAMPLE_COUNT samples each, written together (a batch costs about what three single samples
do), from the same opening, length, temperature and seed.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from llmbreaker.style_recipe import SAMPLE_COUNT
from llmbreaker.trainer import Trainer


def style_samples(
    trainer: Trainer,
    length: int,
    prompt: str | None = None,
    seed: int = 0,
    count: int = SAMPLE_COUNT,
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The recipe's before or after samples: count of them, at the session's temperature."""
    return sample_batch(trainer, length, count, prompt, seed, trainer.train_cfg.temperature)


@torch.inference_mode()
def sample_batch(
    trainer: Trainer,
    length: int,
    count: int,
    prompt: str | None = None,
    seed: int = 0,
    temperature: float = 1.0,
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """count continuations of the prompt, and the probability of each character of the first."""
    model = trainer.shown  # what the trainer evaluates and shows (its weights' average, if any)
    model.eval()
    prompt = trainer.prompt if prompt is None else prompt
    idx = torch.from_numpy(trainer.vocab.encode(prompt))[None, :].repeat(max(1, count), 1)
    start = idx.shape[1]
    rng = torch.Generator().manual_seed(seed)
    first_probs = []
    for _ in range(length):
        logits, _ = model(idx[:, -trainer.model_cfg.block_size :])
        p = F.softmax(logits[:, -1, :] / temperature, dim=-1)
        nxt = torch.multinomial(p, 1, generator=rng)  # (count, 1)
        first_probs.append(p[0, nxt[0, 0]].item())
        idx = torch.cat([idx, nxt], dim=1)
    texts = tuple(trainer.vocab.decode(row[start:].tolist()) for row in idx)
    return texts, tuple(round(p, 4) for p in first_probs)


def freeze(model: torch.nn.Module, prefixes: tuple[str, ...] | list[str]) -> None:
    """Leave the parameters whose names start with one of prefixes as they are: they get no
    gradient, so the optimisers skip them."""
    for name, p in model.named_parameters():
        if any(name.startswith(prefix) for prefix in prefixes):
            p.requires_grad_(False)
