"""`llmbreaker style FILE`: Tab 3's recipe run headless, with the figures it is held to."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

from llmbreaker.style_report import MAX_VERBATIM, MIN_CLOSER, MIN_GAIN, MIN_REAL_WORDS


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "style",
        help="fine-tune the base model on a text and print whether its style came across",
        description="Run Tab 3's recipe on a .txt or .docx without a window: the base model "
        "writes from the text's opening, is fine-tuned on the text (the last part held out, "
        "early stopping, best checkpoint kept) and writes again from the same opening. "
        "Prints copying, validation gain, real words and the style measures.",
    )
    parser.add_argument("file", help="a .txt or .docx of someone's writing")
    parser.add_argument("--json", action="store_true", help="one JSON document")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    parser.add_argument("--seed", type=int, default=1337, help="sampling seed of both texts")
    parser.add_argument("--iters", type=int, help="at most this many steps (quick checks)")
    parser.set_defaults(func=run)


def fine_tune(text: str, threads: int = 1, seed: int = 1337, **overrides) -> dict:
    """Before, fine-tune, after: every figure of one run (text already in the base alphabet)."""
    return fine_tune_seeds(text, threads, (seed,), **overrides)[0]


def fine_tune_seeds(
    text: str, threads: int = 1, seeds: Sequence[int] = (1337,), **overrides
) -> list[dict]:
    """One fine-tuning, its before and after samples read at each sampling seed: a result per
    seed (the trials read two seeds off one tuned model)."""
    from llmbreaker.style_recipe import GENERATE_LENGTH, style_session_config
    from llmbreaker.style_report import measure_transfer
    from llmbreaker.style_sample import freeze, style_samples
    from llmbreaker.trainer import CheckpointResult, Trainer

    config = style_session_config(text, speed="max", threads=threads, **overrides)
    t0 = time.perf_counter()
    trainer = Trainer(config.model, config.train, text, config.prompt, base=config.base)
    freeze(trainer.model, config.frozen)
    befores = [style_samples(trainer, GENERATE_LENGTH, seed=s)[0] for s in seeds]
    losses = []
    for item in trainer.run():
        if isinstance(item, CheckpointResult):
            losses.append((item.step, item.train_loss, item.val_loss))
    afters = [style_samples(trainer, GENERATE_LENGTH, seed=s) for s in seeds]
    seconds = time.perf_counter() - t0
    best_loss, best_step = trainer.best or (losses[-1][2], losses[-1][0])  # run() checkpoints
    results = []
    for before, (after, probs) in zip(befores, afters, strict=True):
        transfer = measure_transfer(text, before, after, losses[0][2], best_loss)
        results.append(
            {
                "prompt": trainer.prompt,
                "before": before[0],
                "after": after[0],
                "samples": len(after),
                "steps": trainer.step,
                "best_step": best_step,
                "stopped_early": trainer.stopped_early,
                "seconds": round(seconds, 1),
                "checkpoints": [(step, round(t, 4), round(v, 4)) for step, t, v in losses],
                "avg_prob": round(sum(probs) / len(probs), 4) if probs else None,
                **transfer.as_dict(),
            }
        )
    return results


def run(args: argparse.Namespace) -> int:
    from llmbreaker import set_thread_wait_policy

    set_thread_wait_policy(shared_cpu=False)
    from llmbreaker.charset import dropped_notice
    from llmbreaker.style_recipe import prepare_text
    from llmbreaker.text_input import load_file

    loaded = load_file(args.file)
    text, dropped = prepare_text(loaded.text)
    quick = {"max_iters": args.iters} if args.iters else {}
    result = fine_tune(text, args.threads, args.seed, **quick)
    result = {"file": Path(args.file).name, "words": loaded.words, "dropped": dropped, **result}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    notice = dropped_notice(dropped)
    if notice:
        print(notice)
    _print_report(result)
    return 0


def _print_report(r: dict) -> None:
    ok = {True: "ok", False: "MISSED"}
    checks = r["checks"]
    print(f"{r['file']}: {r['words']:,} words; opening {r['prompt']!r}")
    print(f"  steps {r['steps']} (best at {r['best_step']}), {r['seconds']} s")
    print(
        f"  val loss: base {r['base_val']:.3f} -> best {r['best_val']:.3f} "
        f"(gain {r['gain']:.3f}, needs >= {MIN_GAIN})  {ok[checks['val_gain']]}"
    )
    print(
        f"  copied verbatim (20-char pieces): {r['verbatim']:.0%} "
        f"(needs <= {MAX_VERBATIM:.0%})  {ok[checks['verbatim']]}"
    )
    print(
        f"  real words: {r['real_words']:.0%} (needs >= {MIN_REAL_WORDS:.0%})  "
        f"{ok[checks['real_words']]}"
    )
    print("  style          yours   before  after")
    style = r["style"]
    for name in ("formality", "sentence_length", "richness"):
        mark = "closer" if name in r["closer"] else ""
        print(
            f"  {name:<15}{style['yours'][name]:>6.2f}  {style['before'][name]:>6.2f}  "
            f"{style['after'][name]:>6.2f}  {mark}"
        )
    print(
        f"  closer on {len(r['closer'])} of 3 (needs >= {MIN_CLOSER})  {ok[checks['style_closer']]}"
    )
    print(f"\n  before: {r['prompt']}{r['before']}\n\n  after:  {r['prompt']}{r['after']}")
