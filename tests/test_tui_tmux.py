"""`llmbreaker tui` in a real terminal (tmux): the panels appear, and Q quits cleanly."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TITLES = ["DECODE LIVE", "ATTENTION FLOW", "TOKEN CREDIT", "KV CACHE MEMORY"]

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def session():
    name = f"llmbreaker-test-{uuid.uuid4().hex[:8]}"
    yield name
    tmux("kill-session", "-t", name)


def start(session: str, *args: str) -> None:
    # The exit status is printed and the pane kept open, so a fast exit can still be read.
    # COLUMNS and LINES, which pytest's environment may carry, would override the pane's size.
    command = (
        f"cd {ROOT} && env -u COLUMNS -u LINES {sys.executable} -m llmbreaker tui "
        f"{' '.join(args)}; "
        'echo "exit=$?"; sleep 60'
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "200", "-y", "60", command],
        check=True,
    )
    # Without a client attached, some tmux versions fall back to 80x24; insist on the size.
    tmux("resize-window", "-t", session, "-x", "200", "-y", "60")


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def exit_status(session: str) -> str | None:
    """The command's exit status once it has ended, else None."""
    for line in screen(session).splitlines():
        if line.startswith("exit="):
            return line[5:].strip()
    return None


def test_tui_shows_the_panels_and_quits_on_q(session):
    start(session, "--dataset", "tiny", "--preset", "seed", "--iters", "200")
    assert wait_for(lambda: all(t in screen(session) for t in TITLES), 180), screen(session)
    assert "Terminal too small" not in screen(session)
    tmux("send-keys", "-t", session, "q")
    assert wait_for(lambda: exit_status(session) is not None, 60), screen(session)
    assert exit_status(session) == "0"
    assert "Traceback" not in screen(session)


def test_bad_prompt_is_one_clear_line(session):
    start(session, "--dataset", "tiny", "--preset", "seed", "--prompt", "'€€'")
    assert wait_for(lambda: exit_status(session) is not None, 120)
    text = screen(session)
    assert exit_status(session) == "2"
    assert "never seen '€'" in text and "Traceback" not in text
