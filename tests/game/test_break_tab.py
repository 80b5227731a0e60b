"""Break It through the pilot: keys choose parts, Space trains both, the chart holds two curves."""

import numpy as np
import pytest

from game.app import App
from game.breakit.runs import BROKEN_ID, GHOST_ID
from game.breakit.verdict import progress_line
from game.pilot import FakeClock, Pilot
from llmbreaker import messages as m
from llmbreaker.datasets import list_datasets
from tests.game.conftest import SIZE, exhibit_datasets
from tests.game.game_helpers import colour_count

TRAINING = {"preset": "seed", "max_iters": 40, "eval_interval": 10, "speed": "max"}


class FakeManager:
    """Records what each session was started with and sent; the test feeds events."""

    def __init__(self) -> None:
        self.started, self.sent, self.events, self.closed = {}, [], [], []

    def start(self, config, session_id=None):
        self.started[session_id] = config
        return session_id

    def send(self, sid, command):
        self.sent.append((sid, command))

    def close_session(self, sid, wait=True):
        self.closed.append(sid)

    def poll(self, budget=0.0):
        events, self.events = self.events, []
        return events

    def close(self):
        pass


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """Each test gets an empty ghost cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def fake(cache):
    manager = FakeManager()
    infos = [i for i in list_datasets() if i.name == "tiny"]
    app = App(size=SIZE, clock=FakeClock(), manager=manager, datasets=infos, training=TRAINING)
    pilot = Pilot(app, app.clock)
    pilot.press("enter", frames=2)
    pilot.press("5")
    yield pilot, manager
    app.close()


def checkpoint(step, val, attention_shape=(2, 2, 8, 8)):
    attention = np.full(attention_shape, 1 / attention_shape[-1], dtype=np.float32)
    return m.Checkpoint(step, val + 0.05, val, "the cat sat", (0.5,) * 11, attention, step / 10)


def feed(manager, sid, steps_vals, max_iters=40, done=False):
    info = m.Started(1000, "abc", "probe", "t", max_iters, 2, 2, 100)
    manager.events.append((sid, info))
    manager.events += [(sid, checkpoint(s, v)) for s, v in steps_vals]
    if done:
        last_step, last_val = steps_vals[-1]
        manager.events.append((sid, m.Completed(last_step, last_val + 0.05, last_val, 1.0)))


def test_tab_five_is_break_it_with_its_keys_in_the_help(fake):
    pilot, _ = fake
    assert pilot.tab.id == "break" and pilot.tab.title == "Break It"
    rows = {b.id: b for b in pilot.app.keymap.bindings}
    assert rows["tab5"].key == "5" and rows["break_positions"].scope == "break"
    pilot.press("?")
    assert any(scope == "break" for scope, _, _ in pilot.app.help.drawn_rows)


def test_keys_choose_the_parts_to_break(fake):
    pilot, _ = fake
    tab = pilot.tab
    assert tab.chosen == ["positions"]
    pilot.press("h", "w", "p")
    assert tab.ordered() == ["heads", "width"]
    pilot.press("down", "down", "down", "down", "return")  # from positions (P) to context
    assert tab.ordered() == ["heads", "context", "width"]
    row = tab.switch_list.row_rects["context"]
    tick = (row.x, row.y, row.h, row.h)
    assert colour_count(pilot, pilot.app.screen.get_rect().clip(tick), (245, 158, 11), every=1)


def test_space_starts_both_with_the_same_recipe_and_only_the_model_differs(fake):
    pilot, manager = fake
    pilot.press("h", "space")
    broken, ghost = manager.started[BROKEN_ID], manager.started[GHOST_ID]
    assert broken.model.use_positions is False and broken.model.n_head == 1
    assert ghost.model.use_positions and ghost.model.n_head == 2
    assert broken.train == ghost.train and broken.dataset == ghost.dataset == "tiny"
    assert broken.train.max_iters == 40


def test_space_pauses_and_resumes_both_and_s_steps_both(fake):
    pilot, manager = fake
    pilot.press("space")
    feed(manager, BROKEN_ID, [(0, 4.0)])
    feed(manager, GHOST_ID, [(0, 4.0)])
    pilot.frames(1)
    pilot.press("space")
    assert {(sid, type(c)) for sid, c in manager.sent} == {
        (BROKEN_ID, m.Pause),
        (GHOST_ID, m.Pause),
    }
    manager.events += [(BROKEN_ID, m.Paused(0)), (GHOST_ID, m.Paused(0))]
    pilot.frames(1)
    manager.sent.clear()
    pilot.press("s", "space")
    assert [type(c) for _, c in manager.sent] == [m.Step, m.Step, m.Resume, m.Resume]


def test_nothing_chosen_is_refused_with_a_message(fake):
    pilot, manager = fake
    pilot.press("p", "space")
    assert not manager.started
    assert "Choose at least one part to break first (P/K/N/H/C/W)" in pilot.app.toasts.messages


def test_the_chart_holds_two_curves_and_the_samples_sit_side_by_side(fake):
    pilot, manager = fake
    pilot.press("space")
    feed(manager, BROKEN_ID, [(0, 4.2), (10, 3.6), (20, 3.3)])
    feed(manager, GHOST_ID, [(0, 4.2), (10, 3.0), (20, 2.5)])
    pilot.frames(20)
    chart = pilot.tab.chart
    assert [c.step for c in chart.checkpoints] == [0, 10, 20]
    assert [c.val_loss for c in chart.ghost] == [4.2, 3.0, 2.5]
    frame = pilot.tab.frame()
    assert frame.broken.step == frame.ghost.step == 20
    assert "At step 20: broken 3.30, ghost 2.50 (gap +0.80)" in progress_line(frame)
    faint_cyan = (20, 91, 123)  # the ghost's validation line, 40% cyan over the panel
    assert colour_count(pilot, chart.plot_rect, faint_cyan, tolerance=16, every=1) > 20
    pilot.press("left")
    frame = pilot.tab.frame()
    assert frame.broken.step == frame.ghost.step == 10


def test_a_crash_shows_the_panel_and_r_restarts(fake):
    pilot, manager = fake
    pilot.press("space")
    feed(manager, BROKEN_ID, [(0, 4.0)])
    manager.events.append((BROKEN_ID, m.Error("training_failed", "Training crashed")))
    pilot.frames(1)
    assert pilot.tab.runs.status == "error"
    # The toast names the key this tab restarts with, as its panel does (not Space).
    assert pilot.app.toasts.messages[-1].endswith("Press R to restart.")
    manager.started.clear()
    pilot.press("r")
    assert BROKEN_ID in manager.started


def test_real_workers_train_both_then_the_ghost_comes_from_the_cache(cache):
    clock = FakeClock()
    app = App(size=SIZE, clock=clock, datasets=exhibit_datasets(), training=TRAINING)
    pilot = Pilot(app, clock)
    try:
        pilot.press("enter", frames=2)
        pilot.press("5", "space")
        tab = pilot.tab
        assert pilot.until(lambda: tab.frame().verdict, timeout=240)
        frame = tab.frame()
        assert frame.ghost_mode == "live" and frame.broken.step == frame.ghost.step == 40
        broken = app.sessions.get(BROKEN_ID).state.completed.val_loss
        ghost = app.sessions.get(GHOST_ID).state.completed.val_loss
        assert f"{broken:.2f} against the ghost's {ghost:.2f}" in frame.verdict[1]
        assert pilot.until(lambda: list((cache / "llmbreaker" / "ghosts").glob("*.npz")), 30)
        pilot.press("h", "r")  # heads too; the ghost is the same, so it is replayed
        assert tab.runs.cached is not None and app.sessions.get(GHOST_ID) is None
        assert pilot.until(lambda: tab.frame().verdict, timeout=240)
        assert [c.val_loss for c in tab.chart.ghost][-1] == pytest.approx(ghost)
        assert "a single attention head" in tab.frame().verdict[0]
    finally:
        app.close()


def test_reset_forgets_the_choice_and_the_runs(fake):
    pilot, manager = fake
    pilot.press("h", "space")
    feed(manager, BROKEN_ID, [(0, 4.0)])
    pilot.frames(2)
    pilot.app.sessions.by_id.clear()  # the app stops every session before a reset
    pilot.tab.reset()
    pilot.frames(1)
    assert pilot.tab.chosen == ["positions"] and pilot.tab.runs.broken is None
    assert pilot.tab.frame().status is None and not pilot.tab.chart.checkpoints


def test_following_live_compares_the_newest_step_both_have_reached(fake):
    pilot, manager = fake
    pilot.press("space")
    feed(manager, BROKEN_ID, [(0, 4.2), (10, 3.6), (20, 3.3)])
    feed(manager, GHOST_ID, [(0, 4.2), (10, 3.0)])  # the live ghost is behind
    pilot.frames(2)
    frame = pilot.tab.frame()
    assert frame.broken.step == frame.ghost.step == 10
    assert "At step 10: broken 3.60, ghost 3.00 (gap +0.60)" in progress_line(frame)
