"""Random keys from the key table across every scene while training runs: what broke, what stalled.

The robustness suite's engine (scripts/robustness.py for the full run, a short run in the tests).
Keys come from the one key table, so every tab that registers bindings is covered without
naming it here, plus the letters, digits and editing keys a visitor types into text fields.
Each key is a KEYDOWN (and, for a printable key, the TEXTINPUT that SDL sends with it), then
frames; the slowest frame among the key's own and the next `follow` frames is charged to it.
"""

from __future__ import annotations

import gc
import logging
import random
import string
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.pilot import Pilot, key_event
from game.tabs.placeholder import PlaceholderTab

PLACEHOLDER_MARK = "Stopped after an error"
SKIPPED_ACTIONS = {"quit"}  # the one key meant to end the run
TYPED = string.ascii_lowercase + string.digits + " .,?"
EDITING = ["escape", "return", "backspace", "delete", "tab", "home", "end", "left", "right"]
EDITING += ["up", "down", "pageup", "pagedown", "ctrl+a", "ctrl+c", "ctrl+v", "ctrl+x"]
EDITING += [f"f{n}" for n in range(1, 13)]


@dataclass
class Report:
    """What a run found; `slowest` holds the worst frames with the key that caused each."""

    keys: int = 0
    frames: int = 0
    exceptions: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    slowest: list[tuple[float, str, str]] = field(default_factory=list)  # (s, key, where)
    per_key: dict[str, float] = field(default_factory=dict)  # key -> its slowest frame
    per_key_where: dict[str, str] = field(default_factory=dict)  # ... and where it was
    # The same in CPU time of the frame loop's thread: what the frame itself cost, without the
    # time it waited for a core on a shared machine.
    slowest_cpu: list[tuple[float, str, str]] = field(default_factory=list)
    per_key_cpu: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    gc_pause: float = 0.0  # the longest garbage collection during the run, seconds

    @property
    def worst(self) -> tuple[float, str, str]:
        return max(self.slowest, default=(0.0, "", ""))

    def lines(self) -> list[str]:
        worst_ms, key, where = self.worst
        cpu_ms, cpu_key, cpu_where = max(self.slowest_cpu, default=(0.0, "", ""))
        return [
            f"keys {self.keys:,}, frames {self.frames:,}, {self.seconds:.0f} s",
            f"exceptions {len(self.exceptions)}, placeholder tabs {len(self.placeholders)}",
            f"slowest frame {1000 * worst_ms:.1f} ms wall after '{key}' ({where})",
            f"slowest frame {1000 * cpu_ms:.1f} ms CPU after '{cpu_key}' ({cpu_where})",
            "slowest keys (wall): " + _top(self.per_key, self.per_key_where),
            "slowest keys (CPU): " + _top(self.per_key_cpu),
            f"longest garbage collection {1000 * self.gc_pause:.1f} ms",
            *[f"  exception: {text}" for text in self.exceptions[:10]],
            *[f"  placeholder: {text}" for text in self.placeholders[:10]],
        ]


def _top(per_key: dict[str, float], places: dict[str, str] | None = None, count: int = 10) -> str:
    ordered = sorted(per_key.items(), key=lambda item: -item[1])[:count]
    return ", ".join(
        f"{name} {1000 * seconds:.0f} ms" + (f" ({places[name]})" if places else "")
        for name, seconds in ordered
    )


class _Errors(logging.Handler):
    """Counts log records that carry a traceback: a tab or the app caught an exception."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.found.append(f"{record.name}: {record.getMessage()}: {record.exc_info[1]!r}")


class _CollectionTimer:
    """Times Python's garbage collections: a pause of the frame loop that no profile names."""

    def __init__(self) -> None:
        self.longest, self._began = 0.0, 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.longest = max(self.longest, time.perf_counter() - self._began)


def key_pool(app) -> list[str]:
    """Every key the table binds (all scenes and tabs), plus typing and editing keys."""
    _ = app.dashboard  # built now, so every tab's bindings are in the table
    keys = {k for b in app.keymap.bindings if b.action not in SKIPPED_ACTIONS for k in b.keys}
    return sorted(keys | set(TYPED) | set(EDITING))


def where(app) -> str:
    tab = getattr(app.scene, "tab", None)
    overlay = " +help" if app.help.visible else ""
    return f"{app.scene.name}/{tab.id}{overlay}" if tab else app.scene.name + overlay


def press(pilot: Pilot, name: str) -> None:
    """Queue a key as SDL delivers it: KEYDOWN, then TEXTINPUT when it types a character."""
    event = key_event(name)
    pilot.app.inject(event)
    if event.unicode and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        pilot.app.inject(pygame.event.Event(pygame.TEXTINPUT, text=event.unicode))


def run(
    pilot: Pilot,
    count: int,
    seed: int = 1,
    follow: int = 1,
    pace: bool = False,
    keep_training: Callable[[], None] | None = None,
    progress: Callable[[int, Report], None] | None = None,
) -> Report:
    """Press `count` random keys; pace=True runs frames at the app's real frame rate."""
    app, rng, report = pilot.app, random.Random(seed), Report()
    pool = key_pool(app)
    errors = _Errors()
    logging.getLogger().addHandler(errors)
    started = time.monotonic()
    collections = _CollectionTimer()
    gc.callbacks.append(collections)
    try:
        for index in range(count):
            if keep_training and index % 50 == 0:
                keep_training()
            name = rng.choice(pool)
            press(pilot, name)
            slowest = slowest_cpu = 0.0
            for _ in range(1 + follow):
                tick, cpu = time.monotonic(), time.thread_time()
                try:
                    pilot.frames(1)
                except Exception as exc:  # the app itself raised: a crash in real life
                    report.exceptions.append(f"frame after '{name}': {exc!r}")
                slowest_cpu = max(slowest_cpu, time.thread_time() - cpu)
                slowest = max(slowest, app.frame_times[-1] if app.frame_times else 0.0)
                report.frames += 1
                if pace:
                    time.sleep(max(0.0, 1 / app.scene.fps - (time.monotonic() - tick)))
            report.keys += 1
            if slowest >= report.per_key.get(name, 0.0):
                report.per_key[name], report.per_key_where[name] = slowest, where(app)
            report.per_key_cpu[name] = max(report.per_key_cpu.get(name, 0.0), slowest_cpu)
            report.slowest = sorted([*report.slowest, (slowest, name, where(app))])[-20:]
            report.slowest_cpu = sorted([*report.slowest_cpu, (slowest_cpu, name, where(app))])[
                -20:
            ]
            _check_placeholders(app, name, report)
            if progress and (index + 1) % 500 == 0:
                progress(index + 1, report)
    finally:
        logging.getLogger().removeHandler(errors)
        gc.callbacks.remove(collections)
    report.exceptions += errors.found
    report.gc_pause = collections.longest
    report.seconds = time.monotonic() - started
    return report


def _check_placeholders(app, name: str, report: Report) -> None:
    dashboard = app.scenes.get("dashboard")
    for tab in dashboard.tabs if dashboard else []:
        if isinstance(tab, PlaceholderTab) and tab.reason.startswith(PLACEHOLDER_MARK):
            text = f"{tab.title} after '{name}': {tab.reason}"
            if text not in report.placeholders:
                report.placeholders.append(text)
