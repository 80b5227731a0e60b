"""Kiosk mode: nothing a visitor presses quits or writes files; the operator's held chord quits."""

import pygame
import pytest
from conftest import SIZE, TRAINING, exhibit_datasets
from game_helpers import colour_count

from game.app import App
from game.pilot import FakeClock, Pilot
from game.theme import PALETTE
from llmbreaker.exhibit_config import KIOSK_LOCKABLE, RunOptions

FILE_KEYS = {"fullscreen", "screenshot", "attention_gif", "attention_png"}
FILE_KEYS |= {"watch_open", "style_open"}


@pytest.fixture
def make_kiosk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # anything written to the working folder would show up here
    apps = []

    def make(**options) -> Pilot:
        clock = FakeClock()
        exhibit = RunOptions(kiosk=True, exports=str(tmp_path / "exports"), **options)
        app = App(size=SIZE, clock=clock, datasets=exhibit_datasets(), training=TRAINING,
                  kiosk=True, exhibit=exhibit)  # fmt: skip
        apps.append(app)
        return Pilot(app, clock)

    yield make
    for app in apps:
        app.close()


def written(tmp_path) -> list[str]:
    return sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())


def test_escape_keys_and_close_requests_do_not_quit(make_kiosk):
    pilot = make_kiosk()
    pilot.press("enter", frames=2)
    for key in ("alt+f4", "ctrl+q", "ctrl+w", "ctrl+c", "ctrl+shift+w"):
        pilot.press(key, frames=2)
        assert pilot.app.running, key
    for kind in (pygame.QUIT, pygame.WINDOWCLOSE):
        pilot.app.inject(pygame.event.Event(kind))
        pilot.frames(2)
        assert pilot.app.running
    assert pilot.scene.name == "dashboard"
    pilot.press("escape", frames=2)
    assert pilot.scene.name == "landing" and pilot.app.running  # Esc goes to the landing only
    pilot.press("escape", frames=2)
    assert pilot.app.running


def test_file_keys_and_full_screen_are_off(make_kiosk, tmp_path):
    pilot = make_kiosk()
    app = pilot.app
    pilot.press("enter", frames=2)
    fullscreen = app.fullscreen
    pilot.press("f11", "f12", frames=2)
    assert app.fullscreen == fullscreen
    pilot.press("2", "g", "x", frames=3)
    pilot.press("3", "o", "ctrl+o", frames=3)
    assert not pilot.tab.path_prompt.visible
    text = tmp_path / "note.txt"
    text.write_text("Dropped on a kiosk. " * 20, encoding="utf-8")
    pilot.press("1", "o", frames=2)
    assert not pilot.tab.path_prompt.visible
    pilot.drop(text)
    assert not any(e.text for e in pilot.tab.picker.entries)
    assert not pilot.until(lambda: written(tmp_path) != ["note.txt"], 3)  # nothing saved
    assert not [m for m in app.toasts.messages if m.startswith("Saved")]
    ids = {binding.id for binding in app.keymap.bindings}
    assert not ids & (FILE_KEYS | {"quit"})  # and the help overlay does not offer them


def test_allowed_keys_write_to_the_exports(make_kiosk, tmp_path):
    pilot = make_kiosk(kiosk_allow=("screenshot",))
    pilot.press("enter", frames=2)
    pilot.press("f12", frames=2)
    assert pilot.until(lambda: written(tmp_path), 30)  # the file is written off the frame loop
    files = written(tmp_path)
    assert len(files) == 1 and files[0].startswith("exports/llmbreaker-")
    assert "attention_png" not in {b.id for b in pilot.app.keymap.bindings}


def test_every_lockable_key_is_a_row_of_the_key_table(make_kiosk):
    pilot = make_kiosk(kiosk_allow=tuple(KIOSK_LOCKABLE))
    _ = pilot.app.dashboard  # adds every tab's keys to the table
    ids = {binding.id for binding in pilot.app.keymap.bindings}
    assert set(KIOSK_LOCKABLE) - {"drop"} <= ids


def test_held_chord_quits_with_a_ring_and_letting_go_starts_over(make_kiosk):
    pilot = make_kiosk(quit_hold=3.0)
    app = pilot.app
    screen = app.screen.get_rect()
    corner = pygame.Rect(0, screen.h - 60, 60, 60)
    before = colour_count(pilot, corner, PALETTE["text2"], tolerance=6, every=1)
    pilot.hold("ctrl+shift+q", 2.0)
    assert app.running
    pilot.app.inject(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_CTRL
                                        | pygame.KMOD_SHIFT, unicode="", scancode=0))  # fmt: skip
    pilot.frames(30)  # held 1 s: the ring shows, only a little filled
    assert colour_count(pilot, corner, PALETTE["text2"], tolerance=6, every=1) > before
    assert app.running and 0.3 < app.chord.progress < 0.5  # the 2 s hold before did not count
    pilot.frames(65)
    assert not app.running


def test_chord_needs_its_modifiers_and_outside_kiosk_is_not_armed(make_kiosk, pilot):
    kiosk = make_kiosk(quit_chord="ctrl+alt+k", quit_hold=1.0)
    kiosk.hold("ctrl+k", 2.0)
    kiosk.hold("alt+k", 2.0)
    assert kiosk.app.running
    kiosk.hold("ctrl+alt+k", 1.2)
    assert not kiosk.app.running
    assert pilot.app.chord is None and pilot.app.locked == set()


def test_fps_counter_is_hidden_in_kiosk(make_kiosk, pilot):
    def fps_pixels(p) -> int:
        p.press("enter", frames=3)
        header = p.scene.header
        right = pygame.Rect(SIZE[0] - 90, 0, 90, header.height())
        return colour_count(p, right, PALETTE["dim"], tolerance=8, every=1)

    assert fps_pixels(pilot) > 10
    assert fps_pixels(make_kiosk()) == 0


def test_every_key_that_saves_or_opens_a_file_can_be_locked(pilot):
    """A new tab's export or open key must join KIOSK_LOCKABLE, or kiosks would offer it."""
    _ = pilot.app.dashboard
    for binding in pilot.app.keymap.bindings:
        words = binding.description.lower().split()
        if words and words[0] in ("save", "open", "export"):
            assert binding.id in KIOSK_LOCKABLE, f"{binding.id}: {binding.description}"
