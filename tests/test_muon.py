"""Muon: orthogonalised updates, 2-D weights only, and a trainer that learns with it."""

import pytest
import torch

from llmbreaker.config import PRESETS, TrainConfig
from llmbreaker.datasets import load_corpus
from llmbreaker.muon import _A, _B, _C, Muon, orthogonalise, orthogonalise_all
from llmbreaker.trainer import Trainer


@pytest.mark.parametrize("tall", [True, False])
def test_newton_schulz_pushes_every_singular_value_near_one(tall):
    torch.manual_seed(0)
    g = torch.randn(2, 192, 64) * torch.logspace(-2, 0, 64)  # badly conditioned columns
    g = g if tall else g.mT
    before = torch.linalg.svdvals(g)
    assert (before.max(-1).values / before.min(-1).values).min() > 100
    after = torch.linalg.svdvals(orthogonalise(g, steps=5))
    assert after.min() > 0.6 and after.max() < 1.25


def direct_newton_schulz(g: torch.Tensor, steps: int) -> torch.Tensor:
    """The textbook iteration on the matrix itself, in float64: X <- a X + (b G + c G^2) X."""
    x = g.double()
    tall = x.size(0) > x.size(1)
    x = (x.mT if tall else x) / x.norm()
    for _ in range(steps):
        gram = x @ x.mT
        x = _A * x + (_B * gram + _C * gram @ gram) @ x
    return (x.mT if tall else x).float()


def test_the_gram_space_iteration_equals_the_direct_one_for_every_shape_in_one_call():
    torch.manual_seed(1)
    shapes = [(96, 288), (288, 96), (96, 96), (384, 96), (96, 384), (64, 256), (256, 64), (5, 7)]
    matrices = [torch.randn(*shape) * 0.01 for shape in shapes]
    for steps in (1, 5):
        got = orthogonalise_all(matrices, steps)
        assert [tuple(o.shape) for o in got] == shapes  # same shapes, same order
        for m, o in zip(matrices, got, strict=True):
            assert torch.allclose(o, direct_newton_schulz(m, steps), atol=2e-5)


def test_muon_moves_a_matrix_by_its_learning_rate_whatever_the_gradient_scale():
    for scale in (1e-6, 1.0, 1e3):
        w = torch.nn.Parameter(torch.zeros(32, 32))
        w.grad = torch.randn(32, 32) * scale
        Muon([w], lr=0.1, momentum=0.0).step()
        rms = w.detach().pow(2).mean().sqrt().item()
        assert 0.012 < rms < 0.022  # an orthogonal 32x32 matrix has rms 1/sqrt(32), times lr


def test_muon_refuses_vectors():
    with pytest.raises(ValueError, match="2-D"):
        Muon([torch.nn.Parameter(torch.zeros(4))])


def test_trainer_with_muon_learns_and_keeps_embeddings_on_adamw():
    seed = PRESETS["seed"]
    cfg = TrainConfig(
        **{**seed.train.__dict__, "optimizer": "muon", "threads": 1, "max_iters": 120}
    )
    trainer = Trainer(seed.model, cfg, load_corpus("tiny"))
    muon, adamw = trainer.optimizers
    assert isinstance(muon, Muon) and isinstance(adamw, torch.optim.AdamW)
    in_muon = {id(p) for g in muon.param_groups for p in g["params"]}
    assert id(trainer.model.tok_emb.weight) not in in_muon
    assert len(in_muon) == 4 * seed.model.n_layer  # qkv, attention out, MLP in and out
    before = trainer.split_loss("val")
    while not trainer.done:
        trainer.train_step()
    assert trainer.split_loss("train") < before - 0.8
