"""The Style Transfer training recipe, chosen by measurement (scripts/style_recipe_bench.py)."""

from __future__ import annotations

from llmbreaker.config import SessionConfig, session_config

GENERATE_LENGTH = 400  # characters of the final sample, about 70 words
# Width 48, 2 layers, 4 heads, context 32, batch 32, lr 1e-2, dropout 0.2: numbers in the README.
RECIPE = dict(
    n_embd=48,
    n_layer=2,
    n_head=4,
    block_size=32,
    batch_size=32,
    learning_rate=1e-2,
    warmup_iters=30,
    max_iters=800,
    dropout=0.2,  # without it 150-300 words are memorised: 100% verbatim at step 800
    eval_interval=80,  # 10 checkpoints: each costs an eval and a sample
    eval_batches=4,
    sample_length=120,
)


def style_session_config(text: str, speed: str = "2x", **overrides) -> SessionConfig:
    """A session on the visitor's text with the Style Transfer recipe (overrides for tests)."""
    recipe = {**RECIPE, **overrides}
    return session_config("small", text=text, speed=speed, label="your text", **recipe)
