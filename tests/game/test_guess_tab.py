"""Tab 6, Guess the next character: a whole line played with scripted keys, scored by hand."""

import json
import logging
import subprocess
import sys

import pytest

from game.guess.frame import (
    AUTOPLAY,
    BUILDING,
    FINISHED,
    INITIALS,
    LOADING,
    MISSING,
    PAUSED,
    PLAYING,
)
from game.guess.high_scores import HighScores, clear_scores, scores_path
from llmbreaker.guess.cache import Checkpoint, GameLine, GuessCache, Predictions, cache_path, save
from tests.game.game_helpers import colour_count

ALPHABET = " .acehst"  # 8 characters: a miss costs -log2(0.1 / 5) = 5.644 bits
LINE = "the cat"
# The trained checkpoint's probability of each true character: 1, 2, 1, 3, 1, 2, 0 bits.
P_TRAINED = (0.5, 0.25, 0.5, 0.125, 0.5, 0.25, 1.0)
TOP_TRAINED = ("tsa", "eha", "hae", "e. ", "ca ", "aes", "tsa")


def hand_cache() -> GuessCache:
    uniform = Predictions((0.125,) * 7, (" .a",) * 7, ((0.125,) * 3,) * 7)
    trained = Predictions(P_TRAINED, TOP_TRAINED, tuple((0.5, 0.25, 0.1) for _ in range(7)))
    return GuessCache(
        corpus="childrens_stories",
        corpus_title="Children's Stories",
        corpus_sha256="0" * 64,
        recipe="hand-made",
        alphabet=ALPHABET,
        train_characters=20_000,
        checkpoints=(Checkpoint(0, 0, 3.0, 3.0), Checkpoint(100, 204_800, 1.5, 1.43)),
        lines=(GameLine("she sat. ", LINE, (uniform, trained)),),
        build_seconds=1.0,
    )


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """The per-user cache and state folders in a temporary place, the hand cache in place."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    save(hand_cache(), cache_path())
    return tmp_path


def open_tab(make_pilot):
    pilot = make_pilot()
    pilot.press("return", frames=2)  # landing -> dashboard
    pilot.press("2", "6", frames=2)  # by way of tab 2: Watch It Learn may bind digits
    assert pilot.tab.id == "guess"
    assert pilot.until(lambda: pilot.tab.mode != LOADING, timeout=30)  # read off the frame loop
    return pilot


# The hand-checked line. Bits: try 1 = -log2 0.6 = 0.7370, try 2 = -log2 0.2 = 2.3219,
# try 3 = -log2 0.1 = 3.3219, missed = -log2(0.1 / 5) = 5.6439.
KEYS = [
    "t",  # right on try 1: 0.7370
    "a", "h",  # wrong, then right on try 2: 2.3219
    "e",  # try 1: 0.7370
    "x", "a", "a", "s", "space",  # x is not in the alphabet and a repeat costs no try: 3.3219
    "c",  # try 1: 0.7370
    "e", "t", "s",  # three wrong: missed, 5.6439
    "t",  # try 1: 0.7370
]  # fmt: skip
VISITOR_BITS = (4 * 0.7370 + 2.3219 + 3.3219 + 5.6439) / 7  # 2.0337
TRAINED_BITS = (1 + 2 + 1 + 3 + 1 + 2 + 0) / 7  # 1.4286


def test_a_whole_line_scored_by_hand(folders, make_pilot):
    pilot = open_tab(make_pilot)
    tab = pilot.tab
    assert tab.mode == PLAYING and tab.game.position == 0
    assert colour_count(pilot, tab.layout.line.cursor_rect, (6, 182, 212), 60, 1) > 0
    for key in KEYS:
        pilot.press(key)
    game = tab.game
    assert game.finished and [r.rank for r in game.revealed] == [1, 2, 1, 3, 1, None, 1]
    assert game.visitor_mean() == pytest.approx(VISITOR_BITS, abs=1e-3)
    assert game.model_means() == pytest.approx([3.0, TRAINED_BITS], abs=1e-6)
    summary = tab.frame().summary
    assert summary[0] == ("You needed 2.0 bits per character; the model at step 100 needs 1.4.")
    assert summary[1].startswith("It read 204,800 characters to get there")
    assert "You beat it at step 0." in summary[2]
    board = tab.layout.scoreboard.bar_rects
    assert board[0].w / board[2].w == pytest.approx(VISITOR_BITS / TRAINED_BITS, rel=0.05)
    assert tab.mode == INITIALS  # an empty list: any finished line earns a place


def test_refused_keys_say_why_and_cost_nothing(folders, make_pilot):
    pilot = open_tab(make_pilot)
    tab = pilot.tab
    pilot.press("x")
    assert "never appears in Children's Stories" in tab.status and tab.game.tries == []
    pilot.press("a", "a")
    assert "already tried" in tab.status and tab.game.tries == ["a"]
    pilot.press("ctrl+s")  # a chord is no guess
    assert tab.game.tries == ["a"]


def test_initials_are_kept_across_a_restart(folders, make_pilot):
    pilot = open_tab(make_pilot)
    for key in KEYS:
        pilot.press(key)
    pilot.press("a", "b", "backspace", "c", "d", "e")  # three letters at most
    assert pilot.tab.initials == "ACD"
    pilot.press("return")
    assert pilot.tab.mode == FINISHED and pilot.tab.saved_place == 1
    pilot.app.close()
    again = open_tab(make_pilot)
    best = again.tab.frame().best
    assert [(s.initials, round(s.bits, 3)) for s in best] == [("ACD", round(VISITOR_BITS, 3))]
    saved = json.loads(scores_path().read_text())
    assert saved["scores"][0]["initials"] == "ACD"


def test_a_damaged_score_file_is_replaced_with_an_empty_list(folders, make_pilot, caplog):
    scores_path().parent.mkdir(parents=True, exist_ok=True)
    scores_path().write_text('{"format": 1, "scores": [{"day": 5}')
    with caplog.at_level(logging.WARNING, logger="game.guess.high_scores"):
        pilot = open_tab(make_pilot)
    assert pilot.tab.frame().best == () and pilot.tab.mode == PLAYING
    assert any("unreadable" in r.getMessage() for r in caplog.records)
    assert json.loads(scores_path().read_text()) == {"format": 1, "scores": []}


def test_the_list_is_daily_and_the_operator_can_clear_it(tmp_path):
    import datetime

    path = tmp_path / "scores.json"
    day = [datetime.date(2026, 11, 28)]
    scores = HighScores(path, today=lambda: day[0])
    for bits in (2.5, 1.9, 3.1):
        scores.add("ab", bits)
    assert [s.bits for s in scores.today_list()] == [1.9, 2.5, 3.1]
    day[0] = datetime.date(2026, 11, 29)
    assert HighScores(path, today=lambda: day[0]).today_list() == []
    scores.add("cd", 2.0)  # yesterday's scores are dropped from the file
    assert [s.initials for s in HighScores(path, today=lambda: day[0]).scores] == ["CD"]
    clear_scores(path)
    assert HighScores(path, today=lambda: day[0]).scores == []


def test_keys_while_guessing(folders, make_pilot):
    pilot = open_tab(make_pilot)
    pilot.press("f1")
    assert pilot.app.help.visible
    pilot.press("f1")
    pilot.press("escape")  # stops guessing; letters are keys again
    assert pilot.tab.mode == PAUSED
    pilot.press("return")
    assert pilot.tab.mode == PLAYING
    pilot.press("2")  # digits switch tabs, even mid-line
    assert pilot.tab.id == "attention"
    pilot.press("6")
    assert pilot.tab.id == "guess" and pilot.tab.mode == PLAYING
    pilot.press("escape", "escape")
    assert pilot.app.scene.name == "landing"


def test_the_model_plays_alone_and_a_visitor_takes_over(folders, make_pilot):
    pilot = open_tab(make_pilot)
    pilot.press("escape", "a")
    tab = pilot.tab
    assert tab.mode == AUTOPLAY
    assert pilot.until(lambda: tab.game.finished, timeout=60, dt=0.1)
    # Its top three as tries (TOP_TRAINED): 't' first, 'h' second, 'e' third, ' ' third,
    # then 'c', 'a', 't' first.
    assert [r.rank for r in tab.game.revealed] == [1, 2, 3, 3, 1, 1, 1]
    assert tab.frame().rows[0].name == "The model's tries"
    assert tab.frame().summary[0].startswith("Playing with its top three as tries")
    assert tab.scores.today_list() == []  # the model never takes a place
    pilot.press("t")
    assert tab.mode == PLAYING and tab.game.position == 0
    pilot.press("f2")  # the tour's key for it: no guess, so it works mid-line
    assert tab.mode == AUTOPLAY


def test_missing_guesses_are_explained_and_built_on_request(tmp_path, monkeypatch, make_pilot):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    pilot = open_tab(make_pilot)
    tab = pilot.tab
    assert tab.mode == MISSING and "not built yet" in tab.frame().message[0]
    assert "Press B to build" in tab.frame().message[1]
    pilot.press("t")  # nothing to guess: no error, no crash
    # A stand-in for the build (the real one trains for a minute): writes the file and exits.
    script = (
        "import sys; sys.path.insert(0, '.');"
        "from tests.game.test_guess_tab import hand_cache;"
        "from llmbreaker.guess.cache import save, cache_path; print('step 0: done', flush=True);"
        "save(hand_cache(), cache_path())"
    )
    tab.builder.command = [sys.executable, "-c", script]
    pilot.press("b")
    assert tab.mode == BUILDING
    assert pilot.until(lambda: tab.mode == PLAYING, timeout=60)
    assert tab.game.line.text == LINE and "step 0: done" in tab.builder.output


def test_a_failed_build_says_so(tmp_path, monkeypatch, make_pilot):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pilot = open_tab(make_pilot)
    tab = pilot.tab
    tab.builder.command = [sys.executable, "-c", "print('llmbreaker: no corpus'); exit(2)"]
    pilot.press("b")
    assert pilot.until(lambda: tab.mode == MISSING, timeout=60)
    assert "The build failed: llmbreaker: no corpus" in tab.frame().message[0]


def test_closing_the_app_ends_a_running_build(tmp_path, monkeypatch, make_pilot):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pilot = open_tab(make_pilot)
    tab = pilot.tab
    tab.builder.command = [sys.executable, "-c", "import time; time.sleep(60)"]
    pilot.press("b")
    process = tab.builder.process
    assert process.poll() is None
    pilot.app.close()
    assert process.wait(timeout=10) is not None
    assert subprocess.run(["true"]).returncode == 0


def test_the_exhibit_config_can_clear_the_list():
    from llmbreaker.errors import LLMBreakerError
    from llmbreaker.exhibit_config import resolve

    assert resolve({"clear_scores": True}, {}).clear_scores is True
    assert resolve({}, {}).clear_scores is False
    with pytest.raises(LLMBreakerError, match="clear_scores in exhibit.toml"):
        resolve({"clear_scores": "yes"}, {})


def test_the_idle_reset_gives_the_next_visitor_a_fresh_line(folders, make_pilot):
    pilot = open_tab(make_pilot)
    pilot.press("t", "a")
    tab = pilot.tab
    assert tab.game.position == 1 and tab.game.tries == ["a"]
    tab.reset()
    assert tab.mode == PLAYING and tab.game.position == 0 and tab.game.tries == []
