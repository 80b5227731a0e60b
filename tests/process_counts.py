"""What this process holds right now: threads, open file descriptors, child processes (Linux)."""

import gc
import os


def threads() -> int:
    return len(os.listdir("/proc/self/task"))


def fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def children(parent: int | None = None) -> list[int]:
    """Child processes, zombies included, except multiprocessing's resource tracker."""
    parent = parent or os.getpid()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and b"resource_tracker" not in cmdline:
            found.append(int(entry))
    return found


def running(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def snapshot() -> dict[str, int]:
    gc.collect()  # objects earlier tests dropped close their files now, not mid-test
    return {"threads": threads(), "fds": fds(), "children": len(children())}


def grown(before: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Counts now above `before` (a leak); a fall is another test's leftovers going away."""
    after = snapshot()
    print(f"before {before}, after {after}")
    return {k: (before[k], after[k]) for k in before if after[k] > before[k]}
