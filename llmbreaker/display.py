"""Whether a window can open here, judged from the environment alone (no pygame needed)."""

from __future__ import annotations

import os
import sys

TERMINAL_HINT = "Try the terminal view: llmbreaker tui"
# SDL's drivers that draw nowhere visible; it falls back to them when no display answers.
INVISIBLE_DRIVERS = ("offscreen", "dummy")


def chosen_driver() -> str | None:
    """The SDL video driver the user set on purpose (SDL_VIDEODRIVER), if any."""
    return os.environ.get("SDL_VIDEODRIVER") or None


def no_display_message() -> str | None:
    """The one line to print when a window cannot be shown here; None when it can."""
    if chosen_driver() or not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return f"llmbreaker: no display (DISPLAY and WAYLAND_DISPLAY are not set). {TERMINAL_HINT}"


def invisible_driver_message(driver: str) -> str | None:
    """The line to print when SDL fell back to an invisible driver nobody asked for."""
    if chosen_driver() or driver not in INVISIBLE_DRIVERS:
        return None
    return f"llmbreaker: no display could be opened (SDL chose '{driver}'). {TERMINAL_HINT}"
