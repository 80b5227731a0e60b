"""`llmbreaker guess`: build the guessing game's checkpoints and predictions, or show them."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from llmbreaker.guess.cache import CacheProblem, cache_path, load


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "guess",
        help="build or show the 'Guess the next character' game's predictions",
        description="The exhibit's guessing game plays against a model saved at several "
        "checkpoints of one training run. `build` trains that run once and stores every "
        "checkpoint's guesses on the held-out lines; `show` summarises what is stored.",
    )
    parser.set_defaults(func=lambda _args: _print_help(parser))
    actions = parser.add_subparsers(dest="guess_action", metavar="ACTION")
    build = actions.add_parser(
        "build",
        help="train once and store the predictions (quick when already up to date)",
        description="Train the small model on Children's Stories, keep checkpoints at a few "
        "steps and store their guesses on held-out lines. Does nothing when the stored file "
        "matches the corpus and the recipe.",
    )
    build.add_argument("--force", action="store_true", help="rebuild even if up to date")
    build.add_argument("--quiet", action="store_true", help="print a single line")
    build.add_argument(
        "--threads", type=int, default=min(2, os.cpu_count() or 1), help="torch threads"
    )
    build.add_argument("--out", type=Path, help=f"where to write (default {cache_path()})")
    build.set_defaults(func=_build)
    show = actions.add_parser("show", help="print the checkpoints and a line of predictions")
    show.add_argument("--file", type=Path, help=f"which file (default {cache_path()})")
    show.set_defaults(func=_show)


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _build(args: argparse.Namespace) -> int:
    from llmbreaker.datasets import load_corpus
    from llmbreaker.guess.cache import CORPUS
    from llmbreaker.guess.recipe import RECIPE, is_current

    path = args.out or cache_path()
    text = load_corpus(CORPUS)  # a clear one-line error when it is not prepared
    if not args.force and is_current(path, text):
        print(f"Guessing game: up to date ({path}).")
        return 0
    if args.threads < 1:
        print("llmbreaker: --threads must be at least 1")
        return 2
    if not args.quiet:
        print(f"Guessing game: training once, keeping steps {RECIPE.keep} ...", flush=True)
    from llmbreaker.guess import build  # torch: only when there is something to build

    say = (lambda _line: None) if args.quiet else (lambda line: print(line, flush=True))
    cache = build.build(path, threads=args.threads, text=text, say=say)
    print(f"Guessing game: {len(cache.lines)} lines, {len(cache.checkpoints)} checkpoints, "
          f"built in {cache.build_seconds:.0f} s ({path}).")  # fmt: skip
    return 0


def _show(args: argparse.Namespace) -> int:
    try:
        cache = load(args.file)
    except CacheProblem as problem:
        print(f"llmbreaker: {problem.message} Run: llmbreaker guess build")
        return 1
    print(f"{cache.corpus_title}: {len(cache.lines)} held-out lines, alphabet of "
          f"{len(cache.alphabet)}, training text {cache.train_characters:,} characters, "
          f"built in {cache.build_seconds:.0f} s.")  # fmt: skip
    print(f"{'step':>6} {'characters read':>16} {'bits/char held-out':>19} {'on game lines':>14}")
    for c in cache.checkpoints:
        print(f"{c.step:>6,} {c.characters_read:>16,} {c.val_bits:>19.2f} {c.line_bits:>14.2f}")
    line = cache.lines[0]
    print(f"\nFirst line: {line.lead!r} + {line.text!r}")
    for c, p in zip(cache.checkpoints, line.predictions, strict=True):
        guesses = " ".join(f"{ch!r}{pr:.0%}" for ch, pr in zip(p.top_chars[0], p.top_probs[0],
                                                                  strict=True))  # fmt: skip
        print(f"  step {c.step:>5,}: first character {line.text[0]!r} "
              f"p={p.p_true[0]:.3f}; top three {guesses}")  # fmt: skip
    return 0
