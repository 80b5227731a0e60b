"""The Style Transfer training recipe, chosen by measurement (scripts/style_recipe_bench.py).

Width 48, 2 layers, 4 heads, context 32, batch 32, lr 1e-2. What a tiny model does with a
short text depends on its length: 150-300 words are memorised (90%+ of 20-character pieces
copied) unless dropout holds it back, while 1,000 words need every step and no dropout to
show their style. So the steps and the dropout follow the text's length; README has numbers.
"""

from __future__ import annotations

from llmbreaker.config import SessionConfig, session_config

GENERATE_LENGTH = 400  # characters of the final sample, about 70 words
SHORT_TEXT = 1_200  # characters (about 200 words): fewer steps, or the model copies
LONG_TEXT = 4_000  # characters (about 700 words): enough text that dropout only slows it
RECIPE = dict(
    n_embd=48,
    n_layer=2,
    n_head=4,
    block_size=32,
    batch_size=32,
    learning_rate=1e-2,
    warmup_iters=30,
    max_iters=800,  # 20 s at 2x (25 ms a step) when a step takes less than that
    eval_interval=80,  # 10 checkpoints: each costs an eval and a sample
    eval_batches=4,
    sample_length=120,
)


def recipe_for(text: str) -> dict:
    """The recipe fitted to the text's length."""
    recipe = dict(RECIPE, dropout=0.2 if len(text) < LONG_TEXT else 0.0)
    if len(text) < SHORT_TEXT:
        recipe.update(max_iters=500, eval_interval=50)
    return recipe


def style_session_config(text: str, speed: str = "2x", **overrides) -> SessionConfig:
    """A session on the visitor's text with the Style Transfer recipe (overrides for tests)."""
    recipe = {**recipe_for(text), **overrides}
    return session_config("small", text=text, speed=speed, label="your text", **recipe)
