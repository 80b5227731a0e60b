"""Bad drops, tab switching and dead workers never stop the exhibit or the training."""

import os
import signal

from game_helpers import colour_count, stepping, watch_state

from game.theme import PALETTE


def _training(pilot, **_) -> None:
    pilot.press("enter", frames=2)
    pilot.press("space")
    assert pilot.until(lambda: stepping(pilot), 300)


def test_bad_drop_toasts_and_training_goes_on(make_pilot, tmp_path):
    pilot = make_pilot(speed="2x", max_iters=400)
    _training(pilot)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes(range(256)) * 50)
    before = watch_state(pilot).step
    pilot.drop(bad)
    assert pilot.app.background.wait()  # files are read off the frame loop
    assert any(msg.startswith("broken.txt:") for msg in pilot.app.toasts.messages)
    assert pilot.app.toasts.items[-1].kind == "error"
    pilot.frames(1)
    toast = pilot.app.toasts.drawn[-1].clip(pilot.app.screen.get_rect())
    assert toast.top > pilot.app.screen.get_height() // 10  # below the header and the tab bar
    assert colour_count(pilot, toast, PALETTE["warning"], tolerance=10) > 5  # the toast stripe
    assert pilot.until(lambda: watch_state(pilot).step > before + 3, 120)
    assert watch_state(pilot).status == "running"


def test_good_drop_becomes_a_picker_entry(pilot, tmp_path):
    text = tmp_path / "mine.txt"
    text.write_text("The quick brown fox jumps over the lazy dog. " * 20, encoding="utf-8")
    pilot.press("enter", frames=2)
    pilot.drop(text)
    assert pilot.app.background.wait()
    entry = pilot.tab.picker.selected
    assert entry.title == "Your file: mine.txt" and entry.text and entry.words > 100


def test_tab_switching_keeps_training(make_pilot):
    pilot = make_pilot(speed="2x", max_iters=400)
    _training(pilot)
    for key in "23412341":
        pilot.press(key, frames=3)
        assert pilot.scene.tab.key == key
    before = watch_state(pilot).step
    pilot.press("3")
    assert pilot.until(lambda: watch_state(pilot).step > before + 3, 120)
    pilot.press("1", frames=2)
    assert pilot.tab.id == "watch"


def test_killed_worker_shows_error_panel_and_r_restarts(make_pilot):
    pilot = make_pilot(speed="2x", max_iters=400)
    _training(pilot)
    os.kill(pilot.app.sessions.manager.pid("watch"), signal.SIGKILL)
    assert pilot.until(lambda: watch_state(pilot).status == "error", 120)
    pilot.frames(2)
    right = pilot.tab.areas["right"]
    assert colour_count(pilot, right, PALETTE["warning"], tolerance=10) > 100  # the error panel
    assert any("Press R" in msg for msg in pilot.app.toasts.messages)
    pilot.press("r")
    assert pilot.until(lambda: stepping(pilot), 300)
