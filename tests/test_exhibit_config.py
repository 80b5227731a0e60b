"""The exhibit's run options: the example file, unknown keys, bad values, flags over the file."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from llmbreaker.errors import LLMBreakerError
from llmbreaker.exhibit_config import NAMES, RunOptions, check_fits, read_file, resolve

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "exhibit.example.toml"


def options(text: str, tmp_path, **flags) -> RunOptions:
    path = tmp_path / "exhibit.toml"
    path.write_text(text, encoding="utf-8")
    return resolve(read_file(path), flags, path.name)


def refusal(text: str, tmp_path, **flags) -> str:
    with pytest.raises(LLMBreakerError) as caught:
        options(text, tmp_path, **flags)
    message = caught.value.message
    assert "\n" not in message
    return message


def test_example_file_sets_every_option():
    data = read_file(EXAMPLE)
    assert set(data) == set(NAMES)  # the example explains every key
    for name in NAMES:
        assert f"\n{name} = " in EXAMPLE.read_text(encoding="utf-8")
    loaded = resolve(data, {}, EXAMPLE.name)
    assert loaded.kiosk and loaded.size == (1920, 1080) and loaded.idle_seconds == 90
    assert loaded.quit_chord == "ctrl+shift+q" and loaded.tour_speed == "2x"
    assert loaded.exports == str(Path("~/Documents/LLMBreaker").expanduser())


def test_defaults_and_kiosk_idle():
    assert RunOptions().idle_workers is False  # SCHED_IDLE workers only when asked for
    assert resolve({"idle_workers": False}, {"idle_workers": True}).idle_workers is True
    assert RunOptions().idle_seconds == 0
    assert RunOptions(kiosk=True).idle_seconds == 90
    assert RunOptions(kiosk=True, idle_timeout=0).idle_seconds == 0


def test_flags_override_the_file(tmp_path):
    text = 'size = "1920x1080"\nidle_timeout = 30\nkiosk = true\ntour_speed = "5x"\n'
    loaded = options(text, tmp_path, size="1280x720", kiosk=False, idle_timeout=None)
    assert loaded.size == (1280, 720) and loaded.kiosk is False
    assert loaded.idle_timeout == 30 and loaded.tour_speed == "5x"  # not given: the file's


@pytest.mark.parametrize(
    ("text", "named", "says"),
    [
        ("colour = 'blue'\n", "colour in exhibit.toml", "unknown key"),
        ("idle_timeout = -5\n", "idle_timeout in exhibit.toml", "negative"),
        ("idle_timeout = 3\n", "idle_timeout", "at least 10"),
        ("idle_timeout = 'soon'\n", "idle_timeout", "number of seconds"),
        ("size = '640x360'\n", "size in exhibit.toml", "at least 960x540"),
        ("size = '9000x5000'\n", "size", "larger than 7680x4320"),
        ("size = 'big'\n", "size", "1920x1080"),
        ("threads = 0\n", "threads in exhibit.toml", "from 1 to"),
        (f"threads = {(os.cpu_count() or 1) + 1}\n", "threads", "cores"),
        ("kiosk = 'yes'\n", "kiosk in exhibit.toml", "true or false"),
        ("idle_workers = 1\n", "idle_workers in exhibit.toml", "true or false"),
        ("tour_corpus = 'klingon'\n", "tour_corpus", "shakespeare"),
        ("tour_speed = '3x'\n", "tour_speed", "2x"),
        ("quit_chord = 'q'\n", "quit_chord", "ctrl+shift+q"),
        ("quit_chord = 'ctrl+hyper+q'\n", "quit_chord", "modifiers"),
        ("quit_hold = 0.1\n", "quit_hold", "1-30"),
        ("kiosk_allow = ['everything']\n", "kiosk_allow", "screenshot"),
        ("exports = ''\n", "exports", "folder"),
        ("size = \n", "exhibit.toml", "not valid TOML"),
    ],
)
def test_bad_values_name_their_key(tmp_path, text, named, says):
    message = refusal(text, tmp_path)
    assert named in message.split(": ")[0] and says in message


def test_flags_are_checked_the_same_way_and_named_as_flags(tmp_path):
    message = refusal("", tmp_path, idle_timeout="-5")
    assert message.startswith("--idle-timeout:") and "negative" in message
    assert refusal("", tmp_path, threads="many").startswith("--threads:")
    assert options("", tmp_path, kiosk_allow="screenshot,drop").kiosk_allow == (
        "screenshot",
        "drop",
    )


def test_window_must_fit_the_screen():
    check_fits((1920, 1080), (1920, 1080))
    with pytest.raises(LLMBreakerError, match="larger than the screen"):
        check_fits((2560, 1440), (1920, 1080))


def run_command(*args, tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "PYTHONPATH": os.getcwd()}
    return subprocess.run(
        [sys.executable, "-m", "llmbreaker", "run", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--idle-timeout", "-5"], "llmbreaker: --idle-timeout: cannot be negative"),
        (["--size", "320x240"], "llmbreaker: --size: 320x240 is smaller"),
        (["--config", "missing.toml"], "llmbreaker: missing.toml: no such file"),
        (["--config", "bad.toml"], "llmbreaker: wallpaper in bad.toml: unknown key"),
    ],
)
def test_run_refuses_in_one_line_with_exit_code_2(tmp_path, args, says):
    (tmp_path / "bad.toml").write_text("kiosk = true\nwallpaper = 'cats'\n", encoding="utf-8")
    result = run_command(*args, tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(says) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
