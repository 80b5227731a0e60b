"""The character-level GPT: embeddings, pre-norm blocks, tied output head, optional KV cache."""

from __future__ import annotations

import math
from collections.abc import Callable

import torch
import torch.nn as nn
from torch.nn import functional as F

from llmbreaker.config import ModelConfig

# One layer's cached keys and values, each (B, nh, T, hs).
LayerCache = tuple[torch.Tensor, torch.Tensor]


# Up to this context the attention is written out (two batched products and a softmax):
# at 32 characters it costs about half of PyTorch's fused CPU kernel, forward and backward
# (docs/performance.md). Longer contexts use the fused kernel.
EXPLICIT_MAX_CONTEXT = 64


class CausalSelfAttention(nn.Module):
    """Multi-head causal self-attention: written out for short contexts, fused for long ones."""

    causal_bias: torch.Tensor  # a registered buffer (T, T): 0 on and below the diagonal

    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.n_head = cfg.n_head
        self.head_size = cfg.n_embd // cfg.n_head
        self.qkv = nn.Linear(cfg.n_embd, 3 * cfg.n_embd, bias=False)  # Q, K, V in one matmul
        self.proj = nn.Linear(cfg.n_embd, cfg.n_embd, bias=False)
        self.dropout = cfg.dropout
        future = torch.full((cfg.block_size, cfg.block_size), float("-inf")).triu(1)
        self.register_buffer("causal_bias", future, persistent=False)  # -inf above diagonal

    def forward(
        self,
        x: torch.Tensor,
        cache: LayerCache | None = None,
        need_weights: bool = False,
    ) -> tuple[torch.Tensor, torch.Tensor | None, LayerCache]:
        B, T, C = x.shape
        # (B, T, 3C) -> three contiguous (B, nh, T, hs), in one copy rather than three
        qkv = self.qkv(x).view(B, T, 3, self.n_head, self.head_size).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.contiguous().unbind(0)
        past = 0
        if cache is not None:
            past = cache[0].size(2)
            k = torch.cat([cache[0], k], dim=2)  # (B, nh, past + T, hs)
            v = torch.cat([cache[1], v], dim=2)
        # The new queries sit at positions past .. past + T - 1 of the causal mask.
        mask = self.causal_bias[past : past + T, : past + T]
        drop = self.dropout if self.training else 0.0
        weights = None
        if need_weights or past + T <= EXPLICIT_MAX_CONTEXT:
            y, weights = self._written_out(q, k, v, mask, drop)
            weights = weights if need_weights else None
        elif cache is None:
            y = F.scaled_dot_product_attention(q, k, v, dropout_p=drop, is_causal=True)
        else:
            y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        y = y.transpose(1, 2).contiguous().view(B, T, C)  # (B, T, C)
        return self.proj(y), weights, (k, v)

    @staticmethod
    def _written_out(
        q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor, drop: float
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """softmax(QK^T / sqrt(hs) + mask) V as batched products: output and weights.

        q is (B, nh, T, hs); k and v hold S >= T keys; mask is (T, S), -inf where hidden.
        """
        B, nh, T, hs = q.shape
        S = k.size(2)
        q, k, v = q.reshape(B * nh, T, hs), k.reshape(B * nh, S, hs), v.reshape(B * nh, S, hs)
        scores = torch.baddbmm(mask, q, k.transpose(1, 2), alpha=1.0 / math.sqrt(hs))
        weights = scores.softmax(dim=-1)  # (B * nh, T, S)
        mixed = F.dropout(weights, drop) if drop else weights
        y = torch.bmm(mixed, v).view(B, nh, T, hs)
        return y, weights.view(B, nh, T, S)


# ReLU, as the original design has it: on a CPU it costs an eighth of GELU. GELU (exact,
# as nanoGPT's nn.GELU()) is there for the bench's faithful copy of nanoGPT's recipe.
ACTIVATION_FUNCTIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "relu": F.relu,
    "gelu": F.gelu,
}


class MLP(nn.Module):
    """Position-wise feed-forward network, 4x wide."""

    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.fc = nn.Linear(cfg.n_embd, 4 * cfg.n_embd, bias=False)
        self.proj = nn.Linear(4 * cfg.n_embd, cfg.n_embd, bias=False)
        self.dropout = nn.Dropout(cfg.dropout)
        self.act = ACTIVATION_FUNCTIONS[cfg.activation]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.dropout(self.proj(self.act(self.fc(x))))


def layer_norm(cfg: ModelConfig) -> nn.Module:
    """A LayerNorm over the width, or nothing when Break It turns them off."""
    return nn.LayerNorm(cfg.n_embd, bias=cfg.norm_bias) if cfg.use_layernorm else nn.Identity()


class Block(nn.Module):
    """Pre-norm transformer block: x + attn(ln(x)), then x + mlp(ln(x))."""

    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.ln1 = layer_norm(cfg)
        self.attn = CausalSelfAttention(cfg)
        self.ln2 = layer_norm(cfg)
        self.mlp = MLP(cfg)
        self.residual = cfg.use_residual

    def forward(self, x, cache=None, need_weights=False):
        a, weights, new_cache = self.attn(self.ln1(x), cache, need_weights)
        x = x + a if self.residual else a
        m = self.mlp(self.ln2(x))
        x = x + m if self.residual else m
        return x, weights, new_cache


class GPT(nn.Module):
    """Token + position embeddings, n blocks, final LayerNorm, head tied to the embedding;
    optionally direct n-gram paths from the last characters to the logits."""

    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.tok_emb = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.pos_emb = nn.Embedding(cfg.block_size, cfg.n_embd) if cfg.use_positions else None
        self.drop = nn.Dropout(cfg.dropout)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layer))
        self.ln_f = layer_norm(cfg)
        self.head = nn.Linear(cfg.n_embd, cfg.vocab_size, bias=False)
        self.head.weight = self.tok_emb.weight  # weight tying
        v, order = cfg.vocab_size, cfg.direct_ngrams
        # The direct paths start at zero (the trainer sets the unigram from letter counts);
        # the trigram's pairs and the four-gram's triples include "no previous character"
        # (index v) for a window's start. The four-gram's triples are always hashed (there
        # are (v + 1)^2 v of them), into as many rows as the trigram has.
        rows = cfg.trigram_rows or (v + 1) * v
        self.unigram = nn.Parameter(torch.zeros(v)) if order >= 1 else None
        self.bigram = nn.Embedding(v, v) if order >= 2 else None
        self.trigram = nn.Embedding(rows, v) if order >= 3 else None
        self.fourgram = nn.Embedding(rows, v) if order >= 4 else None
        self.apply(self._init_weights)
        for table in (self.bigram, self.trigram, self.fourgram):
            if table is not None:
                nn.init.zeros_(table.weight)
        # Scaled init of the residual projections (GPT-2).
        for name, p in self.named_parameters():
            if name.endswith("proj.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * cfg.n_layer))

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def num_params(self) -> int:
        """Trainable parameters, the tied head counted once."""
        return sum(p.numel() for p in self.parameters())

    def embed(self, idx: torch.Tensor, start: int = 0) -> torch.Tensor:
        """Token plus position vectors for positions start .. start + T."""
        x = self.tok_emb(idx)  # (B, T, C)
        if self.pos_emb is not None:
            pos = torch.arange(start, start + idx.size(1), device=idx.device)
            x = x + self.pos_emb(pos)
        return x

    def forward_embedded(
        self,
        x: torch.Tensor,
        caches: list[LayerCache] | None = None,
        need_weights: bool = False,
    ) -> tuple[torch.Tensor, list[torch.Tensor], list[LayerCache]]:
        """Run the blocks on embedded input: logits, per-layer weights, per-layer caches."""
        x = self.drop(x)
        all_weights, new_caches = [], []
        for i, block in enumerate(self.blocks):
            x, w, c = block(x, None if caches is None else caches[i], need_weights)
            all_weights.append(w)
            new_caches.append(c)
        return self.head(self.ln_f(x)), all_weights, new_caches

    def forward(
        self, idx: torch.Tensor, targets: torch.Tensor | None = None
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Logits (B, T, vocab) and, given targets, the mean cross-entropy."""
        if idx.size(1) > self.cfg.block_size:
            raise ValueError(f"sequence of {idx.size(1)} exceeds block size {self.cfg.block_size}")
        logits, _, _ = self.forward_embedded(self.embed(idx))
        logits = self.add_direct(logits, idx)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.reshape(-1))
        return logits, loss

    def add_direct(self, logits: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
        """logits (B, T', vocab) of the last T' positions of idx (B, T), plus the direct
        n-gram paths' rows (unchanged without them). idx's first character has no previous
        one, as at a training window's start."""
        if self.unigram is None:
            return logits
        n, v = logits.size(1), self.cfg.vocab_size
        idx = idx[:, -(n + 2) :]  # the positions asked for and the two before them
        logits = logits + self.unigram
        current = idx[:, -n:]
        if self.bigram is not None:
            logits = logits + self.bigram(current)
        if self.trigram is not None:
            prev = F.pad(idx[:, :-1], (1, 0), value=v)[:, -n:]  # v: no previous character
            pair = prev * v + current
            if self.cfg.trigram_rows:  # a multiplicative hash spreads the pairs over the rows
                pair = pair * 2654435761 % self.cfg.trigram_rows
            logits = logits + self.trigram(pair)
        if self.fourgram is not None:
            before = F.pad(idx[:, :-2], (2, 0), value=v)[:, -n:]  # two characters back
            triple = (before * (v + 1) + prev) * v + current
            logits = logits + self.fourgram(triple * 2654435761 % self.fourgram.num_embeddings)
        return logits

    @torch.no_grad()
    def attention_maps(self, idx: torch.Tensor) -> torch.Tensor:
        """Attention weights of every layer and head on one sequence: (n_layer, n_head, T, T)."""
        _, weights, _ = self.forward_embedded(self.embed(idx[:1]), need_weights=True)
        return torch.stack([w[0] for w in weights])

    @torch.no_grad()
    def generate(
        self,
        idx: torch.Tensor,
        length: int,
        temperature: float = 1.0,
        generator: torch.Generator | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Sample `length` tokens after idx (1, T): the new tokens and their probabilities."""
        out, probs = [], []
        for _ in range(length):
            context = idx[:, -self.cfg.block_size :]
            logits, _ = self(context)
            p = F.softmax(logits[:, -1, :] / temperature, dim=-1)  # (1, vocab)
            nxt = torch.multinomial(p, 1, generator=generator)  # (1, 1)
            probs.append(p[0, nxt[0, 0]])
            out.append(nxt)
            idx = torch.cat([idx, nxt], dim=1)
        if not out:
            return idx.new_zeros((0,)), torch.zeros(0)
        return torch.cat(out, dim=1)[0], torch.stack(probs)
