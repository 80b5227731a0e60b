"""Where the forward pass is, for the flow strip: position, then Q/K/V, attention, KV per layer."""

from __future__ import annotations

STEP_SHOW = 0.8  # seconds the pass takes on screen when the rate is "as fast as possible"
POSITION, QKV, ATTENTION, KV, SAMPLE = "position", "qkv", "attention", "kv", "sample"
LAYER_STAGES = (QKV, ATTENTION, KV)


def pass_stage(age: float, interval: float, n_layer: int) -> tuple[str, int]:
    """(stage, layer) lit `age` seconds into an interval between two characters.

    The interval is split evenly: the new position's embedding, three stages for each layer in
    turn, then sampling, which stays lit until the next character arrives.
    """
    if age < 0 or n_layer < 1:
        return SAMPLE, max(0, n_layer - 1)
    units = 2 + 3 * n_layer
    unit = int(units * age / max(interval, 1e-6))
    if unit <= 0:
        return POSITION, 0
    if unit > 3 * n_layer:
        return SAMPLE, n_layer - 1
    layer, stage = divmod(unit - 1, 3)
    return LAYER_STAGES[stage], layer
