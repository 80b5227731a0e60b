"""Attention Cinema's pure parts: colour ramp, blending, timeline and head captions."""

import numpy as np

from game.attention.colormap import colormap, colour_of
from game.attention.head_captions import caption_head
from game.attention.interpolate import blend, step_at
from game.attention.timeline import Timeline

PROBE = "the cat sat on the mat. the cat ran to the hat, and the cat sat."


def test_colormap_endpoints_and_middle_are_exact():
    assert colour_of(0.0) == (255, 255, 255)
    assert colour_of(0.5) == (0x60, 0xA5, 0xFA)
    assert colour_of(1.0) == (0x1E, 0x3A, 0x8A)
    assert colour_of(0.25) == (176, 210, 252)  # halfway to #60A5FA; 252.5 rounds to even
    assert colormap(np.zeros((3, 4))).shape == (3, 4, 3)
    assert colour_of(-1.0) == colour_of(0.0) and colour_of(2.0) == colour_of(1.0)


def test_blend_is_linear_between_checkpoints_and_clamped():
    a, b = np.zeros((1, 1, 2, 2), np.float32), np.ones((1, 1, 2, 2), np.float32)
    assert np.allclose(blend([a, b], 0.5), 0.5)
    assert np.allclose(blend([a, b], 0.25), 0.25)
    assert blend([a, b], 7.0) is b and blend([a, b], -3.0) is a
    assert blend([], 0.0) is None
    assert step_at([0, 50, 100], 1.5) == 75


def test_timeline_follows_live_snaps_and_plays():
    timeline = Timeline()
    timeline.set_count(3)
    for _ in range(60):
        timeline.update(1 / 30)
    assert timeline.position == 2.0  # glided to the newest checkpoint
    timeline.step(-1)
    assert timeline.target == 1.0 and not timeline.follow_live
    timeline.update(1 / 30)
    assert 1.0 < timeline.position < 2.0  # easing, not jumping
    timeline.set_count(4)
    assert timeline.target == 1.0  # scrubbed back: new checkpoints do not pull it away
    timeline.jump_start()
    timeline.update(10.0)
    timeline.update(0.0)
    assert timeline.position == 0.0
    timeline.toggle_play()
    timeline.update(0.5)
    assert timeline.playing and abs(timeline.position - 0.5 * timeline.rate) < 1e-9
    timeline.update(100.0)
    assert not timeline.playing and timeline.position == 3.0 and timeline.follow_live


def test_captions_name_synthetic_heads():
    t = len(PROBE)
    previous = np.eye(t, k=-1, dtype=np.float32)
    previous[0, 0] = 1.0
    assert caption_head(previous, PROBE).kind == "previous"
    start = np.zeros((t, t), np.float32)
    start[:, 0] = 1.0
    assert caption_head(start, PROBE).kind == "start"
    uniform = np.tril(np.ones((t, t), np.float32))
    uniform /= uniform.sum(axis=1, keepdims=True)
    caption = caption_head(uniform, PROBE)
    assert caption.kind == "spread" and caption.text == "spreads out evenly"
    assert caption_head(np.eye(t, dtype=np.float32), PROBE).kind == "self"
    same = np.eye(t, dtype=np.float32) * 0.1
    for q, char in enumerate(PROBE):
        earlier = [k for k in range(q) if PROBE[k] == char]
        if earlier:
            same[q, earlier] += 0.9 / len(earlier)
        else:
            same[q, q] = 1.0
    assert caption_head(same, PROBE).kind == "same"


def test_a_faint_diagonal_is_named_and_nothing_is_yet_once_training_is_over():
    t = len(PROBE)
    uniform = np.tril(np.ones((t, t), np.float32))
    uniform /= uniform.sum(axis=1, keepdims=True)
    faint = 0.7 * uniform + 0.3 * np.eye(t, dtype=np.float32)  # a diagonal you can see
    caption = caption_head(faint, PROBE, finished=True)
    assert caption.kind == "self" and caption.text == "leans toward itself"
    assert caption_head(np.eye(t, dtype=np.float32), PROBE).text == "looks at itself"
    rng = np.random.default_rng(0)
    noisy = np.tril(rng.random((t, t)) ** 8).astype(np.float32)  # peaked rows, no pattern
    noisy /= noisy.sum(axis=1, keepdims=True)
    during, after = caption_head(noisy, PROBE), caption_head(noisy, PROBE, finished=True)
    if during.kind == "mixed":
        assert "yet" in during.text
    assert "yet" not in after.text
