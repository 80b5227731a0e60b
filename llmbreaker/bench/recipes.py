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
    # True: the recipe evaluates on its own schedule (both splits every eval_interval steps,
    # eval_batches batches each), inside the clock; the bench's probes are not counted.
    own_evals: bool = False


# nanoGPT's documented CPU run (its README: train.py config/train_shakespeare_char.py
# --device=cpu --compile=False --eval_iters=20 --log_interval=1 --block_size=64
# --batch_size=12 --n_layer=4 --n_head=4 --n_embd=128 --max_iters=2000 --lr_decay_iters=2000
# --dropout=0.0), run through the same trainer. From the config file and train.py's
# defaults: lr 1e-3 to 1e-4 by a cosine over 2,000 steps after 100 of warmup, AdamW betas
# (0.9, 0.99), weight decay 0.1 on matrices and embeddings, clipping at 1.0, float32, no
# biases (LayerNorms included), exact GELU, a head tied to the embedding, an evaluation of
# 20 batches of each split every 250 steps. Differences, all small: its warmup divides by
# 101 where ours divides by 100; its evaluation batches are random, ours spread.
REFERENCE = Recipe(
    "reference",
    ModelConfig(
        n_layer=4,
        n_head=4,
        n_embd=128,
        block_size=64,
        dropout=0.0,
        activation="gelu",
        norm_bias=False,
    ),
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
        eval_interval=250,
        eval_batches=20,
    ),
    own_evals=True,
)


def preset_recipes() -> list[Recipe]:
    return [Recipe(p.name, p.model, p.train) for p in PRESETS.values()]
