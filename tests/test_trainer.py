"""The trainer: loss falls, schedule, checkpoints with samples and attention, small texts."""

import math

import numpy as np

from llmbreaker.config import PRESETS, TrainConfig
from llmbreaker.datasets import load_corpus
from llmbreaker.trainer import CheckpointResult, StepResult, Trainer, lr_at, native_bf16

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


def test_early_checkpoints_come_on_top_of_the_interval():
    trainer = make_trainer(max_iters=100, eval_interval=50, early_evals=(10, 25))
    steps = [r.step for r in trainer.run() if isinstance(r, CheckpointResult)]
    assert steps == [0, 10, 25, 50, 100]


def test_linear_decay_falls_in_a_straight_line_to_the_floor():
    cfg = TrainConfig(
        learning_rate=1e-2, min_lr=0.0, warmup_iters=10, max_iters=110, decay="linear"
    )
    assert math.isclose(lr_at(9, cfg), 1e-2)
    assert math.isclose(lr_at(60, cfg), 5e-3)
    assert math.isclose(lr_at(110, cfg), 0.0, abs_tol=1e-12)
    cosine = TrainConfig(learning_rate=1e-2, min_lr=0.0, warmup_iters=10, max_iters=110)
    assert lr_at(35, cfg) < lr_at(35, cosine)  # a straight line lies under the cosine early


def test_bf16_training_learns_like_float32_where_the_cpu_has_it():
    losses = {}
    for bf16 in (False, True):
        trainer = make_trainer(max_iters=40, bf16=bf16)
        for _ in range(40):
            trainer.train_step()
        losses[bf16] = trainer.split_loss("val")
        assert trainer.bf16 == (bf16 and native_bf16())
    assert abs(losses[True] - losses[False]) < 0.1


def test_the_moving_average_is_what_is_evaluated_and_it_trails_the_weights():
    trainer = make_trainer(max_iters=30, ema=0.9)
    start = [p.clone() for p in trainer.shown.parameters()]
    for _ in range(30):
        trainer.train_step()
    shown, trained = list(trainer.shown.parameters()), list(trainer.model.parameters())
    assert not any(p.requires_grad for p in shown)
    for s0, s, t in zip(start, shown, trained, strict=True):
        assert 0 < (s - t).norm() < (s0 - t).norm()  # between the start and the weights
    averaged = trainer.split_loss("val")
    trainer.shown = trainer.model
    assert trainer.split_loss("val") != averaged


def test_a_short_text_gets_a_shorter_context_and_both_splits():
    text = "the quick brown fox jumps over the lazy dog. " * 6  # 270 characters
    trainer = make_trainer(text, max_iters=10)
    block = trainer.model_cfg.block_size
    assert block < 64
    assert len(trainer.val_data) >= block + 2 and len(trainer.train_data) >= block + 2
    list(trainer.run())


def test_learning_rate_multipliers_scale_their_parameters_rates_all_through_the_schedule():
    trainer = make_trainer(
        max_iters=20, warmup_iters=5, lr_scales=(("blocks.0.", 0.1), ("ln_f.", 10.0))
    )
    rates = {}
    for group in trainer.optimizers[-1].param_groups:
        for p in group["params"]:
            rates[id(p)] = group
    named = dict(trainer.model.named_parameters())
    peak = trainer.train_cfg.learning_rate
    assert math.isclose(rates[id(named["blocks.0.mlp.fc.weight"])]["peak_lr"], peak * 0.1)
    assert math.isclose(rates[id(named["ln_f.bias"])]["peak_lr"], peak * 10)
    assert math.isclose(rates[id(named["blocks.1.mlp.fc.weight"])]["peak_lr"], peak)
    assert rates[id(named["ln_f.bias"])]["weight_decay"] == 0.0
    for _ in range(3):
        trainer.train_step()
    group = rates[id(named["blocks.0.mlp.fc.weight"])]
    assert math.isclose(group["lr"], lr_at(2, trainer.train_cfg) * 0.1)


def test_the_unigram_path_starts_from_the_training_letters_counts_at_the_first_step():
    model = SEED.model.__class__(**{**SEED.model.__dict__, "direct_ngrams": 1})
    cfg = TrainConfig(**{**SEED.train.__dict__, "threads": 1, "max_iters": 5, "ema": 0.9})
    trainer = Trainer(model, cfg, load_corpus("tiny"))
    untrained = next(trainer.run())
    assert untrained.step == 0 and trainer.shown.unigram.abs().sum() == 0  # shown random
    trainer.train_step()
    counts = np.bincount(trainer.train_data.numpy(), minlength=len(trainer.vocab)) + 1.0
    expected = np.log(counts / counts.sum())
    # the trained path has taken one optimiser step since; the shown one most of it
    for path in (trainer.model.unigram, trainer.shown.unigram):
        assert np.abs(path.detach().numpy() - expected).max() < 0.01
