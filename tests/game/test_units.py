"""Pure pieces of the exhibit: wrapping, ticks, milestones, the run command, no torch."""

import subprocess
import sys
from concurrent.futures import Future

import pygame

from game.tabs.watch_milestones import Milestones, corpus_words, real_words
from game.theme import Theme
from game.widgets.loss_chart import nice_ticks
from game.widgets.text_progression import TextProgression, confidence, wrap
from llmbreaker.messages import Checkpoint, Completed
from llmbreaker.session_state import SessionState


def test_wrap_breaks_at_spaces_and_covers_everything():
    text = "the cat sat on the mat and purred contentedly all day"
    lines = wrap(text, 20)
    assert "".join(text[a:b] for a, b in lines) == text
    assert all(b - a <= 20 for a, b in lines)
    assert text[lines[0][0] : lines[0][1]].endswith(" ")


def test_confidence_scale():
    assert confidence(0.01) == 0 and confidence(1.0) == 1
    assert 0.4 < confidence(0.1) < 0.6


def test_nice_ticks():
    assert nice_ticks(0, 1000, 5) == [0, 200, 400, 600, 800, 1000]
    assert nice_ticks(1.3, 4.2, 4)[0] >= 1.3


def test_words_of_the_corpus():
    words = corpus_words("The cat sat. The cat ran. A dog.")
    assert words == {"the", "cat"}
    assert real_words("xq the zzkcat cat", words) == ["the", "cat"]


def _cp(step, sample, val):
    return Checkpoint(step, val + 0.1, val, sample, (0.5,) * len(sample), None)


def test_milestone_captions_in_order():
    milestones = Milestones(text="the cat sat on the mat. the cat ran. " * 10)
    milestones._words.result(timeout=10)
    state = SessionState()
    for event in (_cp(0, "xq zz", 4.0), _cp(10, "qq the", 2.5), _cp(20, "the", 1.9)):
        state.apply(event)
    state.apply(Completed(20, 1.8, 1.9, 3.5))
    milestones.update(state)
    texts = [caption for _, caption in milestones.captions]
    assert texts[0].startswith("Step 0")
    assert texts[1] == 'First real word: "the" at step 10.'
    assert texts[2].startswith("Validation loss below 2.0 at step 20")
    assert texts[3].startswith("Done in 3.5 s")


def test_memorising_is_said_once_when_val_climbs_away_from_its_lowest():
    milestones = Milestones(text="the cat sat on the mat. " * 10)
    milestones._words.result(timeout=10)
    state = SessionState()
    vals = (4.0, 2.6, 1.97, 2.05, 2.3, 2.1, 2.65, 3.3, 3.9)  # one dip back under the rise
    for step, val in enumerate(vals):
        state.apply(_cp(step * 50, "xq zz", val))
    state.apply(Completed(400, 0.2, 3.9, 14.0))
    milestones.update(state)
    texts = [caption for _, caption in milestones.captions]
    memorising = [t for t in texts if t.startswith("Validation loss up")]
    said = "Validation loss up since step 100 (1.97 → 3.30): it is memorising the text."
    assert memorising == [said]
    assert texts[-1] == "Done in 14.0 s: train loss 0.20, validation 3.90 (lowest 1.97, step 100)."


def test_a_falling_val_with_noise_is_not_called_memorising():
    milestones = Milestones(text="the cat sat on the mat. " * 10)
    milestones._words.result(timeout=10)
    state = SessionState()
    for step, val in enumerate((4.0, 2.5, 2.1, 2.15, 1.9, 1.95, 1.8, 1.84, 1.76)):
        state.apply(_cp(step * 50, "xq zz", val))
    milestones.update(state)
    assert not any("memorising" in caption for _, caption in milestones.captions)


def test_ui_never_imports_torch():
    code = "import game.app, game.tabs.watch, game.pilot, sys; assert 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_display_says_so_in_one_line(monkeypatch):
    env = {"PATH": "/usr/bin:/bin", "SDL_VIDEODRIVER": "x11", "HOME": "/tmp"}
    result = subprocess.run(
        [sys.executable, "-m", "llmbreaker", "run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "llmbreaker tui" in result.stderr
    assert "Traceback" not in result.stderr


def test_step_zero_caption_is_added_once_while_the_word_list_loads():
    milestones = Milestones(text="the cat sat on the mat. " * 10)
    milestones._words = Future()  # as while the reader thread is still reading the corpus
    state = SessionState()
    for event in (_cp(0, "xq zz", 4.0), _cp(10, "qq the", 2.5)):
        state.apply(event)
    for _ in range(5):  # five frames
        milestones.update(state)
    assert [caption for _, caption in milestones.captions] == [
        "Step 0: the untrained model types random characters."
    ]
    assert milestones.latest.startswith("Step 0")


def test_stacked_samples_are_shown_whole_with_their_step():
    pygame.font.init()
    theme = Theme((1280, 720))
    progression = TextProgression(theme)
    progression.set_samples([_cp(step * 50, "the cat sat on the mat", 2.0) for step in range(30)])
    progression.update(10.0)
    surface = pygame.Surface((1280, 720))
    rect = pygame.Rect(100, 300, 700, 260)
    progression.draw(surface, rect)
    steps = [step for step, _ in progression.drawn_steps]
    assert steps[0] == 29 * 50 and len(steps) >= 2
    assert all(top >= rect.y for _, top in progression.drawn_steps)


def test_a_bundled_corpus_is_read_once_for_every_run():
    first, second = Milestones(dataset="shakespeare"), Milestones(dataset="shakespeare")
    assert first._words is second._words
    assert "thou" in first._words.result(timeout=30)


def test_metric_bars_never_draw_past_their_panel():
    from game.style.metric_bars import MetricRow, draw_metrics

    pygame.init()
    theme = Theme((1280, 720))
    rows = [MetricRow(f"metric {i}", "what it means", (0.5, 0.4, 0.3), 1.0) for i in range(3)]
    surface = pygame.Surface((400, 400))
    for height in (120, 200, 400):
        surface.fill((0, 0, 0))
        drawn = draw_metrics(surface, theme, pygame.Rect(0, 0, 400, height), rows)
        below = pygame.Rect(0, height, 400, 400 - height)
        spots = [(x, y) for x in range(0, 400, 2) for y in range(below.top, below.bottom, 2)]
        painted = any(surface.get_at(spot)[:3] != (0, 0, 0) for spot in spots)
        assert not painted and 1 <= drawn <= 3
    assert drawn == 3  # a tall panel shows every metric


def test_heatmap_pictures_take_the_displays_pixel_format_and_keep_their_colours():
    import numpy as np

    from game.attention.colormap import colormap_fast
    from game.attention.heatmap import matrix_surface

    matrix = np.array([[1.0, 0.0], [0.5, 0.25]], dtype=np.float32)
    pygame.display.init()
    screen = pygame.display.set_mode((64, 48))
    try:
        shown = matrix_surface(matrix)
        assert shown.get_bitsize() == screen.get_bitsize() == 32  # not the 24 bits of RGB
        colours = colormap_fast(matrix)
        for y in range(2):
            for x in range(2):
                assert tuple(shown.get_at((x, y)))[:3] == tuple(int(c) for c in colours[y, x])
    finally:
        pygame.display.quit()


def test_dataset_picker_never_draws_past_its_panel():
    from game.widgets.dataset_picker import DatasetPicker, PickerEntry

    pygame.init()
    theme = Theme((1280, 720))
    notice = "Dropped 12 characters the model cannot read (emoji, symbols). " * 4
    entries = [PickerEntry(title, 1000, 50, 200, notice, name=title) for title in "ABCD"]
    picker = DatasetPicker(theme, entries)
    surface = pygame.Surface((340, 600))
    for height in (300, 340, 600):
        surface.fill((0, 0, 0))
        picker.draw(surface, pygame.Rect(0, 0, 340, height))
        spots = [(x, y) for x in range(0, 340, 2) for y in range(height, 600, 2)]
        assert not any(surface.get_at(spot)[:3] != (0, 0, 0) for spot in spots)
