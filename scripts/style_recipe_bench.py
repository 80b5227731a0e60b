"""Measure Style Transfer recipes: seconds to train, style of the sample, verbatim copying.

Run: .venv/bin/python scripts/style_recipe_bench.py [recipe ...]
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from style_samples import CASUAL, FORMAL, words  # noqa: E402

from game.style.recipe import RECIPE, recipe_for  # noqa: E402
from llmbreaker.config import session_config  # noqa: E402
from llmbreaker.style_metrics import formality, verbatim_share  # noqa: E402
from llmbreaker.trainer import Trainer  # noqa: E402

BASE = dict(RECIPE)  # the tab's own recipe; the variants below change one thing each
RECIPES = {
    "d0": dict(BASE, dropout=0.0),
    "d1": dict(BASE, dropout=0.1),
    "d2": dict(BASE, dropout=0.2),
    "d2i500": dict(BASE, dropout=0.2, max_iters=500, eval_interval=50),
    "tab": None,  # the tab's own recipe_for(text)
}  # fmt: skip
PACE_2X = 0.025
TEXTS = [
    (words(FORMAL, 150), "formal150"),
    (words(CASUAL, 300), "casual300"),
    (words(FORMAL, 1000), "formal1000"),
]


def real_word_share(sample: str, source: str) -> float:
    """Share of the sample's words that are words of the source (a proxy for 'in style')."""
    vocab = set(re.findall(r"[a-z']+", source.lower()))
    found = re.findall(r"[a-z']+", sample.lower())
    return sum(w in vocab for w in found) / max(1, len(found))


def measure(name: str, text: str, label: str) -> None:
    recipe = RECIPES[name] if RECIPES[name] is not None else recipe_for(text)
    cfg = session_config("small", text=text, speed="2x", **recipe)
    trainer = Trainer(cfg.model, cfg.train, text)
    t0 = time.perf_counter()
    last = None
    for result in trainer.run():
        if hasattr(result, "val_loss"):
            last = result
    wall = time.perf_counter() - t0
    samples = [trainer.sample(400, seed=s)[0] for s in range(3)]
    verbatim = sum(verbatim_share(s, text) for s in samples) / 3
    real = sum(real_word_share(s, text) for s in samples) / 3
    steps = cfg.train.max_iters
    paced = max(wall, steps * PACE_2X)
    print(
        f"{name:9s} {label:10s} steps {steps:4d} wall {wall:5.1f}s ({wall / steps * 1000:4.1f} "
        f"ms/step) at-2x {paced:5.1f}s train {last.train_loss:.2f} val {last.val_loss:.2f} "
        f"words {real:.2f} "
        f"verbatim20 {verbatim:.2f} formality {formality(samples[0]):3.0f}/{formality(text):3.0f}"
    )
    print("    ", samples[0][:240].replace("\n", " | "))


def measure_worker(text: str, label: str) -> None:
    """The exhibit's own path: a spawned worker at 2x with the tab's recipe, then Generate."""
    from game.style.recipe import GENERATE_LENGTH, style_session_config
    from llmbreaker import messages as m
    from llmbreaker.session_manager import SessionManager

    manager = SessionManager()
    t0 = time.monotonic()
    sid = manager.start(style_session_config(text))
    first, _ = manager.wait_for(sid, (m.Started,), 60)
    ready = time.monotonic() - t0
    done, _ = manager.wait_for(sid, (m.Completed,), 180)
    finished = time.monotonic() - t0
    shares = []
    for _ in range(3):
        manager.send(sid, m.Generate(first.prompt, GENERATE_LENGTH))
        generated, _ = manager.wait_for(sid, (m.Generated,), 30)
        shares.append(verbatim_share(first.prompt + generated.text, text))
        time.sleep(1.1)  # the worker seeds each sample from the clock
    manager.close()
    print(
        f"worker-2x {label:10s} started {ready:4.1f}s completed {finished:5.1f}s "
        f"(training {done.wall_time:4.1f}s) val {done.val_loss:.2f} "
        f"verbatim20 {sum(shares) / 3:.2f}  load {os.getloadavg()[0]:.1f}"
    )
    print("    ", (first.prompt + generated.text)[:240].replace("\n", " | "))


def main() -> None:
    torch.set_num_threads(1)
    names = sys.argv[1:] or list(RECIPES)
    if names == ["worker"]:
        for text, label in TEXTS:
            measure_worker(text, label)
        return
    texts = TEXTS
    picks = {"150": texts[:1], "300": texts[1:2], "1000": texts[2:], "small": texts[:2]}
    only = picks.get(names[0], texts)
    names = names[1:] if names[0] in picks else names
    for name in names:
        for text, label in only:
            measure(name, text, label)


if __name__ == "__main__":
    main()
