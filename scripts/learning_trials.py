"""Learning-speed trials: validation loss against steps, and CPU time per step, one thread.

Deterministic (fixed seed, fixed windows), so two recipes compare by the steps each needs,
whatever the machine's load; CPU time per step (thread time, not wall) turns steps into cost.
Usage: python scripts/learning_trials.py NAME [--preset small] [--set key=value ...]
Appends one JSON line per trial to /tmp/trials.jsonl and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import fields, replace

import torch

from game.tabs.watch_milestones import corpus_words, real_words
from llmbreaker.config import ModelConfig, TrainConfig, get_preset
from llmbreaker.trainer import Trainer

TARGETS = (2.2, 2.0, 1.9, 1.75, 1.6)
CORPUS = "/work/shared/datasets/tinyshakespeare.txt"


def parse_value(text: str):
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    if text in ("True", "False"):
        return text == "True"
    if text.startswith("(") and ":" in text:  # lr_scales: (prefix:multiplier,...)
        pairs = (part.split(":") for part in text[1:-1].split(","))
        return tuple((name, float(m)) for name, m in pairs)
    if text.startswith("("):
        return tuple(int(n) for n in text[1:-1].split(",") if n)
    return text


def zero_proj(trainer) -> None:
    """Output projections of attention and MLP start at zero: each block starts as identity."""
    for name, p in trainer.model.named_parameters():
        if name.endswith("proj.weight"):
            torch.nn.init.zeros_(p)


def emb_scale(trainer) -> None:
    """Embeddings start with a larger spread (std 1 instead of 0.02)."""
    torch.nn.init.normal_(trainer.model.tok_emb.weight, std=0.5)


def ortho(trainer) -> None:
    """Block matrices start orthogonal-ish (scaled as Muon's updates are)."""
    for name, p in trainer.model.named_parameters():
        if name.startswith("blocks.") and p.dim() == 2 and not name.endswith("proj.weight"):
            torch.nn.init.orthogonal_(p)
            p.data.mul_(0.5)


def ema_warmup(value: int):
    def hook(trainer) -> None:
        import llmbreaker.trainer

        llmbreaker.trainer.EMA_WARMUP = value

    return hook


def ns_steps(value: int):
    def hook(trainer) -> None:
        trainer.muon_ns_steps = value

    return hook


def bigram_counts(trainer) -> None:
    """The bigram path starts at the training split's log P(next | current), counts plus 0.5
    (direct_ngrams 2 or more; the fifth round's trial of it ran without the unigram path)."""
    v = trainer.model_cfg.vocab_size
    ids = trainer.train_data
    pairs = torch.bincount(ids[:-1] * v + ids[1:], minlength=v * v).double().view(v, v) + 0.5
    with torch.no_grad():
        trainer.model.bigram.weight.copy_((pairs / pairs.sum(1, keepdim=True)).log())


HOOKS = {
    "bigram_counts": bigram_counts,
    "zero_proj": zero_proj,
    "emb_scale": emb_scale,
    "ortho": ortho,
    "ema_warmup5": ema_warmup(5),
    "ema_warmup20": ema_warmup(20),
    "ema_warmup40": ema_warmup(40),
    "ns3": ns_steps(3),
    "ns4": ns_steps(4),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("--preset", default="small")
    parser.add_argument("--set", nargs="*", default=[], help="field=value of either config")
    parser.add_argument("--every", type=int, default=25, help="steps between evaluations")
    parser.add_argument("--windows", type=int, default=2048, help="validation windows")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--stop", type=int, default=0, help="end the trial after this many steps")
    parser.add_argument("--hook", nargs="*", default=[], help="init changes: " + ", ".join(HOOKS))
    args = parser.parse_args()
    preset = get_preset(args.preset)
    model_names = {f.name for f in fields(ModelConfig)}
    train_names = {f.name for f in fields(TrainConfig)}
    mchanges, tchanges = {}, {}
    for item in args.set:
        key, value = item.split("=", 1)
        if key in model_names:
            mchanges[key] = parse_value(value)
        elif key in train_names:
            tchanges[key] = parse_value(value)
        else:
            raise SystemExit(f"unknown field {key}")
    model_cfg = replace(preset.model, **mchanges)
    train_cfg = replace(preset.train, threads=args.threads, **tchanges)
    with open(CORPUS) as f:
        text = f.read()
    trainer = Trainer(model_cfg, train_cfg, text)
    for hook in args.hook:
        HOOKS[hook](trainer)
    if args.hook:
        trainer.optimizers = trainer._make_optimizers()
        if trainer.shown is not trainer.model:
            trainer.shown.load_state_dict(trainer.model.state_dict())
        for group in trainer.optimizers[0].param_groups:  # Muon's, when it has one
            group["ns_steps"] = getattr(trainer, "muon_ns_steps", group.get("ns_steps"))
    torch.set_num_threads(args.threads)
    val_x, val_y = trainer._spread_windows(trainer.val_data, args.windows)
    trainer._eval_sets["trial"] = (val_x, val_y)
    words = corpus_words(text[: len(text) - len(trainer.val_data)])
    first_word = None
    curve, cpu = [], []
    first = {}
    curve.append((0, round(trainer.split_loss("trial"), 4)))
    while not trainer.done and not (args.stop and trainer.step >= args.stop):
        c0 = time.thread_time()
        trainer.train_step()
        cpu.append(time.thread_time() - c0)
        if trainer.step % args.every == 0 or trainer.done:
            val = trainer.split_loss("trial")
            curve.append((trainer.step, round(val, 4)))
            if first_word is None and trainer.step <= 300:
                sample, _ = trainer.sample()
                hits = real_words(sample, words)
                if hits:
                    first_word = (trainer.step, hits[:3])
            for t in TARGETS:
                if val <= t and t not in first:
                    first[t] = trainer.step
    best = min(v for _, v in curve)
    ms = 1000 * statistics.median(cpu)
    ms_late = 1000 * statistics.median(cpu[len(cpu) // 2 :])
    record = {
        "name": args.name,
        "preset": args.preset,
        "set": args.set + args.hook,
        "params": trainer.model.num_params(),
        "steps_to": {str(t): first.get(t) for t in TARGETS},
        "best": best,
        "first_word": first_word,
        "cpu_ms_per_step": round(ms, 2),
        "cpu_ms_per_step_late": round(ms_late, 2),
        "cpu_s_total": round(sum(cpu), 1),
        "curve": curve,
    }
    with open("/tmp/trials.jsonl", "a") as f:
        f.write(json.dumps(record) + "\n")
    to = " ".join(f"{t}:{first.get(t, '-')}" for t in TARGETS)
    cost = f"cpu {ms:.1f}/{ms_late:.1f} ms/step"
    print(f"{args.name}: steps to {to} best {best:.3f} word {first_word} {cost}")


if __name__ == "__main__":
    main()
