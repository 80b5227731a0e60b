"""Break It's engine side: each switch builds a model that trains, symptoms and captions."""

import math

import numpy as np
import pytest
import torch

from llmbreaker.break_symptoms import (
    Comparison,
    caption,
    corpus_words,
    previous_char_focus,
    real_words,
)
from llmbreaker.breaks import SWITCHES, broken_model, parse_switches
from llmbreaker.config import PRESETS, TrainConfig
from llmbreaker.datasets import load_corpus
from llmbreaker.errors import LLMBreakerError
from llmbreaker.trainer import Trainer

SMALL = PRESETS["small"]


def trainer_for(switches, max_iters=10):
    cfg = TrainConfig(**{**SMALL.train.__dict__, "threads": 1, "max_iters": max_iters})
    return Trainer(broken_model(SMALL.model, switches), cfg, load_corpus("tiny"))


@pytest.mark.parametrize("name", list(SWITCHES))
def test_each_switch_builds_a_model_that_trains_a_step(name):
    trainer = trainer_for([name])
    before = [p.detach().clone() for p in trainer.model.parameters()]
    result = trainer.train_step()
    assert math.isfinite(result.loss)
    moved = [not torch.equal(a, b) for a, b in zip(before, trainer.model.parameters(), strict=True)]
    assert all(moved)
    checkpoint = trainer.checkpoint()
    assert math.isfinite(checkpoint.val_loss) and len(checkpoint.sample) > 0


def test_each_switch_changes_what_it_says():
    model = trainer_for(["positions"]).model
    assert model.pos_emb is None
    model = trainer_for(["layernorm"]).model
    assert not any(isinstance(m, torch.nn.LayerNorm) for m in model.modules())
    assert not trainer_for(["residual"]).model.blocks[0].residual
    assert trainer_for(["heads"]).model_cfg.n_head == 1
    assert trainer_for(["context"]).model_cfg.block_size == 4  # not raised to the usual floor
    assert trainer_for(["width"]).model_cfg.n_embd == 8


def test_several_switches_at_once():
    cfg = broken_model(SMALL.model, ["positions", "heads", "width"])
    assert (cfg.use_positions, cfg.n_head, cfg.n_embd) == (False, 1, 8)
    assert cfg.use_residual and cfg.use_layernorm and cfg.block_size == SMALL.model.block_size


def test_a_narrow_width_keeps_heads_that_divide_it():
    cfg = broken_model(PRESETS["seed"].model.__class__(n_embd=48, n_head=3), ["width"])
    assert cfg.n_embd == 8 and cfg.n_embd % cfg.n_head == 0


def test_parse_switches_orders_and_refuses_unknown_names():
    assert parse_switches(" residual,Positions ") == ("positions", "residual")
    with pytest.raises(LLMBreakerError, match="Cannot break wings. Choose from: positions"):
        parse_switches("positions,wings")
    with pytest.raises(LLMBreakerError, match="Cannot break nothing"):
        parse_switches(",")


def test_previous_char_focus_finds_the_sharpest_head():
    t = 6
    uniform = np.tril(np.ones((t, t))) / np.arange(1, t + 1)[:, None]
    previous = np.eye(t, k=-1)
    previous[0, 0] = 1.0
    attention = np.stack([np.stack([uniform, previous])]).astype(np.float32)  # (1, 2, T, T)
    assert previous_char_focus(attention) == pytest.approx(1.0)
    assert previous_char_focus(attention[:, :1]) == pytest.approx(np.mean(1 / np.arange(2, 7)))


def test_real_words_counts_words_of_the_corpus():
    words = corpus_words("To be, or not to be: that is the question.")
    assert real_words("to bee or not tob BE", words) == (4, 6)
    assert real_words("...", words) == (0, 0)


def comparison(switches, broken_val, ghost_val, **kw):
    base = dict(broken_words=(5, 20), ghost_words=(15, 20), broken_focus=0.1, ghost_focus=0.8)
    return Comparison(tuple(switches), broken_val, ghost_val, **{**base, **kw})


def test_caption_follows_the_measured_direction():
    worse = caption(comparison(["positions"], 2.1, 1.6))
    assert "no position embeddings, the model learned worse" in worse[0]
    assert "2.10 against the ghost's 1.60 (+0.50" in worse[1]
    assert "No head finds the previous character" in worse[2] and "10%" in worse[2]
    same = caption(comparison(["layernorm"], 1.61, 1.60))
    assert "With no LayerNorm" in same[0] and "barely mattered" in same[0]
    assert same[2] == "Fewer real words in its sample: 5 of 20, against 15 of 20 in the ghost's."
    shared = caption(comparison(["heads"], 1.7, 1.6, broken_focus=0.47, ghost_focus=0.84))
    assert "must share out its attention" in shared[2] and "47%" in shared[2]
    kept = caption(comparison(["heads"], 1.7, 1.6, broken_focus=0.8))
    assert "still watches the previous character" in kept[2]
    alike = caption(comparison(["width"], 1.7, 1.6, broken_words=(14, 20)))
    assert alike[2].startswith("About as many real words")
