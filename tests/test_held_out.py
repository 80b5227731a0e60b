"""The held-out split: the tail, or pieces spread across the text with no window leaking across."""

import string

import pytest
import torch

from llmbreaker.config import PRESETS, TrainConfig, validate_train
from llmbreaker.errors import LLMBreakerError
from llmbreaker.held_out import held_out_spans
from llmbreaker.trainer import Trainer

SEED = PRESETS["seed"]  # context 64
CYCLE = string.ascii_lowercase[:23]  # 23 letters: a gap of 150 is no whole number of cycles


def test_one_piece_is_the_tail():
    assert held_out_spans(1000, 150, 66) == [(850, 1000)]


def test_pieces_are_spread_one_in_each_part_of_the_text_and_hold_the_whole_share():
    spans = held_out_spans(5000, 750, 66, pieces=3)
    assert len(spans) == 3 and sum(end - start for start, end in spans) == 750
    for i, (start, end) in enumerate(spans):
        assert i * 5000 / 3 < start < end < (i + 1) * 5000 / 3  # inside its third
        assert end - start >= 66
    assert spans[-1][1] < 5000 - 600  # the closing lines are not held out
    assert spans[0][0] > 600  # nor the opening


def test_a_short_text_gets_fewer_pieces_each_a_whole_window_down_to_one_in_the_middle():
    assert [e - s for s, e in held_out_spans(1100, 165, 66, pieces=3)] == [83, 82]
    ((start, end),) = held_out_spans(440, 66, 66, pieces=3)
    assert end - start == 66 and abs((start + end) / 2 - 220) <= 1


def marked_text(n: int, spans: list[tuple[int, int]]) -> str:
    """Letters in a cycle, upper case inside the held-out spans: a window that crossed a piece
    or reached into one would show a break in the cycle or the wrong case."""
    held = {i for start, end in spans for i in range(start, end)}
    letters = (CYCLE[i % len(CYCLE)] for i in range(n))
    return "".join(c.upper() if i in held else c for i, c in enumerate(letters))


def in_cycle(window: str) -> bool:
    low = window.lower()
    return all(
        CYCLE.index(b) == (CYCLE.index(a) + 1) % len(CYCLE)
        for a, b in zip(low, low[1:], strict=False)
    )


def test_no_training_window_reaches_into_or_across_a_held_out_piece():
    n, cfg = 3000, TrainConfig(**{**SEED.train.__dict__, "threads": 1, "val_fraction": 0.15})
    cfg = validate_train(TrainConfig(**{**cfg.__dict__, "val_pieces": 3}))
    spans = held_out_spans(n, int(n * 0.15), SEED.model.block_size + 2, pieces=3)
    text = marked_text(n, spans)
    trainer = Trainer(SEED.model, cfg, text)
    assert trainer.held_out == spans and len(spans) == 3
    assert len(trainer.train_data) + len(trainer.val_data) == n
    decode = trainer.vocab.decode
    rng = torch.Generator().manual_seed(0)
    for _ in range(50):
        x, y = trainer.batch("train", rng)
        for row in torch.cat([x, y[:, -1:]], dim=1).tolist():
            window = decode(row)
            assert window.islower() and in_cycle(window)
    for split, case in (("train", str.islower), ("val", str.isupper)):
        x, y = trainer._eval_sets[split]
        windows = [decode(row) for row in torch.cat([x, y[:, -1:]], dim=1).tolist()]
        assert all(case(w) and in_cycle(w) for w in windows)
    assert decode(trainer.val_data.tolist()) == "".join(text[s:e] for s, e in spans)


def test_the_default_split_is_still_the_tail():
    text = marked_text(3000, [])
    cfg = TrainConfig(**{**SEED.train.__dict__, "threads": 1})
    trainer = Trainer(SEED.model, cfg, text)
    n_val = int(3000 * cfg.val_fraction)
    assert trainer.held_out == [(3000 - n_val, 3000)]
    assert trainer.vocab.decode(trainer.val_data.tolist()) == text[-n_val:]


def test_held_out_pieces_are_checked():
    with pytest.raises(LLMBreakerError, match="Held-out pieces"):
        validate_train(TrainConfig(val_pieces=0))
