"""Style Transfer tab, driven headless: typing, paste, files, bad input, training, metrics."""

from __future__ import annotations

import os
import time
import zipfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402

import game.tabs.style as style_module  # noqa: E402
from game.app import App  # noqa: E402
from game.pilot import Pilot  # noqa: E402
from game.style import clipboard  # noqa: E402
from game.style.examples import EXAMPLES  # noqa: E402
from game.style.text_box import TextBox  # noqa: E402
from game.theme import Theme  # noqa: E402
from llmbreaker import style_recipe  # noqa: E402

EXAMPLE = EXAMPLES[0][1]  # about 200 words


@pytest.fixture
def app():
    app = App(size=(1280, 720))
    app.switch("dashboard")
    app.dashboard.select("3")
    app.frame()
    yield app
    app.close()


def tab(app):
    return app.dashboard.tab


def press(app, key, mod=0, char=""):
    """A key as SDL delivers it: KEYDOWN, then TEXTINPUT for a printable character."""
    app.inject(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char, scancode=0))
    if char and not mod & pygame.KMOD_CTRL:
        app.inject(pygame.event.Event(pygame.TEXTINPUT, text=char))
    app.frame()


def paste(app, text):
    clipboard.put_text(text)
    press(app, pygame.K_v, pygame.KMOD_CTRL)


def test_typing_shows_metadata_and_validation(app):
    press(app, pygame.K_e, char="e")  # focuses the box; its own "e" is not typed
    assert tab(app).box.focused and tab(app).box.text == ""
    Pilot(app).type("Hello there, friend")
    assert tab(app).status == "invalid"
    assert "too short" in tab(app).check.message
    assert (tab(app).check.characters, tab(app).check.words) == (19, 3)
    Pilot(app).type(" and more words here" * 12)
    assert tab(app).check.words == 51 and tab(app).status == "ready"
    press(app, pygame.K_BACKSPACE)
    press(app, pygame.K_HOME, pygame.KMOD_CTRL)  # Home alone goes to the visual line start
    press(app, pygame.K_DELETE)
    assert tab(app).box.text.startswith("ello there") and tab(app).box.text.endswith("her")


def test_digits_type_in_the_box_and_escape_gives_keys_back(app):
    press(app, pygame.K_e, char="e")
    press(app, pygame.K_1, char="1")
    assert tab(app).box.text == "1" and app.dashboard.tab.id == "style"
    press(app, pygame.K_ESCAPE)
    assert not tab(app).box.focused and app.scene.name == "dashboard"
    press(app, pygame.K_1, char="1")
    assert app.dashboard.tab.id != "style"


def test_the_key_row_says_what_escape_does_now(app, monkeypatch):
    import game.style.layout as layout

    rows = []
    monkeypatch.setattr(layout, "draw_key_row", lambda *args: rows.append(dict(args[3])))
    app.frame()  # the box is not focused: Esc goes back to the start, E types
    keys = app.keymap
    assert rows[-1].get(keys.hint("style_edit")) == "type in the box"
    assert "leave the box" not in rows[-1].values()
    press(app, pygame.K_e, char="e")
    assert rows[-1].get(keys.hint("back")) == "leave the box"


def test_paste_select_all_and_copy(app):
    paste(app, EXAMPLE)
    assert tab(app).box.text == EXAMPLE and tab(app).status == "ready"
    press(app, pygame.K_a, pygame.KMOD_CTRL)
    press(app, pygame.K_c, pygame.KMOD_CTRL)
    assert clipboard.get_text() == EXAMPLE
    Pilot(app).type("x")
    assert tab(app).box.text == "x"


def test_filtered_characters_get_a_notice(app):
    paste(app, EXAMPLE + " \U0001f600\U0001f600")
    assert tab(app).status == "ready"
    assert "Removed 2 unsupported characters" in (tab(app).check.notice or "")


def test_docx_written_by_python_docx_loads_when_dropped(app, tmp_path):
    import docx

    document = docx.Document()
    for paragraph in EXAMPLE.split("\n\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "essay.docx"
    document.save(path)
    app.inject(pygame.event.Event(pygame.DROPFILE, file=str(path)))
    app.frame()
    assert app.background.wait()  # files are read off the frame loop
    app.frame()
    assert " ".join(EXAMPLE.split("\n\n")[-1].split()[:6]) in tab(app).box.text  # its last part
    assert tab(app).status == "ready" and "essay.docx" in tab(app).check.message


def test_path_prompt_opens_a_text_file(app, tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text(EXAMPLE, encoding="utf-8")
    press(app, pygame.K_o, char="o")
    Pilot(app).type(str(path))
    press(app, pygame.K_RETURN)
    assert app.background.wait()
    assert tab(app).box.text == EXAMPLE.strip()


def _bad_files(tmp_path):
    empty = tmp_path / "empty.docx"
    import docx

    docx.Document().save(empty)
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip")
    wrong = tmp_path / "paper.pdf"
    wrong.write_text("%PDF-1.4 " + EXAMPLE)
    binary = tmp_path / "program.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(11 * 1024 * 1024)  # sparse: no disk used
    return [
        (empty, "no text"),
        (corrupt, "damaged"),
        (wrong, "Unsupported file type"),
        (binary, "binary"),
        (huge, "File too large"),
    ]


def test_each_bad_file_says_why_and_keeps_the_text(app, tmp_path):
    paste(app, EXAMPLE)
    for path, expected in _bad_files(tmp_path):
        app.inject(pygame.event.Event(pygame.DROPFILE, file=str(path)))
        app.frame()
        assert app.background.wait()
        assert expected in tab(app).inline_error, path.name
        assert any(expected in message for message in app.toasts.messages), path.name
        assert tab(app).box.text == EXAMPLE and tab(app).status == "ready"
    assert zipfile.is_zipfile(tmp_path / "empty.docx")


def test_too_long_paste_is_refused_and_text_kept(app):
    paste(app, EXAMPLE)
    paste(app, "word " * 12_000)  # 60,000 characters
    assert tab(app).box.text == EXAMPLE
    assert "Text too long" in tab(app).inline_error and "Max 50,000" in tab(app).inline_error


def test_training_too_short_text_is_refused(app):
    paste(app, "Only a few words here.")
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)
    assert tab(app).session is None
    assert "too short" in tab(app).inline_error


def quick(text):
    return style_recipe.style_session_config(text, speed="max", max_iters=60, eval_interval=30)


def train_until_written(app, monkeypatch, text=EXAMPLE, away=True):
    monkeypatch.setattr(style_module, "style_session_config", quick)
    paste(app, text)
    press(app, pygame.K_RETURN, pygame.KMOD_CTRL)  # Ctrl+Enter trains, even from the box
    view = tab(app)
    if away:
        press(app, pygame.K_1, char="1")  # away to another tab: training goes on
        assert app.dashboard.tab is not view
    deadline = time.monotonic() + 240  # generous: a loaded machine; nothing asserts on time
    while time.monotonic() < deadline and view.result is None:
        app.frame()
        time.sleep(0.02)
    return view


def test_training_shows_before_and_after_and_every_figure(app, monkeypatch):
    view = train_until_written(app, monkeypatch)
    press(app, pygame.K_3, char="3")
    assert app.dashboard.tab is view and view.box.text == EXAMPLE
    assert view.mode == "results" and view.status == "completed"
    frame = view.frame
    assert frame.phase == "done" and frame.after_final
    assert frame.prompt == style_recipe.opening(EXAMPLE)
    assert len(frame.before) == style_recipe.GENERATE_LENGTH
    assert frame.after.startswith(frame.prompt) and len(frame.after) > 300
    assert frame.base_val is not None and frame.best.val_loss <= frame.base_val
    result = view.result
    for series in (result.yours, result.before, result.after):
        assert set(series) == {"formality", "sentence_length", "richness"}
    assert 0 < result.avg_prob <= 1 and result.base_val >= result.best_val
    assert 0 <= result.verbatim <= 1 and 0 < result.real_words <= 1
    assert "Copied verbatim" in view.side.footer
    app.frame()  # and the whole view draws with results on it


def test_editing_the_text_clears_the_last_run(app, monkeypatch):
    view = train_until_written(app, monkeypatch, away=False)
    assert view.result is not None
    press(app, pygame.K_e, char="e")
    Pilot(app).type(" And one more sentence.")
    assert view.session is None and view.result is None and view.frame.phase == "idle"
    assert view.side.generated == ""


SENTINEL = (255, 0, 255)


@pytest.mark.parametrize("size", [(1280, 720), (960, 540)])
def test_the_empty_box_hint_stays_inside_the_box(size):
    pygame.font.init()
    theme = Theme(size)
    box = TextBox(theme)
    surface = pygame.Surface(size)
    surface.fill(SENTINEL)
    rect = pygame.Rect(20, 20, size[0] * 38 // 100, size[1] // 3)  # the tab's box at that size
    box.draw(surface, rect)
    right = surface.subsurface(pygame.Rect(rect.right, 0, size[0] - rect.right, size[1]))
    untouched = pygame.mask.from_threshold(right, SENTINEL, (1, 1, 1, 255)).count()
    assert untouched == right.get_width() * right.get_height()


def test_the_after_panel_says_why_after_matches_before_when_step_0_stays_best():
    from types import SimpleNamespace

    from game.style.before_after import BeforeAfter
    from game.style.frame import DONE, StyleFrame

    def status(losses):
        checkpoints = tuple(
            SimpleNamespace(step=4 * i, val_loss=loss) for i, loss in enumerate(losses)
        )
        frame = StyleFrame(DONE, "completed", 24, 300, 4.0, "Dear Team,", "b", "a", True,
                           checkpoints, True)  # type: ignore[arg-type]  # fmt: skip
        return BeforeAfter._status(frame, "R")

    assert "after = before" in status([1.39, 1.40, 1.42])
    assert "best checkpoint: step 4" in status([1.39, 1.30, 1.42])
    assert "after = before" not in status([1.39, 1.30, 1.42])
