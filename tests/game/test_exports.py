"""Every file goes to the exports folder with a unique name; a failed save or action is a toast."""

import pygame

from game.background import Background
from game.exports import Exports
from game.tabs.placeholder import PlaceholderTab


def _exports(folder, toasts):
    return Exports(folder, lambda text, kind: toasts.append((kind, text)), Background())


def test_folder_created_and_same_second_saves_never_overwrite(tmp_path):
    toasts = []
    exports = _exports(tmp_path / "new" / "folder", toasts)
    surface = pygame.Surface((8, 6))
    for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255)):
        surface.fill(colour)
        assert exports.save_surface(surface, "shot")
        assert exports.background.wait()
    files = list((tmp_path / "new" / "folder").glob("shot-*.png"))
    assert len(files) == 3
    colours = [pygame.image.load(str(p)).get_at((1, 1))[:3] for p in files]
    assert sorted(colours) == sorted([(255, 0, 0), (0, 255, 0), (0, 0, 255)])
    assert [kind for kind, _ in toasts] == ["info"] * 3
    exports.background.close()


def test_names_within_one_second_get_a_counter(tmp_path, monkeypatch):
    monkeypatch.setattr("game.exports.time.strftime", lambda fmt: "20260101-120000")
    exports = _exports(tmp_path, [])
    names = [exports.reserve("shot", ".png").name for _ in range(3)]
    assert names == [
        "shot-20260101-120000.png",
        "shot-20260101-120000-2.png",
        "shot-20260101-120000-3.png",
    ]


def test_unwritable_folder_is_a_toast_naming_it_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    toasts = []
    exports = _exports(blocker / "exports", toasts)
    exports.save_text("a,b\n", "table", ".csv")
    assert exports.background.wait()
    assert toasts == [("error", f"Could not save to {blocker / 'exports'}: Not a directory")]
    exports.background.close()


def test_a_failing_writer_removes_its_half_file(tmp_path):
    toasts = []
    exports = _exports(tmp_path, toasts)

    def broken(path, progress):
        path.write_bytes(b"half")
        raise ValueError("encoder gave up")

    exports.save("broken", ".gif", broken)
    assert exports.background.wait()
    assert toasts == [("error", f"Could not save to {tmp_path}: encoder gave up")]
    assert not list(tmp_path.iterdir())
    exports.background.close()


def test_a_queue_of_exports_is_refused_with_a_message(tmp_path):
    toasts = []
    exports = _exports(tmp_path, toasts)
    gate = __import__("threading").Event()
    accepted = [exports.save("slow", ".txt", lambda p, _: gate.wait(10)) for _ in range(6)]
    assert accepted.count(False) >= 1 and any("Still saving" in t for _, t in toasts)
    gate.set()
    assert exports.background.wait()
    exports.background.close()


def test_f12_writes_to_the_exports_folder_and_reports_it(pilot):
    pilot.press("f12", "f12")
    assert pilot.app.background.wait()
    shots = sorted(pilot.app.exports.folder.glob("llmbreaker-*.png"))
    assert len(shots) == 2
    assert all(any(str(s) in m for m in pilot.app.toasts.messages) for s in shots)


def test_f12_into_an_unwritable_folder_keeps_the_app_running(pilot, tmp_path):
    blocker = tmp_path / "readonly"
    blocker.write_text("x")
    pilot.app.exports.folder = blocker / "shots"
    pilot.press("f12")
    assert pilot.app.background.wait()
    pilot.frames(2)
    assert pilot.app.running
    assert any(str(blocker / "shots") in m for m in pilot.app.toasts.messages)
    assert pilot.app.toasts.items[-1].kind == "error"


def test_a_failed_worker_start_is_a_toast_not_a_dead_tab(pilot, monkeypatch):
    pilot.press("enter", frames=2)

    def refuse(*args, **kwargs):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(pilot.app.sessions.manager, "start", refuse)
    for tab in "1234":
        pilot.press(tab, "space", "return", frames=2)
        assert not isinstance(pilot.tab, PlaceholderTab)
    assert any("can't start new thread" in m for m in pilot.app.toasts.messages)
    pilot.press("escape", "1")  # Enter on the empty Decode prompt focused it
    assert pilot.tab.id == "watch" and pilot.app.running


def test_a_deleted_working_folder_falls_back_to_home(tmp_path, monkeypatch):
    from pathlib import Path

    from llmbreaker.paths import ensure_working_folder

    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert ensure_working_folder() == Path.home()
    assert Path.cwd() == Path.home()
