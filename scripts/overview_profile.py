"""Where an Attention Cinema overview frame's time goes while a session trains at max speed.

    PYTHONPATH=$PWD .venv/bin/python scripts/overview_profile.py [--seconds 20] [--size 1920x1080]
        [--views 1,2,1,2] [--cprofile out.prof]

Runs the exhibit as the UI bench does (landing with a spare warming, Enter, Space, then a fresh
10,000-step Watch It Learn run), then shows each view of --views (tab keys; "v" after "2" is the
detail view) for --seconds and prints, per view: frame wall and CPU p50 / p95 / p99 / max, the
training's steps a second and the worker's CPU share, checkpoints that arrived, and for each
phase of the frame (events and pumping, tab updates, header, tab bar, the overview's tiles, the
side panel, the timeline, the tab's frame record, the display flip) its CPU p50 / p99 / mean in
ms. Headless unless SDL_VIDEODRIVER says otherwise (a real window: DISPLAY and
SDL_VIDEODRIVER=x11).
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import os
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

import game.attention.tab_layout as tab_layout  # noqa: E402
from game.app import FPS, App  # noqa: E402
from game.bench_ui import VIEWS_RUN_STEPS, press, until, views_run_started  # noqa: E402
from game.tabs.attention import AttentionTab  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


class Phases:
    """CPU seconds per named phase within the current frame."""

    def __init__(self) -> None:
        self.now: dict[str, float] = collections.defaultdict(float)
        self.frames: list[dict[str, float]] = []

    def wrap(self, name: str, function):
        def timed(*args, **kwargs):
            started = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.now[name] += time.thread_time() - started

        return timed

    def end_frame(self) -> None:
        self.frames.append(dict(self.now))
        self.now.clear()


def instrument(app: App, phases: Phases) -> None:
    dashboard = app.dashboard
    app.sessions.pump = phases.wrap("pump", app.sessions.pump)
    dashboard.update = phases.wrap("tab updates", dashboard.update)
    dashboard.header.draw = phases.wrap("header", dashboard.header.draw)
    dashboard._draw_tab_bar = phases.wrap("tab bar", dashboard._draw_tab_bar)
    tab_layout.draw_overview = phases.wrap("overview tiles", tab_layout.draw_overview)
    for name in ("draw_side_panel", "draw_timeline"):  # the direct paths (before round eight)
        if hasattr(tab_layout, name):
            label = "side panel" if "side" in name else "timeline"
            setattr(tab_layout, name, phases.wrap(label, getattr(tab_layout, name)))
    for tab in dashboard.tabs:
        if isinstance(tab, AttentionTab):
            tab.frame = phases.wrap("tab frame record", tab.frame)
            layout = tab.layout
            layout.draw = phases.wrap("cinema layout (all)", layout.draw)
            for part, label in (("overview", "overview tiles"), ("side_panel", "side panel"),
                                ("timeline", "timeline")):  # fmt: skip
                if hasattr(layout, part):  # the kept surfaces (round eight)
                    kept = getattr(layout, part)
                    kept.draw = phases.wrap(label, kept.draw)
    pygame.display.flip = phases.wrap("display flip", pygame.display.flip)


def worker_cpu(app: App) -> float:
    """CPU seconds of every worker process the manager holds (training and spare)."""
    total = 0.0
    for pid in worker_pids(app):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
        except OSError:
            pass
    return total


def worker_pids(app: App) -> list[int]:
    me = os.getpid()
    pids = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == me:
                        pids.append(int(pid))
            except OSError:
                pass
    return pids


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))] if ordered else 0.0


def steps(app: App) -> int:
    return sum(s.state.step for s in app.sessions.by_id.values())


def checkpoints(app: App) -> int:
    return sum(len(s.state.checkpoints) for s in app.sessions.by_id.values())


def measure(app: App, phases: Phases, seconds: float, profiler=None) -> dict:
    ticker = pygame.time.Clock()
    wall, cpu = [], []
    phases.now.clear()
    phases.frames.clear()
    steps0, cps0, worker0, started = steps(app), checkpoints(app), worker_cpu(app), time.monotonic()
    if profiler:
        profiler.enable()
    while time.monotonic() < started + seconds:
        dt = min(ticker.tick(FPS) / 1000, 0.1)
        w0, c0 = time.perf_counter(), time.thread_time()
        app.frame(dt)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.thread_time() - c0)
        phases.end_frame()
    if profiler:
        profiler.disable()
    rebuilds = {
        part: getattr(getattr(tab.layout, part, None), "rebuilds", None)
        for tab in app.dashboard.tabs
        if isinstance(tab, AttentionTab)
        for part in ("overview", "side_panel", "timeline")
    }
    elapsed = time.monotonic() - started
    names = sorted({name for frame in phases.frames for name in frame})
    per_phase = {}
    for name in names:
        values = [1000 * frame.get(name, 0.0) for frame in phases.frames]
        per_phase[name] = (pct(values, 0.5), pct(values, 0.99), sum(values) / len(values))
    return {
        "frames": len(wall),
        "wall": [round(1000 * pct(wall, q), 2) for q in (0.5, 0.95, 0.99, 1.0)],
        "cpu": [round(1000 * pct(cpu, q), 2) for q in (0.5, 0.95, 0.99, 1.0)],
        "steps_per_s": round((steps(app) - steps0) / elapsed, 1),
        "worker_cpu_share": round((worker_cpu(app) - worker0) / elapsed, 2),
        "checkpoints": checkpoints(app) - cps0,
        "rebuilds": rebuilds,
        "phases": per_phase,
        "slowest": [
            (round(1000 * cpu[i], 2), {k: round(1000 * v, 2) for k, v in phases.frames[i].items()})
            for i in sorted(range(len(cpu)), key=lambda i: -cpu[i])[: max(1, len(cpu) // 100)]
        ],
        "slowest_wall": [
            (i, round(1000 * wall[i], 2), round(1000 * cpu[i], 2))
            for i in sorted(range(len(wall)), key=lambda i: -wall[i])[: max(1, len(wall) // 100)]
        ],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument(
        "--views",
        default="1,2,1,2",
        help="keys pressed before each phase (tab digits, v, d), each with :seconds if not the"
        " --seconds",
    )
    parser.add_argument("--cprofile", help="write a thread-clock cProfile of the overview here")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    app = App(size=(width, height), prewarm=True)
    app.frame(1 / FPS)
    until(app, lambda: False, 8.0)  # the landing; the spare warms up
    press(app, "return", "space")
    until(app, lambda: any(s.state.checkpoints for s in app.sessions.by_id.values()), 60)
    app.ctx.training["max_iters"] = VIEWS_RUN_STEPS
    press(app, "return", "return")
    until(app, lambda: views_run_started(app), 60)
    phases = Phases()
    instrument(app, phases)
    profiler = cProfile.Profile(time.thread_time) if args.cprofile else None
    print(f"load before: {os.getloadavg()}")
    for view in args.views.split(","):
        key, _, seconds = view.partition(":")  # "2:30": the overview for 30 s
        press(app, key)
        until(app, lambda: False, 1.0)
        shown = profiler if key == "2" and profiler else None
        result = measure(app, phases, float(seconds or args.seconds), shown)
        print(
            f"view {view}: {result['frames']} frames, wall p50/p95/p99/max {result['wall']} ms, "
            f"CPU {result['cpu']} ms, {result['steps_per_s']} steps/s, worker CPU "
            f"{result['worker_cpu_share']} cores, {result['checkpoints']} checkpoints, "
            f"load {os.getloadavg()[0]:.2f}"
        )
        print(f"    kept surfaces drawn again (totals): {result['rebuilds']}")
        for name, (p50, p99, mean) in sorted(result["phases"].items(), key=lambda kv: -kv[1][2]):
            print(f"    {name:22s} CPU p50 {p50:6.2f}  p99 {p99:6.2f}  mean {mean:6.2f} ms")
        for total, parts in result["slowest"]:
            print(f"    slow frame {total} ms CPU: {parts}")
        for index, wall_ms, cpu_ms in result["slowest_wall"]:
            print(f"    slow frame by wall: #{index} {wall_ms} ms wall, {cpu_ms} ms CPU")
    if profiler:
        profiler.dump_stats(args.cprofile)
    app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
