"""The character GPT: shapes, parameter count, causality, attention maps and weight tying."""

import pytest
import torch
from torch.nn import functional as F

from llmbreaker.config import PRESETS, ModelConfig
from llmbreaker.model import GPT


def test_seed_preset_has_the_documented_parameter_count():
    # tok 65x16 + pos 64x16 + 2 blocks x (2 LayerNorms 64 + qkv 768 + proj 256 + MLP 2048)
    # + final LayerNorm 32, output head tied to the token embedding
    assert GPT(PRESETS["seed"].model).num_params() == 1040 + 1024 + 2 * 3136 + 32 == 8368


def test_logits_and_loss_shapes():
    model = GPT(ModelConfig(vocab_size=30, block_size=16, n_layer=2, n_head=2, n_embd=16))
    idx = torch.randint(0, 30, (3, 16))
    logits, loss = model(idx, idx)
    assert logits.shape == (3, 16, 30)
    assert loss.ndim == 0 and torch.isfinite(loss)
    assert model(idx)[1] is None


def test_output_head_is_tied_to_the_token_embedding():
    model = GPT(ModelConfig(vocab_size=30, n_embd=16))
    assert model.head.weight.data_ptr() == model.tok_emb.weight.data_ptr()


def test_a_future_token_never_changes_earlier_logits():
    torch.manual_seed(0)
    model = GPT(ModelConfig(vocab_size=20, block_size=12, n_embd=16, n_head=2, n_layer=2)).eval()
    idx = torch.randint(0, 20, (1, 12))
    changed = idx.clone()
    changed[0, -1] = (idx[0, -1] + 1) % 20
    with torch.no_grad():
        a, _ = model(idx)
        b, _ = model(changed)
    torch.testing.assert_close(a[0, :-1], b[0, :-1])
    assert not torch.allclose(a[0, -1], b[0, -1])


def test_attention_maps_are_causal_rows_that_sum_to_one():
    model = GPT(ModelConfig(vocab_size=20, block_size=10, n_embd=16, n_head=4, n_layer=3)).eval()
    maps = model.attention_maps(torch.randint(0, 20, (1, 10)))
    assert maps.shape == (3, 4, 10, 10)
    torch.testing.assert_close(maps.sum(-1), torch.ones(3, 4, 10))
    assert torch.all(maps.triu(diagonal=1) == 0)


def test_explicit_attention_matches_the_fused_kernel():
    torch.manual_seed(1)
    model = GPT(ModelConfig(vocab_size=20, block_size=10, n_embd=16, n_head=2, n_layer=2)).eval()
    x = model.embed(torch.randint(0, 20, (2, 10)))
    fused, _, _ = model.forward_embedded(x)
    explicit, _, _ = model.forward_embedded(x, need_weights=True)
    torch.testing.assert_close(fused, explicit, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("switch", ["use_positions", "use_residual", "use_layernorm"])
def test_break_it_switches_build_and_run(switch):
    cfg = ModelConfig(vocab_size=20, block_size=8, n_embd=16, **{switch: False})
    logits, loss = GPT(cfg)(torch.randint(0, 20, (2, 8)), torch.randint(0, 20, (2, 8)))
    assert torch.isfinite(loss)


def test_nanogpt_switches_use_exact_gelu_and_layernorms_without_a_shift():
    torch.manual_seed(2)
    shape = {"vocab_size": 20, "block_size": 8, "n_embd": 16, "n_layer": 1}
    plain = GPT(ModelConfig(**shape))
    nano = GPT(ModelConfig(**shape, activation="gelu", norm_bias=False))
    assert nano.ln_f.bias is None and plain.ln_f.bias is not None
    assert not any(name.endswith("ln1.bias") for name, _ in nano.named_parameters())
    x = torch.randn(2, 8, 16)
    for model, act in ((nano, F.gelu), (plain, F.relu)):
        mlp = model.blocks[0].mlp
        torch.testing.assert_close(mlp(x), mlp.proj(act(mlp.fc(x))))


def test_too_long_a_sequence_is_refused():
    model = GPT(ModelConfig(vocab_size=20, block_size=8, n_embd=16))
    with pytest.raises(ValueError, match="exceeds block size"):
        model(torch.zeros(1, 9, dtype=torch.long))


@pytest.mark.parametrize("context", [16, 96])  # written-out attention, then the fused kernel
def test_attention_paths_agree_with_the_fused_kernel_forward_and_backward(context):
    torch.manual_seed(0)
    cfg = ModelConfig(vocab_size=20, block_size=context, n_embd=32, n_head=4, n_layer=1)
    attn = GPT(cfg).blocks[0].attn
    x = torch.randn(3, context, 32, requires_grad=True)
    y, _, _ = attn(x)
    y.square().sum().backward()
    ours = x.grad.clone()
    x.grad = None
    q, k, v = attn.qkv(x).split(32, dim=2)
    heads = [t.view(3, context, 4, 8).transpose(1, 2) for t in (q, k, v)]
    fused = torch.nn.functional.scaled_dot_product_attention(*heads, is_causal=True)
    expected = attn.proj(fused.transpose(1, 2).reshape(3, context, 32))
    expected.square().sum().backward()
    torch.testing.assert_close(y, expected, atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(ours, x.grad, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("need_weights", [False, True])
def test_cached_attention_past_the_written_out_limit_matches_a_full_forward(need_weights):
    torch.manual_seed(0)
    model = GPT(ModelConfig(vocab_size=20, block_size=96, n_embd=32, n_head=4, n_layer=2)).eval()
    idx = torch.randint(0, 20, (1, 90))
    with torch.no_grad():
        full, _, _ = model.forward_embedded(model.embed(idx))
        _, _, caches = model.forward_embedded(model.embed(idx[:, :70]), need_weights=need_weights)
        tail, weights, _ = model.forward_embedded(
            model.embed(idx[:, 70:], 70), caches, need_weights=need_weights
        )
    torch.testing.assert_close(tail, full[:, 70:], atol=1e-5, rtol=1e-4)
    if need_weights:
        assert weights[0].shape == (1, 4, 20, 90)
        assert weights[0][0, :, 0, 71:].abs().max() == 0  # the first new query sees no later key


def direct_model(order: int = 3) -> GPT:
    """A small model with direct n-gram paths, the tables filled so that they matter."""
    torch.manual_seed(3)
    model = GPT(ModelConfig(vocab_size=7, block_size=8, n_embd=16, n_head=2, direct_ngrams=order))
    with torch.no_grad():
        for table in (model.unigram, model.bigram, model.trigram, model.fourgram):
            if table is not None:
                (table.weight if isinstance(table, torch.nn.Embedding) else table).normal_()
    return model.eval()


def test_direct_paths_add_their_table_rows_to_the_logits():
    model = direct_model()
    idx = torch.tensor([[2, 5, 1, 1, 6]])
    with torch.no_grad():
        with_paths, _ = model(idx)
        plain, _, _ = model.forward_embedded(model.embed(idx))
    v = 7
    pairs = [v * v + 2, 2 * v + 5, 5 * v + 1, 1 * v + 1, 1 * v + 6]  # the first has no previous
    added = model.unigram + model.bigram.weight[idx[0]] + model.trigram.weight[pairs]
    torch.testing.assert_close(with_paths[0], plain[0] + added)


def test_direct_paths_count_their_parameters_and_start_at_zero():
    cfg = ModelConfig(vocab_size=7, block_size=8, n_embd=16, n_head=2)
    plain = GPT(cfg).num_params()
    for order, extra in [(1, 7), (2, 7 + 49), (3, 7 + 49 + 8 * 49), (4, 7 + 49 + 2 * 8 * 49)]:
        model = GPT(ModelConfig(**{**cfg.__dict__, "direct_ngrams": order}))
        assert model.num_params() == plain + extra
        assert all(p.abs().sum() == 0 for n, p in model.named_parameters() if "gram" in n)
    hashed = GPT(ModelConfig(**{**cfg.__dict__, "direct_ngrams": 3, "trigram_rows": 11}))
    assert hashed.num_params() == plain + 7 + 49 + 11 * 7
    hashed = GPT(ModelConfig(**{**cfg.__dict__, "direct_ngrams": 4, "trigram_rows": 11}))
    assert hashed.num_params() == plain + 7 + 49 + 2 * 11 * 7


def test_hashed_trigram_pairs_share_rows_and_stay_in_the_table():
    model = direct_model()
    hashed = GPT(ModelConfig(**{**model.cfg.__dict__, "trigram_rows": 5})).eval()
    idx = torch.arange(7).repeat(1, 2)[:, :8]  # every character, then the first again
    with torch.no_grad():
        hashed.trigram.weight.copy_(torch.arange(5.0)[:, None].expand(5, 7))  # row r: all r
        rows = hashed.add_direct(torch.zeros(1, 8, 7), idx)[0, :, 0]
    assert set(rows.tolist()) <= set(range(5)) and len(set(rows.tolist())) > 1


def test_the_four_gram_path_adds_the_row_of_each_hashed_triple():
    model = direct_model(order=4)
    idx = torch.tensor([[2, 5, 1, 6]])
    v, rows = 7, model.fourgram.num_embeddings
    # (two back, previous, current); v stands for "no character" before a window's start
    triples = [(v * (v + 1) + v) * v + 2, (v * (v + 1) + 2) * v + 5, (2 * (v + 1) + 5) * v + 1]
    triples.append((5 * (v + 1) + 1) * v + 6)
    hashed = [t * 2654435761 % rows for t in triples]
    with torch.no_grad():
        with_four = model.add_direct(torch.zeros(1, 4, 7), idx)
        model.fourgram.weight.zero_()
        without = model.add_direct(torch.zeros(1, 4, 7), idx)
    expected = direct_model(order=4).fourgram.weight[hashed]
    torch.testing.assert_close((with_four - without)[0], expected)


@pytest.mark.parametrize("order", [3, 4])
def test_a_future_token_never_changes_earlier_logits_through_the_direct_paths(order):
    model = direct_model(order)
    idx = torch.tensor([[1, 2, 3, 4, 5, 6]])
    changed = idx.clone()
    changed[0, -1] = 0
    with torch.no_grad():
        a, _ = model(idx)
        b, _ = model(changed)
    torch.testing.assert_close(a[0, :-1], b[0, :-1])
    assert not torch.allclose(a[0, -1], b[0, -1])


@pytest.mark.parametrize("order", [3, 4])
def test_direct_paths_for_the_last_positions_see_the_characters_before_them(order):
    model = direct_model(order)
    idx = torch.tensor([[4, 0, 3, 2]])
    full = model.add_direct(torch.zeros(1, 4, 7), idx)
    last = model.add_direct(torch.zeros(1, 1, 7), idx)  # as the KV-cached decoder asks
    torch.testing.assert_close(last[0, 0], full[0, -1])
    last_two = model.add_direct(torch.zeros(1, 2, 7), idx)
    torch.testing.assert_close(last_two[0], full[0, -2:])
