"""The guessing game's engine: held-out lines, scoring by hand, a real small build, the file."""

import json
import math

import pytest

from llmbreaker import story_generator
from llmbreaker.guess import build, scoring
from llmbreaker.guess import recipe as recipe_module
from llmbreaker.guess.cache import CacheProblem, load
from llmbreaker.guess.lines import held_out_lines, held_out_start

STORIES = story_generator.generate(characters=30_000)


def test_lines_are_whole_words_inside_the_held_out_split():
    lines = held_out_lines(STORIES, 0.1, 32, count=50, target=40)
    assert len(lines) >= 20
    val_start = held_out_start(len(STORIES), 0.1, 32)
    for line in lines:
        assert line.start - len(line.lead) >= val_start  # lead-in held out too
        assert STORIES[line.start : line.start + len(line.text)] == line.text
        assert STORIES[line.start - 32 : line.start] == line.lead
        assert 36 <= len(line.text) <= 48
        assert STORIES[line.start - 1] in " \n" and line.text[0] != " " and line.text[-1] != " "
        assert not set(line.text) & set("0123456789\n")


def test_scores_by_hand():
    # 57 characters: a miss shares the last 10 % among the 54 the tries did not name.
    assert scoring.visitor_bits(1, 57) == pytest.approx(0.737, abs=1e-3)  # -log2 0.6
    assert scoring.visitor_bits(2, 57) == pytest.approx(2.322, abs=1e-3)  # -log2 0.2
    assert scoring.visitor_bits(3, 57) == pytest.approx(3.322, abs=1e-3)  # -log2 0.1
    assert scoring.visitor_bits(None, 57) == pytest.approx(9.077, abs=1e-3)  # -log2(0.1/54)
    assert scoring.model_bits(0.5) == 1.0 and scoring.model_bits(0.25) == 2.0
    assert scoring.model_bits(0.0) == pytest.approx(29.9, abs=0.1)  # finite, never a crash
    assert sum(scoring.TRY_SHARES) + scoring.MISS_SHARE == pytest.approx(1.0)
    assert scoring.mean([]) is None and scoring.mean([1.0, 2.0]) == 1.5
    with pytest.raises(ValueError):
        scoring.visitor_share(4, 57)


@pytest.fixture(scope="module")
def small_build(tmp_path_factory):
    path = tmp_path_factory.mktemp("guess") / "cache.json"
    recipe = recipe_module.Recipe(
        preset="seed", steps=60, keep=(0, 20, 60), lines=12, line_chars=40
    )
    cache = build.build(path, recipe, threads=1, text=STORIES, say=lambda _line: None)
    return path, recipe, cache


def test_build_keeps_checkpoints_that_learn(small_build):
    _path, recipe, cache = small_build
    assert [c.step for c in cache.checkpoints] == [0, 20, 60]
    assert [c.characters_read for c in cache.checkpoints] == [0, 20 * 32 * 64, 60 * 32 * 64]
    first, last = cache.checkpoints[0], cache.checkpoints[-1]
    assert abs(first.line_bits - math.log2(len(cache.alphabet))) < 0.6  # untrained: near uniform
    assert last.line_bits < first.line_bits - 0.5 and last.val_bits < first.val_bits - 0.5
    assert len(cache.lines) == 12 and cache.recipe == recipe.fingerprint()


def test_predictions_agree_with_themselves(small_build):
    _path, _recipe, cache = small_build
    for line in cache.lines:
        for pred in line.predictions:
            for i, true in enumerate(line.text):
                chars, probs = pred.top_chars[i], pred.top_probs[i]
                assert list(probs) == sorted(probs, reverse=True)
                assert pred.p_true[i] <= probs[0] * 1.001
                if true in chars:
                    assert pred.p_true[i] == pytest.approx(probs[chars.index(true)], rel=1e-3)
                else:
                    assert pred.p_true[i] <= probs[-1] * 1.001


def test_file_round_trips_and_knows_when_it_is_current(small_build):
    path, recipe, cache = small_build
    assert load(path) == cache
    assert recipe_module.is_current(path, STORIES, recipe)
    assert not recipe_module.is_current(path, STORIES + "x", recipe)
    assert not recipe_module.is_current(path, STORIES, recipe_module.Recipe())


def test_missing_and_damaged_files_are_clear_problems(tmp_path, small_build):
    with pytest.raises(CacheProblem) as missing:
        load(tmp_path / "none.json")
    assert missing.value.missing and "not built" in missing.value.message
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CacheProblem) as damaged:
        load(bad)
    assert not damaged.value.missing
    raw = json.loads(small_build[0].read_text())
    raw["lines"][3]["predictions"][1]["p_true"].pop()
    bad.write_text(json.dumps(raw))
    with pytest.raises(CacheProblem, match="line 4"):
        load(bad)


def test_command_line_shows_a_file_or_says_how_to_build_it(tmp_path, small_build):
    from tests.test_cli import llmbreaker

    missing = llmbreaker("guess", "show", "--file", str(tmp_path / "none.json"))
    assert missing.returncode == 1 and "llmbreaker guess build" in missing.stdout
    shown = llmbreaker("guess", "show", "--file", str(small_build[0]))
    assert shown.returncode == 0 and "characters read" in shown.stdout and "40,960" in shown.stdout
    assert "Traceback" not in missing.stderr + shown.stderr
