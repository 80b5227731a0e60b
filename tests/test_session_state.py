"""SessionState folds events; its memory stays bounded however long a session decodes."""

import numpy as np

from llmbreaker import messages as m
from llmbreaker.session_state import DECODE_KEEP, SessionState


def step(char: str, decode_id: int = 0) -> m.DecodeStep:
    attention = np.zeros((1, 1, 1), np.float32)
    return m.DecodeStep(0, char, 0.5, (), "", attention, decode_id=decode_id)


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


def test_steps_of_a_replaced_decode_are_told_apart_by_id():
    state = SessionState()
    for event in [step("a", 1), step("b", 1), step("x", 1), step("c", 2), step("y", 1)]:
        state.apply(event)  # "x" was on its way when decode 2 began; "y" came after it
    assert state.decoded_by(2) == "c" and state.last_decode.decode_id == 2
    assert state.decoded_by(1) == "" and state.decoded_by(0) == ""
    state.apply(step("d", 2))
    assert state.decoded_by(2) == "cd" and state.decode_total == 5


def test_statuses_are_string_enums_that_survive_pickling():
    import pickle

    state = SessionState()
    state.apply(m.Stopped(3))
    assert state.status is m.Status.STOPPED and state.status == "stopped"
    event = pickle.loads(pickle.dumps(step("a", 7)))
    assert event.decode_id == 7 and event.cache_event is m.CacheEvent.WRITE


def test_pause_carries_the_step_it_stopped_at():
    """Metrics are coalesced: the pause itself says where training stopped."""
    state = SessionState()
    state.apply(m.Metrics(7, 2.5, 1e-3, 1000.0))
    state.apply(m.Paused(10))
    assert state.status == "paused" and state.step == 10
    state.apply(m.Stepped(11, 2.4))
    assert state.step == 11
