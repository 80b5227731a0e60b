"""The live view draws every panel of the mockup, handles keys, and never blocks its caller."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from rich.console import Console

from llmbreaker.tui import OPTIONAL_PARTS, DecodeState, LiveTUI, TrainingState

PANEL_TITLES = [
    "STEP",
    "DECODE LIVE",
    "mRoPE",
    "Q/K/V",
    "Attn",
    "KV",
    "ATTENTION FLOW",
    "VISION INJECTION",
    "TOKEN CREDIT",
    "KV CACHE MEMORY",
    "[P] Pause",
    "[Q] Quit",
]
CONTEXT = "the cat sat on th"


def make_tui(width: int = 160, height: int = 50, **options) -> tuple[LiveTUI, Console]:
    console = Console(record=True, width=width, height=height, force_terminal=True)
    tui = LiveTUI(
        num_layers=4, num_heads=4, max_cache=64, console=console, read_keys=False, **options
    )
    return tui, console


def feed(tui: LiveTUI) -> None:
    rng = np.random.default_rng(0)
    attention = rng.dirichlet(np.ones(len(CONTEXT)), size=(4, 4)).astype(np.float32)
    tui.update_training(TrainingState(step=120, loss=2.31, tokens_per_sec=14200.0))
    tui.update_decode(
        DecodeState(
            step=17,
            token_text="e",
            token_prob=0.62,
            cache_len=17,
            cache_max=64,
            mrope_t=17,
            attention_pattern=attention,
            top=(("e", 0.62), ("a", 0.1)),
            context=CONTEXT,
            layer_cache_len=(17,) * 4,
            layer_cache_bytes=(1088,) * 4,
            head_dim=8,
            qkv_norms=np.ones((4, 4, 3)),
        )
    )
    tui.update_credit(list(CONTEXT), list(rng.normal(size=len(CONTEXT))))


def render_text(tui: LiveTUI, console: Console, width=160, height=50) -> str:
    console.print(tui.render_frame(width, height, now=0.0))
    return console.export_text()


def test_frame_has_every_panel_and_the_data():
    tui, console = make_tui()
    feed(tui)
    text = render_text(tui, console)
    for title in PANEL_TITLES:
        assert title in text, title
    assert 'Tok[17]: "e"  p=0.62' in text
    assert "R: —" in text and "KL: —" in text and "H: —" in text and "W: —" in text
    assert "17/64" in text and "1.1KB" in text and "HIGH IMPACT" in text


def test_empty_view_renders_without_data():
    tui, console = make_tui()
    text = render_text(tui, console)
    assert "DECODE LIVE" in text and "waiting for the first decode step" in text


def test_too_small_terminal_gets_a_message_not_a_broken_layout():
    tui, console = make_tui(width=60, height=20)
    feed(tui)
    text = render_text(tui, console, 60, 20)
    assert "Terminal too small" in text and "DECODE LIVE" not in text


def test_short_terminal_drops_blank_lines_first():
    tui, console = make_tui(width=100, height=42)
    feed(tui)
    text = render_text(tui, console, 100, 42)
    assert "KV CACHE MEMORY" in text and "Terminal too small" not in text


def test_keys_pause_step_cycle_layers_and_quit():
    tui, console = make_tui()
    assert not tui.paused and not tui.take_step()
    tui.handle_key("p")
    assert tui.paused
    tui.handle_key("S")
    assert tui.take_step() and not tui.take_step()
    assert tui.view.layer() == 3
    tui.handle_key("l")
    assert tui.view.layer() == 0
    feed(tui)
    active = [line for line in render_text(tui, console).splitlines() if "ACTIVE" in line]
    assert active[0].startswith("L0")
    tui.handle_key("q")
    assert tui.quit_requested.is_set()


def test_full_queue_drops_without_blocking():
    tui, _ = make_tui(queue_size=5)
    results: list[bool] = []
    feeder = threading.Thread(
        target=lambda: results.extend(tui.update_training(TrainingState(step=i)) for i in range(50))
    )
    feeder.start()
    feeder.join(timeout=60)  # a blocking put would never return
    assert not feeder.is_alive()
    assert results.count(True) == 5 and tui.dropped == 45
    tui.drain()
    assert tui.view.training.step == 4


def test_background_thread_draws_and_stops():
    tui, console = make_tui(screen=False, fps=50)
    assert tui.fps == 20  # capped
    with tui:
        feed(tui)
        deadline = time.monotonic() + 60
        while tui.frames < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
    assert tui.frames >= 3 and tui._thread is None


@pytest.mark.parametrize("pattern", [np.ones((2, 4)) * 0.5, np.ones((6, 4, 10)) / 10])
def test_other_loops_attention_shapes(pattern):
    """A loop may pass (layers, heads) levels, or more layers than the view has."""
    tui, console = make_tui()
    tui.update_decode(DecodeState(step=1, token_text="x", attention_pattern=pattern))
    assert "ATTENTION FLOW" in render_text(tui, console)


def test_parts_a_model_never_has_can_be_hidden_and_the_context_stays():
    tui, console = make_tui(hide=OPTIONAL_PARTS)
    feed(tui)
    text = render_text(tui, console)
    for gone in ("R:", "KL:", "mRoPE", "H: ", "VISION INJECTION", "GPU"):
        assert gone not in text, gone
    assert "CONTEXT" in text and "Pos" in text and "# 17" in text and "loss: 2.310" in text
    assert "credit" in text and "att L3" in text


def test_unknown_part_to_hide_is_refused():
    with pytest.raises(ValueError, match="optional parts"):
        make_tui(hide={"rewards"})


def test_a_decode_without_context_says_what_to_pass():
    tui, console = make_tui()
    tui.update_decode(DecodeState(step=1, token_text="x"))
    text = render_text(tui, console)
    assert "Prompt preparing" not in text and "DecodeState(context=...)" in text


def test_wait_for_step_holds_while_paused_lets_s_through_and_q_ends_it():
    tui, _ = make_tui()
    assert tui.wait_for_step()  # running: at once
    tui.handle_key("p")
    tui.handle_key("s")
    assert tui.wait_for_step()  # one step for the S
    answers: list[bool] = []
    waiter = threading.Thread(target=lambda: answers.append(tui.wait_for_step()))
    waiter.start()
    waiter.join(timeout=0.3)
    assert waiter.is_alive()  # paused, no S: still holding
    tui.handle_key("q")
    waiter.join(timeout=60)
    assert answers == [False]
