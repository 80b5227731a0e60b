"""End to end: landing -> dashboard -> start -> pause -> step -> resume -> complete."""

import os

import pygame
from conftest import SIZE, TRAINING, exhibit_datasets
from game_helpers import bluish_text_pixels, colour_count, stepping, watch_state

from game.app import App
from game.pilot import FakeClock, Pilot
from game.theme import PALETTE


def test_landing_shows_logo_and_launches_dashboard(pilot):
    pilot.frames(20)
    assert pilot.scene.name == "landing"
    screen = pilot.app.screen.get_rect()
    middle = pygame.Rect(screen.w // 4, screen.h // 3, screen.w // 2, screen.h // 4)
    assert colour_count(pilot, middle, PALETTE["blue"], tolerance=40) > 50  # the gradient logo
    pilot.press("enter", frames=2)
    assert pilot.scene.name == "dashboard"
    assert pilot.tab.id == "watch"


def test_the_exhibits_workers_give_way_to_its_frames(tmp_path):
    """With the exhibit option idle_workers, every worker runs under SCHED_IDLE."""
    clock = FakeClock()
    app = App(size=SIZE, clock=clock, datasets=exhibit_datasets(), training=TRAINING,
              idle_workers=True, exports_dir=tmp_path)  # fmt: skip
    pilot = Pilot(app, clock)
    try:
        _train_and_check_idle(pilot)
    finally:
        app.close()


def _train_and_check_idle(pilot) -> None:
    pilot.press("enter", frames=2)
    pilot.press("space")
    assert pilot.until(lambda: stepping(pilot, 2), 300)
    pids = pilot.app.sessions.manager.worker_pids()
    assert pids
    assert {os.sched_getscheduler(pid) for pid in pids} == {os.SCHED_IDLE}


def test_train_pause_step_resume_complete(make_pilot):
    pilot = make_pilot(speed="1x", max_iters=60)
    pilot.press("enter", frames=2)
    pilot.press("space")
    assert pilot.until(lambda: stepping(pilot, 2), 300)
    pilot.press("space")
    assert pilot.until(lambda: watch_state(pilot).status == "paused", 120)
    paused_at = watch_state(pilot).step
    pilot.frames(10)
    assert watch_state(pilot).step == paused_at  # paused means paused
    pilot.press("s")
    assert pilot.until(lambda: watch_state(pilot).step == paused_at + 1, 120)
    pilot.frames(10)
    assert watch_state(pilot).step == paused_at + 1  # exactly one step
    pilot.press("right")  # at the newest checkpoint, Right steps too
    assert pilot.until(lambda: watch_state(pilot).step == paused_at + 2, 120)
    pilot.press("space")
    assert pilot.until(lambda: watch_state(pilot).status == "completed", 300)
    pilot.frames(45)  # let the last sample type itself out and the chart settle

    state, tab = watch_state(pilot), pilot.tab
    assert state.step == 60 and len(state.checkpoints) == 7
    areas = tab.areas
    pilot.app.screenshot()  # into the test's exports folder, for a look when it fails
    plot = tab.chart.plot_rect
    assert colour_count(pilot, plot, PALETTE["blue"], every=1) > 20  # the train line
    assert colour_count(pilot, plot, PALETTE["cyan"], every=1) > 20  # the val line
    assert tab.text.drawn_text == state.checkpoints[-1].sample
    assert bluish_text_pixels(pilot, areas["text"]) > 100  # typed characters on screen
    assert tab.milestones.latest.startswith("Done in")
    header = pygame.Rect(0, 0, pilot.app.screen.get_width(), pilot.scene.header.height())
    assert colour_count(pilot, header, PALETTE["cyan"], tolerance=10) > 20  # a full progress bar


def test_checkpoint_cursor_selects_a_sample(make_pilot):
    pilot = make_pilot()
    pilot.press("enter", "space")
    assert pilot.until(lambda: (s := watch_state(pilot)) and s.status == "completed", 300)
    pilot.press("left", "left")
    tab = pilot.tab
    assert tab.chart.selected == len(watch_state(pilot).checkpoints) - 3
    assert tab.text.selected == tab.chart.selected
    pilot.press("end")
    assert tab.chart.cursor is None
