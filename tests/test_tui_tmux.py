"""The live view in a real terminal (tmux): `llmbreaker tui` and the README's snippet show their
panels, P pauses, S steps, and Q quits cleanly, paused or not."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TITLES = ["DECODE LIVE", "ATTENTION FLOW", "CONTEXT", "TOKEN CREDIT", "KV CACHE MEMORY"]
# Values a character model never has: `llmbreaker tui` gives them no room.
NEVER_SHOWN = ["R: ", "KL: ", "mRoPE", "VISION INJECTION", "GPU"]

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


# A tmux server of this test run's own: other runs on the machine (and their kill-session or
# kill-server) cannot take it down under us.
SOCKET = f"llmbreaker-tests-{os.getpid()}"


def tmux(*args: str) -> str:
    command = ["tmux", "-L", SOCKET, *args]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


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


def start(session: str, *args: str, program: str = "-m llmbreaker tui") -> None:
    # The exit status is printed and the pane kept open, so a fast exit can still be read.
    # COLUMNS and LINES, which pytest's environment may carry, would override the pane's size.
    command = (
        f"cd {ROOT} && env -u COLUMNS -u LINES PYTHONPATH={ROOT} {sys.executable} {program} "
        f"{' '.join(args)}; "
        'echo "exit=$?"; sleep 60'
    )
    subprocess.run(
        [
            "tmux",
            "-L",
            SOCKET,
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "200",
            "-y",
            "60",
            command,
        ],
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
    assert not [part for part in NEVER_SHOWN if part in screen(session)], screen(session)
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


def readme_snippet() -> str:
    """The README's live-view example, exactly as written there."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("### Using the live view from any training loop") :]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def shown_step(session: str) -> int | None:
    found = re.search(r"STEP (\d+)/", screen(session))
    return int(found.group(1)) if found else None


def settled_step(session: str) -> int | None:
    """The step shown once it stays the same for a second (None if it never does)."""
    last = shown_step(session)
    for _ in range(60):
        time.sleep(1.0)
        now = shown_step(session)
        if now == last:
            return now
        last = now
    return None


def test_readme_snippet_runs_as_written_pauses_steps_and_quits_while_paused(session, tmp_path):
    script = tmp_path / "snippet.py"
    script.write_text(readme_snippet())
    start(session, program=str(script))
    assert wait_for(lambda: (shown_step(session) or 0) > 0, 180), screen(session)
    tmux("send-keys", "-t", session, "p")
    assert wait_for(lambda: "PAUSED" in screen(session), 60), screen(session)
    held = settled_step(session)  # paused: the loop ends the step it was in, then holds
    assert held is not None and held < 399, screen(session)
    tmux("send-keys", "-t", session, "s")
    assert wait_for(lambda: shown_step(session) == held + 1, 60), screen(session)
    tmux("send-keys", "-t", session, "q")  # still paused
    assert wait_for(lambda: exit_status(session) is not None, 60), screen(session)
    assert exit_status(session) == "0" and "Traceback" not in screen(session)
