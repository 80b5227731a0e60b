"""Soak: the attract tour looping for a long time; are memory, threads and fds flat?

    PYTHONPATH=. SDL_VIDEODRIVER=dummy nice -n 5 .venv/bin/python scripts/soak_tour.py \
        --minutes 30 [--speedup 1] [--out soak-results]

Runs the real exhibit (spare worker, real training workers) at 30 frames a second; --speedup
makes the tour's clock run faster than the wall clock, so it loops (and starts and ends
sessions) more often. Every few seconds it samples the window process (RSS, threads, open
fds, CPU) and its workers (count, RSS); it writes soak.csv and prints the growth after warm-up.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import os
import statistics
import time
from pathlib import Path

# Measured (30 min real time, 19 loops): the window's RSS climbs for about 8 loops while the
# theme's text cache (up to 3,000 rendered lines) and font cache fill, then stays flat to the
# byte; so the first half of a run is its warm-up.
WARMUP_SHARE = 0.5
SAMPLE_EVERY = 5.0  # seconds
FRAMES = [0]  # frames drawn so far
FLAT = 2.0  # per cent: the budget for growth after warm-up


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def sample(started: float, loops: int) -> dict:
    me = os.getpid()
    workers = [p.pid for p in mp.active_children()]
    rss = [rss_mb(pid) for pid in workers]
    times = os.times()
    return {
        "seconds": round(time.monotonic() - started, 1),
        "loops": loops,
        "ui_rss_mb": round(rss_mb(me), 1),
        "ui_threads": len(os.listdir(f"/proc/{me}/task")),
        "ui_fds": len(os.listdir(f"/proc/{me}/fd")),
        "ui_cpu_s": round(times.user + times.system, 2),
        "frames": FRAMES[0],
        "workers": len(workers),
        "worker_rss_max_mb": round(max(rss, default=0.0), 1),
        "worker_rss_sum_mb": round(sum(rss), 1),
    }


def growth(rows: list[dict], key: str) -> tuple[float, float, float]:
    """(start, end, per cent): the mean of the first and last tenth of the rows given."""
    tenth = max(1, len(rows) // 10)
    start = statistics.mean(r[key] for r in rows[:tenth])
    end = statistics.mean(r[key] for r in rows[-tenth:])
    return start, end, (100 * (end - start) / start if start else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--speedup", type=float, default=1.0)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--out", default="soak-results")
    args = parser.parse_args()

    import pygame

    from game.app import FPS, App
    from llmbreaker.exhibit_config import RunOptions

    width, height = (int(v) for v in args.size.split("x"))
    options = RunOptions(kiosk=True, idle_timeout=10)
    app = App(size=(width, height), kiosk=True, idle_timeout=10, prewarm=True, exhibit=options)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ticker, rows, loop_ends = pygame.time.Clock(), [], []
    started = time.monotonic()
    next_sample, deadline = started, started + 60 * args.minutes
    try:
        while time.monotonic() < deadline:
            dt = min(ticker.tick(FPS) / 1000, 0.1)
            app.frame(dt * args.speedup)
            FRAMES[0] += 1
            tour = app.attract.tour
            loops = tour.loops if tour else 0
            if loops > len(loop_ends):
                loop_ends.append(time.monotonic() - started)
            if time.monotonic() >= next_sample:
                next_sample += SAMPLE_EVERY
                rows.append(sample(started, loops))
    finally:
        app.close()
    with open(out / "soak.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report(rows, loop_ends, args)


def report(rows: list[dict], loop_ends: list[float], args) -> None:
    warm = rows[int(len(rows) * WARMUP_SHARE) :] or rows
    laps = [b - a for a, b in zip(loop_ends, loop_ends[1:], strict=False)]
    minutes = rows[-1]["seconds"] / 60
    print(f"soak: {minutes:.1f} min, speedup {args.speedup:g}, {len(loop_ends)} tour loops, "
          f"{len(rows)} samples ({len(warm)} after warm-up)")  # fmt: skip
    if laps:
        print(f"tour loop: {statistics.median(laps):.1f} s wall (median of {len(laps)})")
    cpu = (
        100
        * (warm[-1]["ui_cpu_s"] - warm[0]["ui_cpu_s"])
        / max(1e-9, warm[-1]["seconds"] - warm[0]["seconds"])
    )
    frames = warm[-1]["frames"] - warm[0]["frames"]
    seconds = warm[-1]["seconds"] - warm[0]["seconds"]
    per_frame = 1000 * (warm[-1]["ui_cpu_s"] - warm[0]["ui_cpu_s"]) / max(1, frames)
    rate = frames / max(1e-9, seconds)
    print(f"window process CPU during the tour: {cpu:.0f} % of one core at {rate:.1f} frames/s "
          f"({per_frame:.1f} ms of CPU a frame)")  # fmt: skip
    by_loop = {}
    for row in rows:
        by_loop[row["loops"]] = row["ui_rss_mb"]
    print("window RSS at the end of each loop (MB): "
          + " ".join(f"{mb:.0f}" for _, mb in sorted(by_loop.items())))  # fmt: skip
    # A new worker trains each loop, so its memory is compared loop by loop, at each loop's peak.
    peaks = {}
    for row in warm:
        peaks[row["loops"]] = max(peaks.get(row["loops"], 0.0), row["worker_rss_max_mb"])
    loop_rows = [{"worker_rss_peak_mb": peak} for _, peak in sorted(peaks.items())][:-1]
    checks = [(warm, key) for key in ("ui_rss_mb", "ui_threads", "ui_fds", "workers")]
    for rows_, key in [*checks, (loop_rows or warm[:1], "worker_rss_peak_mb")]:
        if key not in rows_[0]:
            continue
        start, end, change = growth(rows_, key)
        verdict = "flat" if change <= FLAT else "GROWS"
        print(f"  {key:18} {start:8.1f} -> {end:8.1f}  ({change:+.1f} %)  {verdict}")


if __name__ == "__main__":
    main()
