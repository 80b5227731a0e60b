"""Tune Style Transfer on a text at 2x, time Ctrl+Enter to result, save docs/style-transfer.png.

Run: .venv/bin/python scripts/style_screenshot.py [EXAMPLE_INDEX | FILE] [--no-save]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    import pygame

    from game.app import App
    from game.style.examples import EXAMPLES

    app = App(size=(1920, 1080))
    app.switch("dashboard")
    app.dashboard.select("3")
    tab = app.dashboard.tab
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    source = args[0] if args else "0"
    text = EXAMPLES[int(source)][1] if source.isdigit() else Path(source).read_text()
    tab.box.set_text(text)
    app.frame()
    tab.handle_action("train")  # what Ctrl+Enter does
    started = time.monotonic()
    result_at = None
    while time.monotonic() - started < 180:
        app.frame()
        if tab.result is not None and result_at is None:
            result_at = time.monotonic() - started
        if tab.result is not None and not tab.side.typing:
            break
        time.sleep(1 / 30)
    typed_at = time.monotonic() - started
    frame, result = tab.frame, tab.result
    print(
        f"{source}: {frame.step} steps (best at {frame.best.step}), training "
        f"{frame.wall_time or 0:.1f} s; result on screen after {result_at:.1f} s, typed out "
        f"after {typed_at:.1f} s; val {result.base_val:.3f} -> {result.best_val:.3f}; "
        f"verbatim {result.verbatim:.0%}; real words {result.real_words:.0%}; "
        f"closer: {', '.join(result.closer) or 'none'}"
    )
    print("before:", frame.prompt + frame.before)
    print("after: ", frame.after)
    if "--no-save" in sys.argv:
        app.close()
        return
    for _ in range(3):
        app.frame()
    out = Path(__file__).resolve().parent.parent / "docs" / "style-transfer.png"
    out.parent.mkdir(exist_ok=True)
    pygame.image.save(app.screen, str(out))
    app.close()


if __name__ == "__main__":
    main()
