"""Decode Live: sample one character at a time through a per-layer KV cache, reporting internals.

Each step runs only the newest position through the model: its key and value are appended
to every layer's cache, and its query attends over everything cached. Per step it reports
the sampled character and its probability, the top five, every layer x head's attention over
the context, each layer's cache length and bytes, and token credit.

Cache bytes per layer (batch 1):
    2 (K and V) x n_head x head_size x cached_positions x bytes_per_element (4 for float32)

Slide policy: the model has learned absolute positions 0 .. block_size - 1, so a cached key
is only valid at the position it was computed for. When the context would grow past the
block size, the cache is cleared and the last `block_size // 2` characters are prefilled
again at positions 0 .. keep - 1 (that step's cache_event is SLIDE). Between slides each step
writes one position; a slide costs one prefill of half a block.

Staleness policy: the worker may train between decode steps. Keys and values cached under
old weights would make the cached logits differ from the model's, so each step compares the
parameters' in-place version counters with those at the last forward; if training changed
them, the cache is rebuilt from the current context (cache_event REFILL). The
numbers shown are therefore always exactly the current model's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

import numpy as np
import torch
from torch.nn import functional as F

from llmbreaker.data import Vocab
from llmbreaker.messages import CacheEvent, DecodeStep
from llmbreaker.model import GPT, Block, LayerCache
from llmbreaker.prompts import check_prompt

TOP_K = 5


def cache_bytes(cache: LayerCache) -> int:
    """Bytes of one layer's keys and values: 2 x n_head x head_size x positions x element."""
    k, v = cache  # each (B, nh, T, hs)
    return k.numel() * k.element_size() + v.numel() * v.element_size()


def weights_version(model: torch.nn.Module) -> int:
    """A number that changes whenever any parameter is modified in place (an optimiser step)."""
    return sum(p._version for p in model.parameters())


@contextmanager
def capture_qkv_norms(model: GPT, store: list):
    """While active, append each layer's (nh, 3) q/k/v lengths of the last position to store."""
    n_head = model.cfg.n_head

    def hook(_module, _inputs, output):
        last = output[0, -1].detach()  # (3C,)
        q, k, v = last.view(3, n_head, -1)  # each (nh, hs)
        store.append(torch.stack([q.norm(dim=-1), k.norm(dim=-1), v.norm(dim=-1)], dim=-1))

    blocks = cast("list[Block]", list(model.blocks))  # a ModuleList holds only Blocks here
    handles = [block.attn.qkv.register_forward_hook(hook) for block in blocks]
    try:
        yield store
    finally:
        for handle in handles:
            handle.remove()


def token_credit(model: GPT, ids: list[int], token: int, temperature: float) -> np.ndarray:
    """Gradient of log p(token) w.r.t. each input vector, dotted with that vector: (T,)."""
    idx = torch.tensor(ids, dtype=torch.long)[None, :]  # (1, T)
    with torch.enable_grad():
        x = model.embed(idx).detach().requires_grad_(True)  # (1, T, C)
        logits, _, _ = model.forward_embedded(x)
        logits = model.add_direct(logits, idx)  # the n-gram paths do not depend on x
        logp = F.log_softmax(logits[0, -1] / temperature, dim=-1)[token]
        (grad,) = torch.autograd.grad(logp, x)
    return (grad * x.detach()).sum(-1)[0].numpy().astype(np.float32)  # (T,)


def decode_with_logits(
    model: GPT,
    vocab: Vocab,
    prompt: str,
    length: int,
    temperature: float = 1.0,
    generator: torch.Generator | None = None,
    decode_id: int = 0,
) -> Iterator[tuple[DecodeStep, torch.Tensor]]:
    """Like decode_steps, with each step's next-character logits (vocab,) alongside."""
    check_prompt(vocab.chars, prompt)
    block = model.cfg.block_size
    keep = max(1, block // 2)
    head_size = model.cfg.n_embd // model.cfg.n_head
    ids = [int(i) for i in vocab.encode(prompt)[-block:]]
    caches: list[LayerCache] | None = None
    version = None
    for index in range(length):
        event = CacheEvent.INIT if caches is None else CacheEvent.WRITE
        if len(ids) > block:
            ids = ids[-keep:]
            caches, event = None, CacheEvent.SLIDE
        current = weights_version(model)
        if caches is not None and current != version:
            caches, event = None, CacheEvent.REFILL
        was_training = model.training
        model.eval()
        norms: list[torch.Tensor] = []
        with torch.no_grad(), capture_qkv_norms(model, norms):
            if caches is None:  # prefill the whole context at positions 0 .. T - 1
                written = len(ids)
                x = model.embed(torch.tensor(ids)[None, :], 0)  # (1, T, C)
            else:  # one new position, appended at the end of every layer's cache
                written = 1
                x = model.embed(torch.tensor(ids[-1:])[None, :], len(ids) - 1)  # (1, 1, C)
            logits, weights, caches = model.forward_embedded(x, caches, need_weights=True)
            logits = model.add_direct(logits, torch.tensor(ids)[None, :])
        version = current
        next_logits = logits[0, -1]  # (vocab,)
        probs = F.softmax(next_logits / temperature, dim=-1)
        token = int(torch.multinomial(probs, 1, generator=generator))
        top_p, top_i = probs.topk(min(TOP_K, probs.numel()))
        attention = torch.stack([w[0, :, -1, :] for w in weights])  # (L, nh, T)
        credit = token_credit(model, ids, token, temperature)
        model.train(was_training)
        step = DecodeStep(
            position=len(ids),
            char=vocab.chars[token],
            prob=float(probs[token]),
            top=tuple((vocab.chars[int(i)], float(p)) for p, i in zip(top_p, top_i, strict=True)),
            context=vocab.decode(ids),
            attention=attention.numpy().astype(np.float32),
            credit=tuple(float(c) for c in credit),
            cache_len=tuple(k.size(2) for k, _ in caches),
            cache_bytes=tuple(cache_bytes(c) for c in caches),
            cache_event=event,
            done=index == length - 1,
            index=index,
            cache_max=block,
            cache_written=written,
            head_size=head_size,
            qkv_norms=torch.stack(norms).numpy().astype(np.float32),  # (L, nh, 3)
            decode_id=decode_id,
        )
        yield step, next_logits
        ids.append(token)


def decode_steps(
    model: GPT,
    vocab: Vocab,
    prompt: str,
    length: int,
    temperature: float = 1.0,
    generator: torch.Generator | None = None,
    decode_id: int = 0,
) -> Iterator[DecodeStep]:
    """Generate `length` characters after prompt, one DecodeStep per character."""
    steps = decode_with_logits(model, vocab, prompt, length, temperature, generator, decode_id)
    for step, _logits in steps:
        yield step
