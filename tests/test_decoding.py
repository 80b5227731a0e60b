"""The KV-cache decoder agrees with full-sequence forwards, slides at the block size, reports."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from llmbreaker.config import ModelConfig
from llmbreaker.data import Vocab
from llmbreaker.decoding import decode_steps, decode_with_logits
from llmbreaker.errors import LLMBreakerError
from llmbreaker.messages import CacheEvent
from llmbreaker.model import GPT

VOCAB = Vocab.from_text("abcdefghijklmnopqrstuvwxyz .,")
BLOCK = 16


@pytest.fixture(autouse=True)
def one_thread():
    """Tiny ops are fastest on one thread, as the worker runs them; two fight on a busy CPU."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def make_model(seed: int = 0, **changes) -> GPT:
    torch.manual_seed(seed)
    cfg = ModelConfig(vocab_size=len(VOCAB), block_size=BLOCK, n_layer=2, n_head=2, n_embd=16)
    model = GPT(ModelConfig(**{**cfg.__dict__, **changes}))
    # Larger weights than the init so attention is far from uniform and errors would show.
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(3.0)
    return model.eval()


def full_logits(model: GPT, context: str) -> torch.Tensor:
    idx = torch.from_numpy(VOCAB.encode(context))[None, :]
    with torch.no_grad():
        logits, _ = model(idx)
    return logits[0, -1]


def run(model: GPT, prompt: str, length: int, seed: int = 0):
    rng = torch.Generator().manual_seed(seed)
    return list(decode_with_logits(model, VOCAB, prompt, length, generator=rng))


def test_cached_logits_match_full_forward_at_every_step_across_slides():
    model = make_model()
    steps = run(model, "the cat", 40)  # 7 + 40 characters: at least two slides at block 16
    assert sum(step.cache_event == CacheEvent.SLIDE for step, _ in steps) >= 2
    for step, logits in steps:
        assert len(step.context) <= BLOCK
        torch.testing.assert_close(logits, full_logits(model, step.context), atol=1e-5, rtol=0)


def test_slide_keeps_half_a_block_and_is_flagged():
    steps = [s for s, _ in run(make_model(), "abcdefghijklmno", 6)]  # 15 characters
    lengths = [len(s.context) for s in steps]
    assert lengths[:2] == [15, 16]
    assert steps[2].cache_event == CacheEvent.SLIDE and lengths[2] == BLOCK // 2
    assert steps[2].cache_written == BLOCK // 2
    assert [s.cache_event for s in steps] == [
        CacheEvent.INIT,
        CacheEvent.WRITE,
        CacheEvent.SLIDE,
        *[CacheEvent.WRITE] * 3,
    ]
    # The context keeps the text: after the slide it ends with what was sampled.
    assert steps[2].context.endswith(steps[0].char + steps[1].char)


def test_cache_length_and_bytes_follow_the_formula():
    model = make_model()
    n_head, head_size = 2, 16 // 2
    for step in decode_steps(model, VOCAB, "hello", 20, generator=torch.Generator()):
        n = len(step.context)
        assert step.cache_len == (n, n)
        assert step.cache_bytes == (2 * n_head * head_size * n * 4,) * 2
        assert step.cache_max == BLOCK and step.head_size == head_size
        assert step.cache_written == (1 if step.cache_event == CacheEvent.WRITE else n)


def test_step_reports_attention_top_credit_and_norms():
    steps = [s for s, _ in run(make_model(), "a cat", 10)]
    assert [s.index for s in steps] == list(range(10))
    assert [s.done for s in steps] == [False] * 9 + [True]
    for s in steps:
        n = len(s.context)
        assert s.position == n
        assert s.attention.shape == (2, 2, n)
        np.testing.assert_allclose(s.attention.sum(-1), 1.0, atol=1e-5)
        assert len(s.credit) == n and all(math.isfinite(c) for c in s.credit)
        assert len(s.top) == 5 and s.top[0][1] >= s.top[-1][1]
        assert s.prob == pytest.approx(dict(s.top).get(s.char, s.prob), abs=1e-6)
        assert s.qkv_norms.shape == (2, 2, 3) and np.isfinite(s.qkv_norms).all()


def test_weight_change_refills_the_cache_and_stays_exact():
    model = make_model()
    rng = torch.Generator().manual_seed(1)
    decoder = decode_with_logits(model, VOCAB, "the cat", 6, generator=rng)
    next(decoder)
    with torch.no_grad():
        model.blocks[0].attn.qkv.weight.add_(0.1)  # what an optimiser step does in place
    step, logits = next(decoder)
    assert step.cache_event == CacheEvent.REFILL and step.cache_written == len(step.context)
    torch.testing.assert_close(logits, full_logits(model, step.context), atol=1e-5, rtol=0)
    step, logits = next(decoder)
    assert step.cache_event == CacheEvent.WRITE and step.cache_written == 1


def test_long_prompt_is_cropped_to_the_block():
    steps = [s for s, _ in run(make_model(), "abcdefghijklmnopqrstuvwxyz", 2)]
    assert steps[0].context == "klmnopqrstuvwxyz"


@pytest.mark.parametrize(
    ("prompt", "words"), [("", "empty"), ("héllo", "'é'"), ("ABC", "'A', 'B', 'C'")]
)
def test_bad_prompts_raise_one_clear_error(prompt, words):
    with pytest.raises(LLMBreakerError) as info:
        next(decode_steps(make_model(), VOCAB, prompt, 3))
    assert info.value.code == "invalid_prompt" and words in info.value.message


@pytest.mark.parametrize(("order", "rows"), [(3, 0), (3, 11), (4, 0), (4, 11)])
def test_with_direct_ngram_paths_still_exact(order, rows):
    model = make_model(direct_ngrams=order, trigram_rows=rows)
    with torch.no_grad():  # the tables start at zero: fill them so that they count
        for name, p in model.named_parameters():
            if "gram" in name:
                p.normal_()
    for step, logits in run(model, "the cat", 30):
        torch.testing.assert_close(logits, full_logits(model, step.context), atol=1e-5, rtol=0)
        assert len(step.credit) == len(step.context)


def test_without_positions_or_layernorm_still_exact():
    model = make_model(use_positions=False, use_layernorm=False)
    for step, logits in run(model, "dog", 20):
        torch.testing.assert_close(logits, full_logits(model, step.context), atol=1e-5, rtol=0)


def test_the_engine_check_is_torch_free_and_counts_what_it_does_not_show():
    import subprocess
    import sys

    code = (
        "import sys; from llmbreaker.prompts import prompt_error;"
        "e = prompt_error('abc', 'xyzuvwq');"
        "assert e.code == 'invalid_prompt' and ' and 2 more' in e.message, e.message;"
        "assert prompt_error(None, 'anything') is None and prompt_error(None, '') is not None;"
        "assert 'torch' not in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
