"""Muon: momentum whose update is orthogonalised by a Newton-Schulz iteration, for 2-D weights.

Each hidden matrix moves by an update with every singular value near one, so no direction
of the matrix learns much slower than another. It halves the steps a small GPT needs
(docs/performance.md). Matrices of the same shape are orthogonalised together, one batched
matrix product per iteration, because on a CPU the cost is in the number of small products.
"""

from __future__ import annotations

import torch

# Quintic iteration coefficients that push singular values in (0, 1] towards 1 in few steps
# (published with Muon by Keller Jordan, 2024).
_A, _B, _C = 3.4445, -4.7750, 2.0315


def orthogonalise(g: torch.Tensor, steps: int) -> torch.Tensor:
    """An approximately orthogonal matrix for each (rows, cols) slice of g: (n, rows, cols)."""
    x = g / (g.norm(dim=(-2, -1), keepdim=True) + 1e-7)
    tall = g.size(-2) > g.size(-1)
    if tall:
        x = x.mT
    x = x.contiguous()  # the iteration works on the short side: (n, small, large)
    for _ in range(steps):
        gram = x @ x.mT
        poly = torch.baddbmm(gram, gram, gram, beta=_B, alpha=_C)  # b*G + c*G@G
        x = torch.baddbmm(x, poly, x, beta=_A)  # a*X + poly@X
    return x.mT if tall else x


class Muon(torch.optim.Optimizer):
    """Nesterov momentum, orthogonalised, for 2-D parameters only (embeddings stay on AdamW)."""

    def __init__(self, params, lr: float = 0.03, momentum: float = 0.9, ns_steps: int = 5) -> None:
        super().__init__(params, {"lr": lr, "momentum": momentum, "ns_steps": ns_steps})
        for group in self.param_groups:
            if any(p.dim() != 2 for p in group["params"]):
                raise ValueError("Muon updates 2-D weight matrices only")

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            params = [p for p in group["params"] if p.grad is not None]
            if not params:
                continue
            grads = [p.grad for p in params]
            bufs = [self.state[p].setdefault("momentum", torch.zeros_like(p)) for p in params]
            # One call per list rather than per matrix: the matrices are small, the calls not.
            torch._foreach_mul_(bufs, group["momentum"])
            torch._foreach_add_(bufs, grads)
            updates = torch._foreach_add(grads, bufs, alpha=group["momentum"])  # Nesterov
            # Tall matrices are turned on their side, so (64, 256) and (256, 64) share a batch.
            by_side: dict[tuple[int, int], list[tuple[torch.Tensor, torch.Tensor]]] = {}
            for p, update in zip(params, updates, strict=True):
                by_side.setdefault((min(p.shape), max(p.shape)), []).append((p, update))
            for pairs in by_side.values():
                wide = [u.mT if _tall(p) else u for p, u in pairs]
                ortho = orthogonalise(torch.stack(wide), group["ns_steps"])
                # A tall matrix's step is scaled by sqrt(rows / cols).
                scale = [max(1.0, p.size(0) / p.size(1)) ** 0.5 for p, _ in pairs]
                ortho.mul_(torch.tensor(scale).view(-1, 1, 1))
                steps = [o.mT if _tall(p) else o for (p, _), o in zip(pairs, ortho, strict=True)]
                torch._foreach_add_([p for p, _ in pairs], steps, alpha=-group["lr"])


def _tall(p: torch.Tensor) -> bool:
    """More rows than columns."""
    return p.size(0) > p.size(1)
