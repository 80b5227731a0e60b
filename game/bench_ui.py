"""Headless UI measurements for `llmbreaker bench`: first frame, frame times per view, memory.

Run as `python -m game.bench_ui`; prints one JSON line. A session trains at max speed the
whole time, so every figure is taken while the worker competes for the CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from typing import Any

LAUNCHED = time.time()

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.app import FPS, App  # noqa: E402
from game.pilot import key_event  # noqa: E402
from llmbreaker.bench import worker_speed  # noqa: E402  (torch-free helpers)
from llmbreaker.exhibit_config import RunOptions  # noqa: E402

OVERVIEW = "attention-overview"
# The default run's 500 steps end some 30 s after Space, and the views below take over a
# minute: they were timed partly after training had ended (0.0 steps/s from the overview
# on). They are timed on a fresh run this long instead, which outlasts them at max speed.
VIEWS_RUN_STEPS = 10_000
# Each view: the keys that reach it from the one before.
VIEWS = [
    ("watch", ["1"]),
    (OVERVIEW, ["2"]),
    ("attention-detail", ["v"]),
    ("attention-3d", ["d"]),
    ("style", ["d", "v", "3"]),
    ("decode", ["4"]),
]


def rss_mb() -> float | None:
    return worker_speed.rss_mb(os.getpid())


def frame_percentiles(seconds: list[float]) -> dict:
    return worker_speed.percentiles([1000 * s for s in seconds])


def play(app: App, seconds: float) -> list[float]:
    """Run real frames at the exhibit's pace; return each frame's work time in seconds."""
    ticker = pygame.time.Clock()
    times = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.frame(min(ticker.tick(FPS) / 1000, 0.1))
        times.append(app.frame_times[-1])
    return times


def training_steps(app: App) -> int:
    return sum(s.state.step for s in app.sessions.by_id.values())


def time_view(app: App, seconds: float, first_seconds: float) -> dict:
    """A view's frame percentiles over `seconds`, the training's steps a second meanwhile,
    and, when `seconds` is longer, the percentiles of the first `first_seconds` alone (what
    the bench measured before: 181 frames, whose p99 is their third-slowest frame)."""
    steps, started = training_steps(app), time.monotonic()
    times = play(app, seconds)
    result = frame_percentiles(times)
    result["steps_per_s"] = round((training_steps(app) - steps) / (time.monotonic() - started), 1)
    if seconds > first_seconds:
        result["first"] = frame_percentiles(times[: round(first_seconds * FPS) + 1])
    return result


def views_run_started(app: App) -> bool:
    """Watch It Learn's session is the long run for the views, and it has begun training."""
    session = app.sessions.get("watch")
    return (
        session is not None
        and session.config.train.max_iters == VIEWS_RUN_STEPS
        and session.state.step > 0
    )


def press(app: App, *keys: str) -> None:
    for key in keys:
        app.inject(key_event(key))
        app.frame(1 / FPS)


def break_it(size: tuple[int, int], seconds: float, to_verdict: bool) -> dict:
    """Break It's frames while the broken model and its ghost both train (nothing else does).

    The caller points the cache at an empty folder, so the ghost trains live beside the
    broken model: the tab's heaviest case, two workers and the UI on the cores. With
    to_verdict, both runs go on to the caption, then R trains again with the ghost replayed
    from the cache it just wrote, and both waits are timed.
    """
    app = App(size=size, prewarm=True, idle_workers=RunOptions().idle_workers)
    app.frame(1 / FPS)
    play(app, 4.0)  # the spare worker warms up
    press(app, "return", "5")
    pressed = time.perf_counter()
    press(app, "space")
    both = ("break", "break-ghost")
    until(app, lambda: all((s := app.sessions.get(sid)) and s.state.checkpoints for sid in both))
    play(app, 1.0)
    wall, cpu = play_timed(app, seconds)
    result: dict[str, Any] = {
        "size": f"{size[0]}x{size[1]}",
        "frames": frame_percentiles(wall),
        "frames_cpu": frame_percentiles(cpu),
    }
    result["still_training_at_end"] = [
        sid for sid in both if (s := app.sessions.get(sid)) and not s.state.finished
    ]
    if to_verdict:
        tab = app.dashboard.tab
        until(app, lambda: tab.frame().verdict, 900)
        result["space_to_verdict_live_ghost_s"] = round(time.perf_counter() - pressed, 1)
        result["verdict"] = list(tab.frame().verdict)
        pressed = time.perf_counter()
        press(app, "r")
        app.frame_times.clear()
        until(app, lambda: tab.runs.cached is not None and tab.frame().verdict, 900)
        result["space_to_verdict_cached_ghost_s"] = round(time.perf_counter() - pressed, 1)
        result["frames_cached_ghost"] = frame_percentiles(list(app.frame_times))
    app.close()
    return result


def play_timed(app: App, seconds: float) -> tuple[list[float], list[float]]:
    """Like play(), also each frame's CPU time: on a shared machine the wall time of a frame
    includes the time the scheduler gave to other processes, its CPU time does not."""
    ticker = pygame.time.Clock()
    wall, cpu = [], []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        dt = min(ticker.tick(FPS) / 1000, 0.1)
        w0, c0 = time.perf_counter(), time.thread_time()
        app.frame(dt)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.thread_time() - c0)
    return wall, cpu


def first_real_word(app: App, pressed: float, timeout: float = 60.0) -> dict:
    """Seconds from Space to the frame that shows Watch It Learn's "First real word" caption
    (game.tabs.watch_milestones: a word of 3+ letters that the corpus uses at least twice)."""
    tab = app.dashboard.tab
    found: list[tuple[int, str]] = []

    def spotted() -> bool:
        milestones = getattr(tab, "milestones", None)
        captions = milestones.captions if milestones is not None else []
        found[:] = [c for c in captions if c[1].startswith("First real word")]
        return bool(found)

    until(app, spotted, timeout)
    if not found:
        return {"error": f"no first-word caption within {timeout:.0f} s"}
    step, caption = found[0]
    return {"seconds": round(time.perf_counter() - pressed, 3), "step": step, "caption": caption}


def checkpoint_on_screen(app: App, pressed: float, step: int, timeout: float = 60) -> float | None:
    """Seconds from Space to the frame after the first checkpoint at or past step arrived.

    `quick` looks at step 5, where the exhibit's sample already holds its first word; step 20
    is where that word came before, on a model that writes one in five samples of six rather
    than one in two (docs/performance.md, sixth round): both times are reported.
    """

    def arrived() -> bool:
        sessions = app.sessions.by_id.values()
        return any(c.step >= step for s in sessions for c in s.state.checkpoints)

    until(app, arrived, timeout)
    return round(time.perf_counter() - pressed, 3) if arrived() else None


def until(app: App, predicate, timeout: float = 120.0) -> None:
    """Run frames at the exhibit's pace until predicate() or timeout seconds."""
    ticker = pygame.time.Clock()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not predicate():
        app.frame(min(ticker.tick(FPS) / 1000, 0.1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=6.0, help="seconds per view")
    parser.add_argument(
        "--overview-seconds",
        type=float,
        default=30.0,
        help="seconds on Attention Cinema's overview: its goal is a p99, which 6 s (181 "
        "frames) reduces to the third-slowest frame",
    )
    parser.add_argument("--soak", type=float, default=120.0, help="seconds on the landing")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--launched", type=float, help="epoch seconds the parent started us")
    parser.add_argument(
        "--break-it", action="store_true", help="only Break It, while both of its models train"
    )
    parser.add_argument(
        "--to-verdict", action="store_true", help="Break It: time both runs to the caption"
    )
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    if args.break_it:
        print(json.dumps(break_it((size[0], size[1]), args.seconds, args.to_verdict)))
        return 0
    app = App(size=size, prewarm=True, idle_workers=RunOptions().idle_workers)
    app.frame(1 / FPS)
    first_frame = time.time() - (args.launched or LAUNCHED)
    memory = {"start": rss_mb()}
    play(app, 8.0)  # a visitor reads the landing; the spare worker warms torch up meanwhile
    press(app, "return")
    pressed = time.perf_counter()
    press(app, "space", "f9")  # start training, then max speed (the default already)
    start_deadline = time.monotonic() + 60
    while time.monotonic() < start_deadline and not any(
        s.state.checkpoints for s in app.sessions.by_id.values()
    ):
        app.frame(1 / FPS)
    space_to_first_checkpoint = time.perf_counter() - pressed
    first_word = first_real_word(app, pressed)
    step_20 = checkpoint_on_screen(app, pressed, 20)
    app.ctx.training["max_iters"] = VIEWS_RUN_STEPS  # what the tabs' next start uses
    press(app, "return", "return")  # Enter twice on Watch It Learn: train afresh
    until(app, lambda: views_run_started(app), 60)
    press(app, "f9")  # max speed for the views' run too
    frames = {}
    for name, keys in VIEWS:
        press(app, *keys)
        play(app, 1.0)  # let the view settle (first checkpoint, caches)
        seconds = args.overview_seconds if name == OVERVIEW else args.seconds
        frames[name] = time_view(app, seconds, args.seconds)
    memory["after_views"] = rss_mb()  # every view built once: GL context, caches, fonts
    press(app, "escape")
    play(app, args.soak)
    views_seconds = args.seconds * (len(VIEWS) - 1) + args.overview_seconds
    memory.update(end=rss_mb(), seconds=args.soak + views_seconds)
    app.close()
    print(
        json.dumps(
            {
                "size": args.size,
                "first_frame_s": round(first_frame, 3),
                "space_to_first_checkpoint_s": round(space_to_first_checkpoint, 3),
                "space_to_first_real_word": first_word,
                "space_to_step_20_s": step_20,
                "frames": frames,
                "memory_mb": memory,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
