"""How long the frame loop stalls while Attention Cinema saves a GIF (G): inline vs threaded.

    SDL_VIDEODRIVER=dummy .venv/bin/python scripts/gif_stall.py [--checkpoints 25]

"inline" times the GIF writing as the key handler used to run it (the frame waits for it);
"threaded" presses G on a tab and draws frames at 30 fps until the file is written,
reporting the slowest of those frames.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoints", type=int, default=25)
    parser.add_argument("--context", type=int, default=32)
    args = parser.parse_args()

    import numpy as np
    import pygame

    from game.attention import export
    from game.tabs.attention import AttentionTab
    from game.tabs.base import AppContext
    from game.theme import Theme
    from llmbreaker import messages as m
    from llmbreaker.session_state import SessionState

    pygame.display.init()
    pygame.font.init()
    rng = np.random.default_rng(0)
    t = args.context
    state = SessionState(label="synthetic")
    state.apply(m.Started(1, "abc", "x" * t, "", 100, 2, 4, 10))
    for index in range(args.checkpoints):
        weights = rng.random((2, 4, t, t), dtype=np.float32)
        state.apply(m.Checkpoint(index * 10, 2.0, 2.0, "", (), weights))
    sessions = type("Sessions", (), {})()
    sessions.by_id = {"watch": type("S", (), {"sid": "watch", "state": state})()}
    folder = Path(tempfile.mkdtemp(prefix="gif-stall-"))
    toasts: list[str] = []
    ctx = AppContext(Theme((1280, 720)), sessions, lambda text, kind: toasts.append(text))
    ctx.exports.folder = folder
    tab = AttentionTab(ctx)
    surface = pygame.Surface((1280, 720))

    def frame() -> float:
        started = time.perf_counter()
        ctx.background.update()
        tab.update(1 / 30)
        tab.draw(surface, surface.get_rect())
        return time.perf_counter() - started

    for _ in range(5):
        frame()
    frames = tab.source.head_frames(0, 0)
    started = time.perf_counter()
    export.write_gif(folder / "inline.gif", frames, 0, 0)
    inline = time.perf_counter() - started

    tab.handle_action("gif")
    slowest, count, started = 0.0, 0, time.perf_counter()
    while ctx.background.jobs:
        spent = frame()
        slowest, count = max(slowest, spent), count + 1
        time.sleep(max(0.0, 1 / 30 - spent))
    print(f"{len(frames)} checkpoints of {t}x{t}: inline stall {1000 * inline:.0f} ms; "
          f"threaded: {count} frames drawn meanwhile ({time.perf_counter() - started:.2f} s), "
          f"slowest {1000 * slowest:.0f} ms; {toasts[-1]}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
