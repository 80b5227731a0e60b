"""SessionState folds events; its memory stays bounded however long a session decodes."""

import numpy as np

from llmbreaker import messages as m
from llmbreaker.session_state import DECODE_KEEP, SessionState


def step(char: str) -> m.DecodeStep:
    return m.DecodeStep(0, char, 0.5, (), "", np.zeros((1, 1, 1), np.float32))


def test_decoded_text_is_bounded_and_positions_stay_absolute():
    state = SessionState()
    for i in range(3 * DECODE_KEEP):
        state.apply(step("ab"[i % 2]))
    assert len(state.decode_text) <= 2 * DECODE_KEEP
    assert state.decode_total == 3 * DECODE_KEEP
    mark = state.decode_total
    state.apply(step("z"))
    assert state.decode_since(mark) == "z"


def test_checkpoints_are_kept_in_order_without_duplicates():
    state = SessionState()
    attention = np.zeros((1, 1, 2, 2), np.float32)
    for s in (0, 10, 10, 20):
        state.apply(m.Checkpoint(s, 3.0, 3.0, "x", (0.5,), attention))
    assert [c.step for c in state.checkpoints] == [0, 10, 20]
