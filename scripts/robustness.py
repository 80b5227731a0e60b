"""The robustness suite: N random keys across every scene with training running, through the pilot.

    DISPLAY=:56 .venv/bin/python scripts/robustness.py --keys 10000
    (or SDL_VIDEODRIVER=dummy for no window at all)

Prints the keys pressed, exceptions, placeholder tabs ("Stopped after an error") and the
slowest frame charged to each key; exits 1 if anything broke. Frames run at the app's real
frame rate and the real session manager trains in worker processes, as on the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--json", metavar="PATH", help="also write the report as JSON")
    args = parser.parse_args()

    from game import random_keys
    from game.app import App
    from game.pilot import Pilot

    size = tuple(int(part) for part in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="llmbreaker-robustness-") as exports:
        app = App(size=size, exports_dir=exports, prewarm=True)
        pilot = Pilot(app)
        pilot.press("return", frames=2)
        watch = next(tab for tab in app.dashboard.tabs if tab.id == "watch")

        def keep_training() -> None:
            """Whatever the keys did, the Watch It Learn session trains again."""
            state = watch.state
            if state is None or state.finished:
                watch.handle_action("replay")

        keep_training()

        def progress(done: int, report) -> None:
            worst_ms, key, where = report.worst
            print(f"{done:>6,} keys: {len(report.exceptions)} exceptions, "
                  f"{len(report.placeholders)} placeholders, slowest {1000 * worst_ms:.0f} ms "
                  f"('{key}', {where})", flush=True)  # fmt: skip

        try:
            report = random_keys.run(pilot, args.keys, args.seed, pace=True,
                                     keep_training=keep_training, progress=progress)  # fmt: skip
        finally:
            app.close()
    print("\n".join(report.lines()))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "keys": report.keys, "frames": report.frames, "seconds": report.seconds,
            "exceptions": report.exceptions, "placeholders": report.placeholders,
            "slowest": report.slowest, "slowest_cpu": report.slowest_cpu,
            "gc_pause_ms": round(1000 * report.gc_pause, 1),
            "per_key_ms": {k: round(1000 * v, 1) for k, v in sorted(report.per_key.items())},
            "per_key_where": dict(sorted(report.per_key_where.items())),
            "per_key_cpu_ms": {k: round(1000 * v, 1) for k, v in
                               sorted(report.per_key_cpu.items())},
        }, indent=1))  # fmt: skip
    return 1 if report.exceptions or report.placeholders else 0


if __name__ == "__main__":
    sys.exit(main())
