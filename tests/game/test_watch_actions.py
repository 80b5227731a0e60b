"""Watch It Learn's key actions against a fake session manager (no worker processes)."""

import pytest

from game.app import App
from game.pilot import FakeClock, Pilot, key_event
from game.widgets.dataset_picker import PickerEntry
from llmbreaker import messages as m
from llmbreaker.config import LONG_PRESET, PRESETS, session_config
from llmbreaker.datasets import list_datasets

SIZE = (1280, 720)
TRAINING = {"preset": "seed", "max_iters": 40, "eval_interval": 10, "speed": "max"}


class FakeManager:
    """Records commands; the test feeds events."""

    def __init__(self) -> None:
        self.started, self.sent, self.events = [], [], []

    def start(self, config, session_id=None):
        self.started.append((session_id, config))
        return session_id

    def send(self, sid, command):
        self.sent.append(command)

    def poll(self, budget=0.0):
        events, self.events = self.events, []
        return events

    def close(self):
        pass


@pytest.fixture
def fake(tmp_path):
    manager = FakeManager()
    infos = [i for i in list_datasets() if i.name == "tiny"]
    app = App(
        size=SIZE,
        clock=FakeClock(),
        manager=manager,
        datasets=infos,
        training=TRAINING,
        exports_dir=tmp_path / "exports",
    )
    pilot = Pilot(app, app.clock)
    pilot.press("enter", frames=2)
    yield pilot, manager
    app.close()


def started(manager, step=0, max_iters=40):
    info = m.Started(1000, "abc", "probe", "prompt", max_iters, 2, 2, 100)
    manager.events += [("watch", info), ("watch", m.Metrics(step, 3.0, 1e-3, 100.0))]


def test_space_starts_pauses_resumes(fake):
    pilot, manager = fake
    pilot.press("space")
    assert len(manager.started) == 1 and manager.started[0][1].dataset == "tiny"
    started(manager, step=5)
    pilot.frames(1)
    pilot.press("space")
    assert isinstance(manager.sent[-1], m.Pause)
    manager.events.append(("watch", m.Paused(5)))
    pilot.frames(1)
    pilot.press("s", "right")
    assert [type(c) for c in manager.sent[-2:]] == [m.Step, m.Step]
    pilot.press("space")
    assert isinstance(manager.sent[-1], m.Resume)


def test_l_switches_the_next_run_to_the_long_demo_and_back(fake):
    pilot, manager = fake
    pilot.press("l", "space")
    long = manager.started[-1][1]
    assert long.model == PRESETS[LONG_PRESET].model
    assert long.train.max_iters == 40  # the exhibit's overrides still apply
    pilot.press("l", "return", "return")  # back to the configured preset; Enter twice: a run is on
    assert manager.started[-1][1].model == PRESETS["seed"].model


def test_speed_keys_and_stop(fake):
    pilot, manager = fake
    pilot.press("space")
    started(manager)
    pilot.press("f7", "f9", "backspace")
    assert [c for c in manager.sent if isinstance(c, m.SetSpeed)] == [
        m.SetSpeed("5x"),
        m.SetSpeed("max"),
    ]
    assert isinstance(manager.sent[-1], m.Stop)


def test_switching_dataset_mid_run_needs_a_second_enter(fake):
    pilot, manager = fake
    pilot.tab.picker.add(PickerEntry("Your file: a.txt", 200, 20, 40, "", text="hello " * 40))
    pilot.press("space")
    started(manager)
    pilot.frames(1)
    pilot.press("return")
    assert len(manager.started) == 1 and "Press Enter again" in pilot.app.toasts.messages[-1]
    pilot.press("return")
    assert len(manager.started) == 2 and manager.started[-1][1].text.startswith("hello")


def test_unprepared_dataset_explains_itself(fake):
    pilot, manager = fake
    pilot.tab.picker.add(PickerEntry("Poems", 1, 1, 1, "", name="poems", available=False))
    pilot.press("space")
    assert not manager.started
    assert "not prepared" in pilot.app.toasts.messages[-1]


def test_replay_and_crash_restart(fake):
    pilot, manager = fake
    pilot.press("space")
    started(manager)
    manager.events.append(("watch", m.Error("training_failed", "Training crashed. Press R.")))
    pilot.frames(2)
    assert pilot.tab.state.status == "error"
    pilot.press("r")
    assert len(manager.started) == 2
    assert pilot.tab.state.status == "starting"


def test_header_fits_many_sessions(fake):
    pilot, _ = fake
    for owner in ("watch", "attention", "style", "decode", "extra1", "extra2"):
        config = session_config("seed", dataset="tiny", label=f"A long session label {owner}")
        pilot.app.sessions.start(owner, config)
    pilot.frames(2)
    pilot.app.screenshot()  # into the test's exports folder, for a look when it fails
    assert pilot.scene.name == "dashboard" and len(pilot.app.sessions.by_id) == 6


def test_space_while_starting_says_so_and_never_pauses_at_step_0(fake):
    pilot, manager = fake
    pilot.press("space")
    assert pilot.tab.state.status == "starting"
    pilot.press("space")  # impatient: the worker has not said Started yet
    assert not any(isinstance(c, m.Pause) for c in manager.sent)
    assert "Starting: the first step is a moment away" in pilot.app.toasts.messages
    started(manager, step=1)
    pilot.frames(1)
    assert pilot.tab.state.status == "running"
    pilot.press("space")  # once it runs, Space pauses as usual
    assert isinstance(manager.sent[-1], m.Pause)


def test_o_opens_a_typed_path_without_a_mouse(fake, tmp_path):
    import pygame

    pilot, manager = fake
    essay = tmp_path / "essay.txt"
    essay.write_text("My own words, written for this test. " * 10, encoding="utf-8")
    pilot.app.inject(key_event("o"))
    pilot.app.inject(pygame.event.Event(pygame.TEXTINPUT, text="o"))  # SDL sends both
    pilot.frames(1)
    assert pilot.tab.path_prompt.visible
    for char in str(essay):
        pilot.app.inject(pygame.event.Event(pygame.TEXTINPUT, text=char))
    pilot.frames(1)
    assert pilot.tab.path_prompt.box.text == str(essay)
    pilot.app.inject(key_event("space"))  # typing a path: Space is a character, not "start"
    pilot.app.inject(pygame.event.Event(pygame.TEXTINPUT, text=" "))
    pilot.frames(1)
    assert not manager.started and pilot.tab.path_prompt.box.text == f"{essay} "
    pilot.press("backspace", "return")
    assert not pilot.tab.path_prompt.visible
    assert pilot.app.background.wait()  # files are read off the frame loop
    assert pilot.tab.picker.selected.title == "Your file: essay.txt"
    pilot.press("o")
    pilot.press("escape")
    assert not pilot.tab.path_prompt.visible


def test_a_new_visitor_file_replaces_the_last_one(fake):
    pilot, _ = fake
    bundled = len(pilot.tab.picker.entries)
    for name in ("a.txt", "b.txt", "c.txt"):
        pilot.tab.picker.add(PickerEntry(f"Your file: {name}", 200, 20, 40, "", text=name * 50))
    titles = [entry.title for entry in pilot.tab.picker.entries]
    assert len(titles) == bundled + 1 and titles[-1] == "Your file: c.txt"
    assert pilot.tab.picker.selected.text.startswith("c.txt")
