"""Measure every Break It switch against the ghost on one corpus; print docs/break-it.md's table.

The same trainer, settings and caption code as `llmbreaker train --break` and the tab, for
Break It's default steps. Each model trains in its own process (they can run side by side):

    python scripts/break_table.py train ghost --out runs/    # and each switch name
    python scripts/break_table.py table runs/
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from llmbreaker import set_thread_wait_policy


def config(dataset: str, threads: int):
    from llmbreaker.breaks import BREAK_PRESET, BREAK_SAMPLE_LENGTH, BREAK_STEPS
    from llmbreaker.config import session_config
    from llmbreaker.datasets import load_corpus

    text = load_corpus(dataset)
    cfg = session_config(
        BREAK_PRESET,
        text=text,
        max_iters=BREAK_STEPS,
        sample_length=BREAK_SAMPLE_LENGTH,
        threads=threads,
    )
    return cfg, text


def train(args) -> None:
    from llmbreaker.breaks import broken_model
    from llmbreaker.trainer import CheckpointResult, Trainer

    cfg, text = config(args.dataset, args.threads)
    model = cfg.model if args.name == "ghost" else broken_model(cfg.model, [args.name])
    started = time.perf_counter()
    trainer = Trainer(model, cfg.train, text, cfg.prompt, cfg.probe)
    checkpoints = [r for r in trainer.run() if isinstance(r, CheckpointResult)]
    last = checkpoints[-1]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / f"{args.name}-attention.npy", last.attention)
    record = {
        "name": args.name,
        "steps": last.step,
        "val_loss": last.val_loss,
        "train_loss": last.train_loss,
        "sample": last.sample,
        "wall_s": time.perf_counter() - started,
        "train_s": last.elapsed,
        "parameters": trainer.model.num_params(),
        "curve": [(c.step, round(c.val_loss, 4)) for c in checkpoints],
    }
    (out / f"{args.name}.json").write_text(json.dumps(record, indent=2))
    print(f"{args.name}: val {last.val_loss:.3f} after {last.step} steps", flush=True)


def load(folder: Path, name: str) -> SimpleNamespace:
    record = json.loads((folder / f"{name}.json").read_text())
    return SimpleNamespace(**record, attention=np.load(folder / f"{name}-attention.npy"))


def table(args) -> None:
    from llmbreaker.break_symptoms import caption, compare, corpus_words
    from llmbreaker.breaks import SWITCHES

    folder = Path(args.folder)
    _, text = config(args.dataset, 1)
    words = corpus_words(text)
    ghost = load(folder, "ghost")
    print(f"ghost: {ghost.parameters:,} parameters, val loss {ghost.val_loss:.3f}\n")
    print("| break | parameters | val loss broken | ghost | gap | symptom measured | train s |")
    print("|---|---|---|---|---|---|---|")
    captions = []
    for name in SWITCHES:
        if not (folder / f"{name}.json").exists():
            continue
        broken = load(folder, name)
        c = compare([name], broken, ghost, words)
        if c.symptom() == "attention":
            symptom = f"previous-character focus {c.broken_focus:.0%} (ghost {c.ghost_focus:.0%})"
        else:
            (br, bt), (gr, gt) = c.broken_words, c.ghost_words
            symptom = f"real words {br}/{bt} (ghost {gr}/{gt})"
        print(
            f"| {name} | {broken.parameters:,} | {c.broken_val:.3f} | {c.ghost_val:.3f} "
            f"| {c.gap:+.3f} | {symptom} | {broken.train_s:.0f} |"
        )
        captions.append((name, caption(c), broken.sample))
    print()
    for name, lines, sample in captions:
        print(f"**{name}**: " + " ".join(lines))
        print(f"    sample: {sample!r}\n")
    print(f"ghost sample: {ghost.sample!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", default="shakespeare")
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("train", help="train the ghost or one broken model")
    one.add_argument("name", help="ghost, or a switch name")
    one.add_argument("--out", required=True)
    one.add_argument("--threads", type=int, default=1)
    both = sub.add_parser("table", help="compare every trained switch with the ghost")
    both.add_argument("folder")
    args = parser.parse_args()
    set_thread_wait_policy(shared_cpu=True)
    train(args) if args.command == "train" else table(args)


if __name__ == "__main__":
    main()
