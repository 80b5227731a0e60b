"""The window as an operator's service runs it: signals, no display, the supervisor, the log."""

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from process_counts import children, running

from llmbreaker.commands import exhibit
from llmbreaker.logs import LOG_FILE, setup_logging

TIMEOUT = 120  # generous: the window starts Python, pygame and a worker on a busy machine
SMALL = "960x540"  # fits SDL's dummy screen (1024x768)


def headless_env(tmp_path: Path, **extra) -> dict:
    """A window that draws nowhere (SDL's dummy driver, chosen on purpose) and logs in tmp."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", XDG_STATE_HOME=str(tmp_path))
    env.update(extra)
    return env


def log_text(tmp_path: Path) -> str:
    path = tmp_path / "llmbreaker" / "log" / LOG_FILE
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_until(predicate, timeout: float = TIMEOUT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def workers_of(pid: int) -> list[int]:
    return [c for c in children(pid) if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


def end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def start(args, env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "llmbreaker", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so a failing test can clean up the whole group
    )


# ---------------------------------------------------------------------- the window alone


@pytest.mark.parametrize(
    "sig, args",
    [
        (signal.SIGTERM, ["--kiosk"]),
        (signal.SIGINT, ["--kiosk"]),
        (signal.SIGTERM, ["--size", SMALL]),
    ],
)
def test_a_signal_quits_the_window_cleanly_and_ends_its_workers(tmp_path, sig, args):
    window = start(["run", *args], headless_env(tmp_path))
    try:
        assert wait_until(lambda: "window open" in log_text(tmp_path) and workers_of(window.pid))
        workers = workers_of(window.pid)
        window.send_signal(sig)
        assert window.wait(TIMEOUT) == 0
        stderr = window.stderr.read().decode()
    finally:
        end(window)
    assert not [pid for pid in workers if running(pid)]
    assert f"{signal.Signals(sig).name} received: quitting" in log_text(tmp_path)
    assert "leaked" not in stderr and "Traceback" not in stderr, stderr


@pytest.mark.parametrize("command", ["run", "exhibit"])
def test_no_display_is_one_line_and_exit_1(tmp_path, command):
    env = headless_env(tmp_path)
    del env["SDL_VIDEODRIVER"]
    result = subprocess.run(
        [sys.executable, "-m", "llmbreaker", command], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "llmbreaker tui" in lines[0]


# ---------------------------------------------------------------------- the supervisor


def test_supervisor_imports_neither_pygame_nor_torch():
    code = (
        "import sys; from llmbreaker.cli import build_parser; build_parser(); "
        "import llmbreaker.commands.exhibit; "
        "print(sorted(m for m in ('pygame', 'torch') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_backoff_after_five_crashes_in_a_minute():
    assert [exhibit.backoff(n) for n in range(1, 5)] == [exhibit.RESTART_DELAY] * 4
    assert [exhibit.backoff(n) for n in (5, 6, 7, 8)] == [5.0, 10.0, 20.0, 40.0]
    assert exhibit.backoff(50) == exhibit.BACKOFF_MAX


def test_crashing_windows_are_logged_counted_and_backed_off(tmp_path, monkeypatch):
    setup_logging(tmp_path)
    crash = "import sys; print('Traceback (most recent call last): boom', file=sys.stderr); "
    supervisor = exhibit.Supervisor([sys.executable, "-c", crash + "sys.exit(3)"])
    delays = []

    def sleep(seconds):
        delays.append(seconds)
        supervisor.stopping = len(delays) == 7

    monkeypatch.setattr(supervisor, "_sleep", sleep)
    try:
        assert supervisor.run() == 0
    finally:
        for handler in logging.getLogger().handlers[:]:
            logging.getLogger().removeHandler(handler)
            handler.close()
    assert delays == [0.2, 0.2, 0.2, 0.2, 5.0, 10.0, 20.0]
    text = (tmp_path / LOG_FILE).read_text()
    assert text.count("Traceback (most recent call last): boom") == 7  # the window's own words
    assert "the window crashed (exit code 3): crash 7, 7 in the last 60 s" in text


@pytest.mark.parametrize("code", [0, 2])
def test_a_window_that_quits_or_refuses_its_options_is_not_restarted(code):
    supervisor = exhibit.Supervisor([sys.executable, "-c", f"raise SystemExit({code})"])
    assert supervisor.run() == code and supervisor.restarts == 0


def test_a_killed_window_comes_back_without_orphans_and_sigterm_stops_all(tmp_path):
    supervisor = start(["exhibit", "--size", SMALL], headless_env(tmp_path))
    try:
        assert wait_until(lambda: children(supervisor.pid))
        first = children(supervisor.pid)[0]
        assert wait_until(lambda: workers_of(first))  # the window's spare worker
        orphans = workers_of(first)
        killed = time.monotonic()
        os.kill(first, signal.SIGKILL)
        assert wait_until(lambda: log_text(tmp_path).count("window open") == 2)
        print(f"new window open {time.monotonic() - killed:.2f} s after SIGKILL")
        assert wait_until(lambda: not [pid for pid in orphans if running(pid)], 10)
        second = [c for c in children(supervisor.pid) if c != first]
        assert second and wait_until(lambda: workers_of(second[0]))
        group = [second[0], *workers_of(second[0])]
        for mapped in ("libSDL", "libtorch"):  # the supervisor loads neither
            assert mapped not in Path(f"/proc/{supervisor.pid}/maps").read_text()
        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(TIMEOUT) == 0
    finally:
        end(supervisor)
    assert not [pid for pid in group if running(pid)]
    text = log_text(tmp_path)
    assert "the window crashed (killed by SIGKILL): crash 1" in text
    assert "Traceback" not in text and "leaked" not in text
    assert "supervisor stopped after 1 restart(s)" in text
