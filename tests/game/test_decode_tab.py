"""The Decode Live tab on a real worker: prompt, growing text, KV bars, rates, steps, refusals."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import subprocess
import sys
import time

import pygame
import pytest

from game.app import App
from game.pilot import FakeClock, Pilot
from game.tabs.decode import DecodeTab
from tests.game.conftest import SIZE, exhibit_datasets
from tests.game.game_helpers import colour_count

# The seed model, trained long enough to still be training while the tests decode.
# Generous real-time limits: a loaded machine may be slow; nothing here asserts on time.
SLOW = 180
TRAINING = {"preset": "seed", "max_iters": 2000, "eval_interval": 10, "speed": "max"}


def press(pilot, key, mod=0, char=""):
    """A key as SDL delivers it: KEYDOWN, then TEXTINPUT for a printable character."""
    pilot.app.inject(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char, scancode=0))
    if char:
        pilot.app.inject(pygame.event.Event(pygame.TEXTINPUT, text=char))
    pilot.frames(1)


def clear_prompt(pilot):
    press(pilot, pygame.K_e, char="e")  # focuses the prompt; its own "e" is not typed
    press(pilot, pygame.K_a, pygame.KMOD_CTRL)
    press(pilot, pygame.K_BACKSPACE)


@pytest.fixture(scope="module")
def pilot():
    """One app for the module: the decode tab, its own seed model trained on Space."""
    clock = FakeClock()
    app = App(size=SIZE, clock=clock, datasets=exhibit_datasets(), training=TRAINING)
    pilot = Pilot(app, clock)
    pilot.press("return", frames=2)
    pilot.press("4")
    yield pilot
    app.close()


def toasts(pilot) -> str:
    return " | ".join(pilot.app.toasts.messages)


def test_without_a_model_it_says_so_then_space_trains_one(pilot):
    tab = pilot.tab
    assert isinstance(tab, DecodeTab) and not tab.box.focused  # so 1-4 still switch tabs
    press(pilot, pygame.K_RETURN)  # Enter on the empty prompt focuses it
    assert tab.box.focused
    pilot.type("the")
    press(pilot, pygame.K_RETURN)
    assert "No model yet" in tab.status()[0]
    press(pilot, pygame.K_ESCAPE)
    assert not tab.box.focused
    pilot.press("space")
    assert pilot.app.sessions.get("decode") is not None
    waiting = ("Starting a training process", "Waiting for a model")  # the worker, then a model
    assert pilot.until(
        lambda: tab.source.model_ready or any(w in tab.status()[0] for w in waiting), SLOW
    )
    assert pilot.until(lambda: tab.source.model_ready, timeout=SLOW)
    assert "Type a prompt and press Enter" in tab.status()[0]


def test_enter_decodes_and_the_text_grows_on_screen(pilot):
    tab = pilot.tab
    press(pilot, pygame.K_RETURN)
    assert tab.source.phase == "decoding" and not tab.box.focused
    pilot.press("+", "+")  # 5 -> 20 -> 50 characters a second keeps the test short
    assert pilot.until(lambda: len(tab.source.text) >= len("the") + 12, timeout=SLOW)
    assert tab.source.text.startswith("the")
    assert not tab.source.state.error
    pilot.frames(1)
    step = tab.source.step
    assert step is not None and step.attention.shape[:2] == tab.source.shape
    text_rect = tab.layout.text_rect
    white = pilot.app.theme.colour["text"]
    assert colour_count(pilot, text_rect, white, tolerance=40) > 100  # glyphs of the text
    assert colour_count(pilot, text_rect, pilot.app.theme.colour["cyan"], tolerance=10) > 20
    assert max(step.cache_len) > 0 and sum(step.cache_bytes) > 0
    bars = colour_count(pilot, tab.layout.kv_rect, pilot.app.theme.colour["light"], every=1)
    assert bars > 50  # the KV fill bars have width


def test_rate_keys_pause_and_single_steps(pilot):
    tab = pilot.tab
    for key, rate in (("-", 20), ("-", 5), ("-", 1), ("-", 1), ("+", 5), ("=", 20), ("+", 50)):
        pilot.press(key)
        assert tab.source.rate == rate
    pilot.press("p")
    assert tab.source.phase == "paused"
    time.sleep(0.3)
    pilot.frames(10)
    before = tab.source.text
    pilot.press(".")
    assert pilot.until(lambda: len(tab.source.text) == len(before) + 1, timeout=SLOW)
    assert tab.source.text.startswith(before)
    pilot.press(".")
    assert pilot.until(lambda: len(tab.source.text) == len(before) + 2, timeout=SLOW)
    pilot.press("p")
    assert tab.source.phase == "decoding"
    assert pilot.until(lambda: len(tab.source.text) > len(before) + 4, timeout=SLOW)
    layer = tab.frame().layer
    pilot.press("l")
    assert tab.frame().layer == (layer + 1) % tab.source.shape[0]


def test_empty_prompt_is_refused_with_a_message(pilot):
    tab = pilot.tab
    clear_prompt(pilot)
    press(pilot, pygame.K_RETURN)
    status, refused = tab.status()
    assert refused and "empty" in status
    assert "empty" in toasts(pilot)
    assert pilot.app.running


def test_unknown_character_is_refused_with_the_engines_message(pilot):
    tab = pilot.tab
    pilot.type("hi ")
    press(pilot, pygame.K_BACKQUOTE, pygame.KMOD_SHIFT, char="~")
    press(pilot, pygame.K_RETURN)
    assert pilot.until(lambda: "never seen" in tab.status()[0], timeout=SLOW)
    assert tab.status()[1] and "'~'" in tab.status()[0]
    assert "never seen" in toasts(pilot)
    pilot.frames(5)
    assert pilot.app.running and isinstance(pilot.tab, DecodeTab)
    assert tab.source.phase == "idle"


def test_the_tab_never_imports_torch():
    code = (
        "import os; os.environ['SDL_VIDEODRIVER'] = 'dummy'; import sys, game.tabs.decode, "
        "game.decode.layout; assert 'torch' not in sys.modules, 'torch imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
