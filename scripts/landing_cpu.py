"""Measure the window process's CPU time while `llmbreaker run` idles on the landing.

    DISPLAY=:55 .venv/bin/python scripts/landing_cpu.py [--seconds 60]

Starts the exhibit, waits the given seconds, reads utime+stime of the window process (only
that process: the spare worker it starts is a child with its own counters) from /proc, then
stops it with SIGTERM. Prints the CPU seconds and the share of one core.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process, from /proc/<pid>/stat (fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--size", default="1280x720")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("set DISPLAY to an X server (e.g. Xvfb :55)", file=sys.stderr)
        return 2
    process = subprocess.Popen(
        [sys.executable, "-m", "llmbreaker", "run", "--size", args.size],
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    try:
        started = time.monotonic()
        time.sleep(min(10.0, args.seconds / 2))
        early, early_at = cpu_seconds(process.pid), time.monotonic()
        time.sleep(max(0.0, args.seconds - (early_at - started)))
        used = cpu_seconds(process.pid)
        wall = time.monotonic() - started
        steady = (used - early) / (time.monotonic() - early_at)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
    share = 100 * used / wall
    print(f"window process CPU: {used:.2f} s over {wall:.0f} s ({share:.1f} % of a core)")
    print(
        f"after start-up ({early:.2f} s in the first {early_at - started:.0f} s): "
        f"{100 * steady:.1f} % of a core"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
