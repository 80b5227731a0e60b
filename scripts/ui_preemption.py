"""Who takes the CPU from the window's thread while Attention Cinema's overview draws.

    sudo-free as root only (kernel tracing):
    SDL_VIDEODRIVER=dummy PYTHONPATH=$PWD .venv/bin/python scripts/ui_preemption.py \
        [--seconds 20] [--after 12] [--view 2]

Runs the exhibit headless like the bench (landing with a spare warming, Enter, Space: `quick`
trains at max), switches to the view, waits until --after seconds past Space, then for
--seconds records every frame's wall and thread time and, through a private tracefs instance,
every sched_switch on the machine. Prints:
- frame wall / CPU percentiles and how many frames were preempted;
- each preemption of the window's thread (switched out while still runnable): who ran in its
  place, for how long, summed by thread;
- every thread of the exhibit's processes: CPU used in the window, involuntary switches,
  run-queue wait, scheduling policy and niceness.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import ctypes
import os
import re
import subprocess
import tempfile
import threading
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.app import FPS, App  # noqa: E402
from game.pilot import key_event  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
POLICIES = {0: "TS", 1: "FF", 2: "RR", 3: "B", 5: "IDL"}
SWITCH = re.compile(
    r"\s(?P<ts>\d+\.\d+): sched_switch: prev_comm=(?P<pcomm>.*?) prev_pid=(?P<ppid>\d+) "
    r"prev_prio=\d+ prev_state=(?P<pstate>\S+) ==> next_comm=(?P<ncomm>.*?) "
    r"next_pid=(?P<npid>\d+) next_prio=(?P<nprio>\d+)"
)
CPU = re.compile(r"\[(\d+)\]")


def thread_stats() -> dict[int, dict]:
    """Every thread on the machine: pid, comm, CPU ticks, switches, run-queue wait."""
    out = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        with contextlib.suppress(OSError):
            for tid in os.listdir(f"/proc/{pid}/task"):
                base = f"/proc/{pid}/task/{tid}"
                with contextlib.suppress(OSError, IndexError, ValueError):
                    with open(f"{base}/stat") as f:
                        head, tail = f.read().rsplit(")", 1)
                    fields = tail.split()
                    with open(f"{base}/schedstat") as f:
                        run_ns, wait_ns, slices = (int(x) for x in f.read().split())
                    with open(f"{base}/status") as f:
                        status = dict(
                            line.split(":\t", 1) for line in f.read().splitlines() if ":\t" in line
                        )
                    out[int(tid)] = {
                        "pid": int(pid),
                        "ppid": int(fields[1]),
                        "comm": head.split("(", 1)[1],
                        "cpu": (int(fields[11]) + int(fields[12])) / TICK,
                        "nice": int(fields[16]),
                        "policy": POLICIES.get(int(fields[38]), fields[38]),
                        "run_ns": run_ns,
                        "wait_ns": wait_ns,
                        "nvcsw": int(status.get("nonvoluntary_ctxt_switches", "0")),
                    }
    return out


class Tracer:
    """sched_switch on every CPU, CLOCK_MONOTONIC time stamps, in a private tracefs instance."""

    def __init__(self) -> None:
        self.mount = tempfile.mkdtemp(prefix="speedtrace-")
        subprocess.run(["mount", "-t", "tracefs", "nodev", self.mount], check=True)
        self.dir = os.path.join(self.mount, "instances", f"speed{os.getpid()}")
        os.mkdir(self.dir)
        self._write("trace_clock", "mono")
        self._write("buffer_size_kb", "16384")
        self._write("events/sched/sched_switch/enable", "1")

    def _write(self, name: str, value: str) -> None:
        with open(os.path.join(self.dir, name), "w") as f:
            f.write(value)

    def start(self) -> None:
        self._write("trace", "")
        self._write("tracing_on", "1")

    def stop(self) -> str:
        self._write("tracing_on", "0")
        with open(os.path.join(self.dir, "trace")) as f:
            return f.read()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.rmdir(self.dir)
        subprocess.run(["umount", self.mount], check=False)
        with contextlib.suppress(OSError):
            os.rmdir(self.mount)


def parse_switches(text: str) -> list[tuple[float, int, int, str, int, str, str]]:
    """(time, cpu, prev tid, prev state, next tid, next comm, prev comm) per switch."""
    out = []
    for line in text.splitlines():
        match = SWITCH.search(line)
        cpu = CPU.search(line)
        if match and cpu:
            out.append(
                (
                    float(match["ts"]),
                    int(cpu[1]),
                    int(match["ppid"]),
                    match["pstate"],
                    int(match["npid"]),
                    match["ncomm"],
                    match["pcomm"],
                )
            )
    return out


def preemptions(switches, ui_tid: int, names: dict[int, str]):
    """Each interval the UI thread was runnable but off the CPU, and who ran meanwhile."""
    events = []  # (start, end, cpu, {tid: seconds})
    out_at = None
    out_cpu = None
    running: dict[int, tuple[int, float]] = {}  # cpu -> (tid, since)
    taken: collections.Counter = collections.Counter()
    pairs: collections.Counter = collections.Counter()
    for ts, cpu, prev, state, nxt, _ncomm, _pcomm in switches:
        if out_at is not None:
            tid, since = running.get(cpu, (None, ts))
            if tid is not None and tid != ui_tid:
                taken[tid] += ts - max(since, out_at)
        running[cpu] = (nxt, ts)
        if prev == ui_tid and state.startswith("R"):
            out_at, out_cpu, taken = ts, cpu, collections.Counter()
            other = tuple(sorted(t for c, (t, _) in running.items() if c != cpu))
            pairs[(nxt, other)] += 1
        if nxt == ui_tid and out_at is not None:
            for other, (tid, since) in running.items():
                if other != cpu and tid != ui_tid:
                    taken[tid] += ts - max(since, out_at)
            events.append((out_at, ts, out_cpu, cpu, dict(taken)))
            out_at = None
    return events, pairs


class SchedAttr(ctypes.Structure):
    """struct sched_attr, the first version (48 bytes)."""

    _fields_ = [
        ("size", ctypes.c_uint32),
        ("sched_policy", ctypes.c_uint32),
        ("sched_flags", ctypes.c_uint64),
        ("sched_nice", ctypes.c_int32),
        ("sched_priority", ctypes.c_uint32),
        ("sched_runtime", ctypes.c_uint64),
        ("sched_deadline", ctypes.c_uint64),
        ("sched_period", ctypes.c_uint64),
    ]


def set_slice(tid: int, nice: int, slice_ns: int) -> None:
    """SCHED_OTHER at `nice` with a custom EEVDF slice (0: the default), x86-64 only."""
    attr = SchedAttr(size=ctypes.sizeof(SchedAttr), sched_nice=nice, sched_runtime=slice_ns)
    if ctypes.CDLL(None, use_errno=True).syscall(314, tid, ctypes.byref(attr), 0):
        raise OSError(ctypes.get_errno(), "sched_setattr")


def set_policy(pids: list[int], policy: str) -> None:
    """WORKERS[:UI_MS]. Every thread of the workers to "nice" (SCHED_OTHER, nice 5), "nice15",
    "idle" (SCHED_IDLE) or "slice" (nice 5 with a 100 ms slice); the window's thread asks for
    a slice of UI_MS milliseconds (0 or none: the kernel's default)."""
    worker, _, ui = policy.partition(":")
    set_slice(threading.get_native_id(), 0, int(float(ui or 0) * 1e6))
    for pid in pids:
        with contextlib.suppress(OSError):
            for tid in os.listdir(f"/proc/{pid}/task"):
                with contextlib.suppress(OSError):
                    if worker == "idle":
                        os.sched_setscheduler(int(tid), os.SCHED_IDLE, os.sched_param(0))
                    elif worker == "slice":
                        set_slice(int(tid), 5, 100_000_000)
                    else:
                        set_slice(int(tid), 15 if worker == "nice15" else 5, 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="per phase")
    parser.add_argument("--after", type=float, default=12.0, help="seconds after Space")
    parser.add_argument("--phases", default="as-is", help="e.g. nice,idle,nice,idle")
    parser.add_argument("--view", default="2")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--trace-out", help="write each phase's raw trace to PREFIX-N.txt")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    tracer = Tracer()
    app = App(size=size, prewarm=True)
    try:
        ticker = pygame.time.Clock()

        def play(seconds: float) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                app.frame(min(ticker.tick(FPS) / 1000, 0.1))

        app.frame(1 / FPS)
        play(8.0)
        for key in ("return", "space", args.view):
            app.inject(key_event(key))
            app.frame(1 / FPS)
        pressed = time.monotonic()
        play(max(1.0, args.after - (time.monotonic() - pressed)))
        ui_tid = threading.get_native_id()
        for n, policy in enumerate(args.phases.split(",")):
            if policy != "as-is":
                set_policy(app.sessions.manager.worker_pids(), policy)
            steps0 = sum(s.state.step for s in app.sessions.by_id.values())
            t0 = time.monotonic()
            before = thread_stats()
            frames = []
            tracer.start()
            end = time.monotonic() + args.seconds
            while time.monotonic() < end:
                dt = min(ticker.tick(FPS) / 1000, 0.1)
                w0, c0 = time.perf_counter(), time.thread_time()
                app.frame(dt)
                frames.append((w0, time.perf_counter(), time.thread_time() - c0))
            text = tracer.stop()
            after = thread_stats()
            steps = sum(s.state.step for s in app.sessions.by_id.values()) - steps0
            rate = steps / (time.monotonic() - t0)
            print(f"== phase {n + 1}: workers {policy}, {rate:.1f} steps/s, {os.getloadavg()}")
            if args.trace_out:
                with open(f"{args.trace_out}-{n + 1}.txt", "w") as f:
                    f.write(text)
            report(frames, text, before, after, ui_tid)
    finally:
        app.close()
        tracer.close()
    return 0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def report(frames, text, before, after, ui_tid) -> None:
    names = {tid: f"{s['comm']}/{tid}" for tid, s in after.items()}
    names[0] = "idle"
    switches = parse_switches(text)
    events, pairs = preemptions(switches, ui_tid, names)
    wall = [1000 * (b - a) for a, b, _ in frames]
    cpu = [1000 * c for *_, c in frames]
    hit = set()
    per_frame_lost = [0.0] * len(frames)
    for start, end, *_ in events:
        for i, (a, b, _) in enumerate(frames):
            if start < b and end > a:
                hit.add(i)
                per_frame_lost[i] += 1000 * (min(end, b) - max(start, a))
    print(
        f"frames {len(frames)}: wall p50 {pct(wall, 0.5):.2f} p95 {pct(wall, 0.95):.2f} "
        f"p99 {pct(wall, 0.99):.2f} max {max(wall):.2f} ms; CPU p50 {pct(cpu, 0.5):.2f} "
        f"p99 {pct(cpu, 0.99):.2f} max {max(cpu):.2f} ms; preempted frames {len(hit)}"
    )
    if frames[:181]:
        w181 = wall[:181]
        print(f"first 181 frames: p99 {pct(w181, 0.99):.2f} ms")
    lost = collections.Counter()
    count = collections.Counter()
    for *_, taken in events:
        for tid, seconds in taken.items():
            lost[tid] += seconds
            count[tid] += 1
    durations = [1000 * (e - s) for s, e, *_ in events]
    print(
        f"preemptions of the UI thread: {len(events)}, off-CPU p50 {pct(durations, 0.5):.2f} "
        f"p99 {pct(durations, 0.99):.2f} max {max(durations, default=0):.2f} ms, "
        f"sum {sum(durations):.0f} ms"
    )
    print("ran in its place (ms over the window, times):")
    for tid, seconds in lost.most_common(15):
        s = after.get(tid) or before.get(tid) or {}
        print(
            f"  {names.get(tid, tid)!s:28} pid {s.get('pid', '?')!s:>7} "
            f"{1000 * seconds:8.1f} ms {count[tid]:5d}x"
        )
    tree = _tree(after, os.getpid())
    workers = {t for t, st in after.items() if st["pid"] in tree and st["pid"] != os.getpid()}
    by_workers = sum(n for (took, _), n in pairs.items() if took in workers)
    print(f"preemptions where a worker's thread took the UI's CPU: {by_workers}")
    print("who took the UI's CPU / what ran on the other CPU (0: idle), times:")
    for (took, other), n in pairs.most_common(8):
        print(f"  {names.get(took, took)!s:28} / {[names.get(t, t) for t in other]} {n}x")
    print("threads of the exhibit's processes (CPU in the window):")
    print("   pid    tid comm            pol nice   cpu s  nvcsw  wait ms")
    for tid in sorted(after, key=lambda t: (after[t]["pid"], t)):
        s = after[tid]
        if s["pid"] not in tree:
            continue
        b = before.get(tid, {"cpu": 0.0, "nvcsw": 0, "wait_ns": 0})
        print(
            f"{s['pid']:6d} {tid:6d} {s['comm'][:15]:15} {s['policy']:>3} {s['nice']:4d} "
            f"{s['cpu'] - b['cpu']:7.2f} {s['nvcsw'] - b['nvcsw']:6d} "
            f"{(s['wait_ns'] - b['wait_ns']) / 1e6:8.1f}"
        )
    others = collections.Counter()
    for tid, s in after.items():
        if s["pid"] in tree:
            continue
        others[f"{s['comm']} ({s['pid']})"] += s["cpu"] - before.get(tid, {"cpu": 0.0})["cpu"]
    print("busiest threads outside the exhibit (CPU s):")
    for name, seconds in others.most_common(6):
        print(f"  {name:40} {seconds:6.2f}")


def _tree(stats: dict[int, dict], root: int) -> set[int]:
    parents = {s["pid"]: s["ppid"] for s in stats.values()}
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree


if __name__ == "__main__":
    raise SystemExit(main())
