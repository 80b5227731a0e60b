"""Single keys from a terminal without Enter: a cbreak-mode reader thread, restored on stop."""

from __future__ import annotations

import os
import select
import sys
import threading
from collections.abc import Callable


class KeyReader:
    """Calls on_key(char) for each key typed while running; does nothing unless stdin is a TTY."""

    def __init__(self, on_key: Callable[[str], None], stream=None) -> None:
        self.on_key = on_key
        self.stream = stream if stream is not None else sys.stdin
        self._saved: list | None = None  # the terminal's attributes before cbreak mode
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def active(self) -> bool:
        return self._thread is not None

    def start(self) -> bool:
        """Enter cbreak mode and start reading; False when stdin is not an interactive terminal."""
        try:
            fd = self.stream.fileno()
            if not os.isatty(fd):
                return False
            import termios
            import tty
        except (AttributeError, OSError, ValueError, ImportError):
            return False
        self._saved = termios.tcgetattr(fd)
        tty.setcbreak(fd)  # keys arrive one at a time; Ctrl+C still interrupts
        self._thread = threading.Thread(target=self._run, args=(fd,), name="tui-keys", daemon=True)
        self._thread.start()
        return True

    def _run(self, fd: int) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(fd, 32)
            except OSError:
                return
            if not data:
                return
            if data.startswith(b"\x1b"):
                continue  # arrow keys and other escape sequences mean nothing here
            for char in data.decode("utf-8", "ignore"):
                self.on_key(char)

    def stop(self) -> None:
        """Stop reading and give the terminal back exactly as it was."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
            self._thread = None
        if self._saved is not None:
            import termios

            termios.tcsetattr(self.stream.fileno(), termios.TCSADRAIN, self._saved)
            self._saved = None
