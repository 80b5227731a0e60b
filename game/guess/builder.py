"""Runs `llmbreaker guess build` in a child process, so the window never imports torch or waits."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading

log = logging.getLogger(__name__)
COMMAND = [sys.executable, "-m", "llmbreaker", "guess", "build", "--threads", "1"]


class CacheBuilder:
    """Start once, poll every frame; `last_line` is the build's newest progress line."""

    def __init__(self, command: list[str] | None = None) -> None:
        self.command = command or COMMAND
        self.process: subprocess.Popen | None = None
        self.last_line = ""
        self.output: list[str] = []

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> str | None:
        """Launch the build; an error message when it could not even start."""
        if self.running:
            return None
        self.last_line, self.output = "Starting…", []
        try:
            self.process = subprocess.Popen(
                self.command,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                text=True,
                bufsize=1,
            )
        except OSError as exc:
            self.process = None
            return f"Could not start the build: {exc}"
        threading.Thread(target=self._read, args=(self.process,), daemon=True).start()
        return None

    def _read(self, process: subprocess.Popen) -> None:
        for line in process.stdout or ():
            line = line.strip()
            if line:
                self.output.append(line)
                self.last_line = line

    def poll(self) -> int | None:
        """None while running (or never started), else the exit code."""
        return None if self.process is None else self.process.poll()

    def failure(self) -> str:
        """What went wrong, in the build's own last words."""
        return self.output[-1] if self.output else "the build stopped without a word"

    def stop(self) -> None:
        """End the child (on close); no process is left behind."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.info("guessing-game build stopped")
