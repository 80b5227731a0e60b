"""Hyper-parameter validation: every bound rejected with a clear message and code."""

import pytest

from llmbreaker.config import get_preset, session_config, step_interval
from llmbreaker.errors import INVALID_CONFIG, LLMBreakerError


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"batch_size": 0}, "Batch size must be 1-128"),
        ({"batch_size": 129}, "Batch size must be 1-128"),
        ({"max_iters": 9}, "Iterations must be 10-10,000"),
        ({"max_iters": 10_001}, "Iterations must be 10-10,000"),
        ({"learning_rate": 0.0}, "Learning rate must be above 0"),
        ({"learning_rate": 0.2}, "at most 0.1"),
        ({"eval_interval": 0}, "Eval interval must be at least 1"),
        ({"n_embd": 15}, "must divide evenly"),
        ({"threads": 0}, "Threads must be 1-"),
        ({"threads": 100_000}, "Threads must be 1-"),
        ({"decay": "step"}, "Unknown decay 'step'. Choose one of: cosine, linear"),
        ({"activation": "tanh"}, "Unknown activation 'tanh'. Choose one of: relu, gelu"),
        ({"direct_ngrams": 5}, "Direct n-gram paths must be 0-4"),
        ({"trigram_rows": -1}, "Trigram rows must be 0"),
    ],
)
def test_out_of_bounds_settings_are_rejected(override, message):
    with pytest.raises(LLMBreakerError, match=message) as info:
        session_config("seed", dataset="tiny", **override)
    assert info.value.code == INVALID_CONFIG


def test_limits_themselves_are_accepted():
    cfg = session_config(
        "seed", dataset="tiny", batch_size=128, max_iters=10, learning_rate=0.1, eval_interval=1
    )
    assert cfg.train.batch_size == 128 and cfg.train.learning_rate == 0.1


def test_unknown_names_are_explained():
    with pytest.raises(LLMBreakerError, match="Choose one of: seed"):
        get_preset("huge")
    with pytest.raises(LLMBreakerError, match="Unknown speed"):
        step_interval("3x")
    with pytest.raises(LLMBreakerError, match="exactly one of"):
        session_config("seed")


def test_speeds_pace_500_steps_over_25_seconds_at_1x():
    assert step_interval("1x") * 500 == pytest.approx(25.0)
    assert step_interval("10x") * 500 == pytest.approx(2.5)
    assert step_interval("max") == 0.0


def test_the_exhibit_runs_get_direct_paths_and_nanogpt_s_reference_does_not():
    from llmbreaker.bench.recipes import REFERENCE
    from llmbreaker.style_recipe import BASE_SHAPE

    assert get_preset("quick").model.direct_ngrams == 4
    # Measured (docs/performance.md, fifth round): they slowed `long` after step 200, and the
    # other presets' tabs (Break It, Decode Live, Style Transfer, the game) keep their models.
    for shape in (REFERENCE.model, BASE_SHAPE, get_preset("long").model, get_preset("small").model):
        assert shape.direct_ngrams == 0


def test_the_exhibit_s_presets_fuse_adamw_and_nanogpt_s_reference_does_not():
    from llmbreaker.bench.recipes import REFERENCE

    # nanoGPT fuses AdamW on CUDA only: its CPU run, the bench's reference, loops over tensors.
    assert not REFERENCE.train.fused_adamw
    assert get_preset("quick").train.fused_adamw and get_preset("long").train.fused_adamw
