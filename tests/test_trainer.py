"""The trainer: loss falls, schedule, checkpoints with samples and attention, small texts."""

import math

import numpy as np

from llmbreaker.config import PRESETS, TrainConfig
from llmbreaker.datasets import load_corpus
from llmbreaker.trainer import CheckpointResult, StepResult, Trainer, lr_at

SEED = PRESETS["seed"]


def make_trainer(text=None, **train):
    cfg = TrainConfig(**{**SEED.train.__dict__, "threads": 1, **train})
    return Trainer(SEED.model, cfg, text or load_corpus("tiny"))


def test_loss_falls_on_a_small_corpus():
    trainer = make_trainer(max_iters=150, eval_interval=150, learning_rate=1e-2)
    checkpoints = [r for r in trainer.run() if isinstance(r, CheckpointResult)]
    assert [c.step for c in checkpoints] == [0, 150]
    first, last = checkpoints
    assert first.val_loss > math.log(len(trainer.vocab)) - 0.3  # untrained: near uniform
    assert last.train_loss < first.train_loss - 0.8
    assert last.val_loss < first.val_loss - 0.5


def test_run_yields_every_step_and_a_checkpoint_each_interval():
    trainer = make_trainer(max_iters=25, eval_interval=10)
    results = list(trainer.run())
    steps = [r.step for r in results if isinstance(r, StepResult)]
    assert steps == list(range(1, 26))
    assert [r.step for r in results if isinstance(r, CheckpointResult)] == [0, 10, 20, 25]


def test_checkpoint_has_sample_probabilities_and_full_attention():
    trainer = make_trainer(max_iters=10, eval_interval=10, sample_length=100)
    c = trainer.checkpoint()
    assert len(c.sample) == 100 and len(c.sample_probs) == 100
    assert all(0 < p <= 1 for p in c.sample_probs)
    cfg = trainer.model_cfg
    assert c.attention.shape == (cfg.n_layer, cfg.n_head, len(trainer.probe), len(trainer.probe))
    assert c.attention.dtype == np.float32
    np.testing.assert_allclose(c.attention.sum(-1), 1.0, atol=1e-5)


def test_same_model_gives_the_same_sample_at_each_checkpoint():
    trainer = make_trainer()
    assert trainer.sample() == trainer.sample()


def test_warmup_then_cosine_to_the_floor():
    cfg = TrainConfig(learning_rate=1e-3, min_lr=1e-4, warmup_iters=50, max_iters=500)
    assert lr_at(0, cfg) == 1e-3 / 50
    assert math.isclose(lr_at(49, cfg), 1e-3)
    assert lr_at(200, cfg) < lr_at(100, cfg) < 1e-3
    assert math.isclose(lr_at(500, cfg), 1e-4)


def test_a_short_text_gets_a_shorter_context_and_both_splits():
    text = "the quick brown fox jumps over the lazy dog. " * 6  # 270 characters
    trainer = make_trainer(text, max_iters=10)
    block = trainer.model_cfg.block_size
    assert block < 64
    assert len(trainer.val_data) >= block + 2 and len(trainer.train_data) >= block + 2
    list(trainer.run())
