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


def test_a_stacked_matrix_s_pieces_are_orthogonalised_apart():
    torch.manual_seed(2)
    qkv = torch.nn.Parameter(torch.zeros(3 * 32, 32))
    other = torch.nn.Parameter(torch.zeros(128, 32))
    qkv.grad, other.grad = torch.randn(96, 32), torch.randn(128, 32)
    muon = Muon([{"params": [other]}, {"params": [qkv], "pieces": 3}], lr=0.1, momentum=0.0)
    muon.step()
    for piece, grad in zip(qkv.detach().chunk(3), qkv.grad.chunk(3), strict=True):
        # each piece moves as a (32 x 32) matrix of its own would
        assert torch.allclose(piece, -0.1 * orthogonalise(grad[None], 5)[0], atol=1e-5)
    # the unsplit group is as before: one tall matrix, scaled by sqrt(rows / cols)
    assert torch.allclose(other.detach(), -0.1 * 2 * orthogonalise(other.grad[None], 5)[0])
    # as one (96 x 32) matrix, the same gradient moves each piece differently
    whole = Muon([torch.nn.Parameter(torch.zeros(96, 32))], lr=0.1, momentum=0.0)
    whole.param_groups[0]["params"][0].grad = qkv.grad.clone()
    whole.step()
    first = whole.param_groups[0]["params"][0].detach()[:32]
    assert not torch.allclose(first, qkv.detach()[:32], atol=1e-3)


def test_the_trainer_splits_query_key_and_value_only_when_asked():
    seed = PRESETS["seed"]
    for split in (False, True):
        cfg = TrainConfig(
            **{**seed.train.__dict__, "optimizer": "muon", "threads": 1, "muon_split_qkv": split}
        )
        trainer = Trainer(seed.model, cfg, load_corpus("tiny"))
        muon = trainer.optimizers[0]
        qkv = {id(b.attn.qkv.weight) for b in trainer.model.blocks}
        pieces = {id(p): g["pieces"] for g in muon.param_groups for p in g["params"]}
        assert len(pieces) == 4 * seed.model.n_layer  # every block matrix still on Muon
        assert {pieces[i] for i in qkv} == ({3} if split else {1})
        assert {n for i, n in pieces.items() if i not in qkv} == {1}
        trainer.train_step()
        trainer.train_step()
        assert torch.isfinite(trainer.model.blocks[0].attn.qkv.weight).all()
