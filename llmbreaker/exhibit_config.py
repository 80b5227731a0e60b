"""The exhibit's `run` options: one dataclass, set by flags and exhibit.toml, checked in one place.

Command-line flags override the file. Every problem is one line that names the key (or flag).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from llmbreaker.config import SPEEDS
from llmbreaker.errors import INVALID_CONFIG, LLMBreakerError

# Looked at with scripts/layout_sizes.py: 960x540 lays out like 1280x720, half scale; at 800x450
# Attention's key list leaves its panel and Style's footer overlaps; at 640x360 labels overlap.
MIN_SIZE = (960, 540)
MAX_SIZE = (7680, 4320)  # 8K: past it the window's surfaces alone pass 130 MB a frame
MIN_IDLE = 10.0  # seconds; shorter sends a visitor who stops to read back to the tour
KIOSK_IDLE = 90.0  # the idle timeout in kiosk mode unless one is set
MODIFIERS = ("ctrl", "shift", "alt")
CHORD_KEYS = (
    [chr(c) for c in range(ord("a"), ord("z") + 1)]
    + [str(d) for d in range(10)]
    + [f"f{n}" for n in range(1, 13)]
)
HOLD_RANGE = (1.0, 30.0)  # seconds the quit chord must be held
# Keys that write or open files, or leave full screen: off in kiosk mode unless listed in
# kiosk_allow. Names are the key table's binding ids (game/keys.py and each tab), plus "drop".
KIOSK_LOCKABLE = {
    "fullscreen": "F11, full screen on and off",
    "screenshot": "F12, save a screenshot",
    "attention_gif": "G in Attention Cinema, save a GIF",
    "attention_png": "X in Attention Cinema, save a PNG",
    "watch_open": "O in Watch It Learn, open any file by its path",
    "style_open": "O in Style Transfer, open any file by its path",
    "drop": "files dropped on the window",
}


@dataclass(frozen=True)
class RunOptions:
    """Everything `llmbreaker run` can be told, with its defaults."""

    size: tuple[int, int] = (1280, 720)  # window size when not full screen
    fullscreen: bool = False
    kiosk: bool = False  # full screen, cursor hidden, only the held quit chord quits
    idle_timeout: float | None = None  # seconds without a key; None: 90 in kiosk, else never
    tour: bool = True  # after the idle reset, the landing plays the attract tour
    tour_corpus: str = "shakespeare"  # what the tour trains
    tour_speed: str = "2x"  # watchable: the loss falls over about half a minute
    quit_chord: str = "ctrl+shift+q"  # held for quit_hold seconds, it quits a kiosk
    quit_hold: float = 3.0
    log_folder: str | None = None  # None: llmbreaker.paths.log_dir()
    exports: str | None = None  # None: llmbreaker.paths.exports_dir()
    kiosk_allow: tuple[str, ...] = ()  # KIOSK_LOCKABLE names left on in kiosk mode
    threads: int = 1  # torch threads per training worker; the UI keeps a core
    clear_scores: bool = False  # empty the guessing game's best-scores list at start
    # Training workers under SCHED_IDLE (Linux): the window's frames always get the CPU first,
    # but beside other busy programs training all but stops (worker_process.run_idle), so off
    # unless the operator knows the exhibit's computer runs nothing else.
    idle_workers: bool = False

    @property
    def idle_seconds(self) -> float:
        if self.idle_timeout is None:
            return KIOSK_IDLE if self.kiosk else 0.0
        return self.idle_timeout


NAMES = tuple(f.name for f in fields(RunOptions))


def _bad(where: str, problem: str) -> LLMBreakerError:
    return LLMBreakerError(INVALID_CONFIG, f"{where}: {problem}")


# ---------------------------------------------------------------------- one check per option


def _bool(value, where):
    if not isinstance(value, bool):
        raise _bad(where, f"must be true or false (got {value!r})")
    return value


def _number(value, where) -> float:
    if isinstance(value, bool):
        raise _bad(where, f"must be a number of seconds (got {value!r})")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise _bad(where, f"must be a number of seconds (got {value!r})") from None


def _size(value, where):
    if isinstance(value, str):
        parts = value.lower().split("x")
    elif isinstance(value, list | tuple):
        parts = list(value)
    else:
        parts = []
    try:
        width, height = (int(p) for p in parts)
    except (TypeError, ValueError):
        raise _bad(where, f"must look like 1920x1080 (got {value!r})") from None
    (low_w, low_h), (high_w, high_h) = MIN_SIZE, MAX_SIZE
    if width < low_w or height < low_h:
        raise _bad(where, f"{width}x{height} is smaller than the layout supports "
                          f"(at least {low_w}x{low_h})")  # fmt: skip
    if width > high_w or height > high_h:
        raise _bad(where, f"{width}x{height} is larger than {high_w}x{high_h}")
    return width, height


def _idle(value, where):
    seconds = _number(value, where)
    if seconds < 0:
        raise _bad(where, f"cannot be negative (got {seconds:g}); 0 means never")
    if 0 < seconds < MIN_IDLE:
        raise _bad(where, f"must be 0 (never) or at least {MIN_IDLE:g} seconds (got {seconds:g})")
    return seconds


def _corpus(value, where):
    from llmbreaker.datasets import RECIPES, TINY

    names = [recipe.name for recipe in RECIPES] + [TINY]
    if value not in names:
        raise _bad(where, f"unknown corpus {value!r}; choose one of: {', '.join(names)}")
    return value


def _speed(value, where):
    if value not in SPEEDS:
        raise _bad(where, f"unknown speed {value!r}; choose one of: {', '.join(SPEEDS)}")
    return value


def _chord(value, where):
    parts = value.lower().replace(" ", "").split("+") if isinstance(value, str) else []
    *mods, key = parts or [""]
    if not mods or any(m not in MODIFIERS for m in mods) or key not in CHORD_KEYS:
        raise _bad(where, f"must be modifiers and a key, like ctrl+shift+q (got {value!r}); "
                          f"modifiers: {', '.join(MODIFIERS)}; keys: a-z, 0-9, f1-f12")  # fmt: skip
    return "+".join([*mods, key])


def _hold(value, where):
    seconds = _number(value, where)
    low, high = HOLD_RANGE
    if not low <= seconds <= high:
        raise _bad(where, f"must be {low:g}-{high:g} seconds (got {seconds:g})")
    return seconds


def _folder(value, where):
    if not isinstance(value, str) or not value.strip():
        raise _bad(where, f"must be a folder path (got {value!r})")
    return str(Path(value).expanduser())


def _allow(value, where):
    names = value.split(",") if isinstance(value, str) else value
    if not isinstance(names, list | tuple):
        raise _bad(where, f"must be a list of names (got {value!r})")
    names = tuple(str(n).strip() for n in names if str(n).strip())
    for name in names:
        if name not in KIOSK_LOCKABLE:
            raise _bad(where, f"unknown key {name!r}; choose from: {', '.join(KIOSK_LOCKABLE)}")
    return names


def _threads(value, where):
    cores = os.cpu_count() or 1
    try:
        count = int(value) if not isinstance(value, bool | float) else None
    except (TypeError, ValueError):
        count = None
    if count is None or not 1 <= count <= cores:
        raise _bad(where, f"must be a whole number from 1 to {cores}, this machine's cores "
                          f"(got {value!r})")  # fmt: skip
    return count


CHECKS = {
    "size": _size,
    "fullscreen": _bool,
    "kiosk": _bool,
    "idle_timeout": _idle,
    "tour": _bool,
    "tour_corpus": _corpus,
    "tour_speed": _speed,
    "quit_chord": _chord,
    "quit_hold": _hold,
    "log_folder": _folder,
    "exports": _folder,
    "kiosk_allow": _allow,
    "threads": _threads,
    "clear_scores": _bool,
    "idle_workers": _bool,
}
assert set(CHECKS) == set(NAMES), "every option has exactly one check"


# ---------------------------------------------------------------------- reading


def read_file(path: str | os.PathLike) -> dict:
    """The options in an exhibit.toml, unchecked; unknown keys and bad TOML are refused."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise _bad(str(path), "no such file") from None
    except OSError as exc:
        raise _bad(str(path), f"cannot be read ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _bad(str(path), f"is not valid TOML ({exc})") from None
    for key in data:
        if key not in CHECKS:
            raise _bad(f"{key} in {Path(path).name}",
                       f"unknown key; known keys: {', '.join(NAMES)}")  # fmt: skip
    return data


def resolve(file_values: dict, flags: dict, file_name: str = "exhibit.toml") -> RunOptions:
    """Merge the file's values and the flags given (None = not given), check each, build."""
    given = {key: (value, f"{key} in {file_name}") for key, value in file_values.items()}
    for key, value in flags.items():
        if value is not None:
            given[key] = (value, "--" + key.replace("_", "-"))
    return RunOptions(**{key: CHECKS[key](value, where) for key, (value, where) in given.items()})


def check_fits(size: tuple[int, int], screen: tuple[int, int], where: str = "size") -> None:
    """A window must fit the screen it opens on."""
    if size[0] > screen[0] or size[1] > screen[1]:
        raise _bad(where, f"{size[0]}x{size[1]} is larger than the screen "
                          f"({screen[0]}x{screen[1]})")  # fmt: skip
