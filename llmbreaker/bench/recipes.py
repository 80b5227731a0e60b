"""The recipes the learning-speed bench races: every preset and nanoGPT's CPU reference."""

from __future__ import annotations

from dataclasses import dataclass

from llmbreaker.config import PRESETS, ModelConfig, TrainConfig


@dataclass(frozen=True)
class Recipe:
    """A named model and training configuration for one learning-speed run."""

    name: str
    model: ModelConfig
    train: TrainConfig


# nanoGPT's documented CPU recipe for this corpus, run through the same trainer.
REFERENCE = Recipe(
    "reference",
    ModelConfig(n_layer=4, n_head=4, n_embd=128, block_size=64, dropout=0.0),
    TrainConfig(
        batch_size=12,
        max_iters=2000,
        learning_rate=1e-3,
        min_lr=1e-4,
        beta1=0.9,
        beta2=0.99,
        weight_decay=0.1,
        warmup_iters=100,
        grad_clip=1.0,
        eval_interval=100,
    ),
)


def preset_recipes() -> list[Recipe]:
    return [Recipe(p.name, p.model, p.train) for p in PRESETS.values()]
