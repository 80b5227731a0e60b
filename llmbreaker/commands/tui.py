"""`llmbreaker tui`: train a model in this process and watch it decode live in the terminal.

Training runs at full speed; after every checkpoint (and once before the first step) training
holds while the model writes a short burst, one character at a time, through the KV-cache
decoder, so the cache visibly fills, slides and clears. After the last step the bursts go
on until Q. P pauses either, S runs one training step or one character, L cycles layers.
"""

from __future__ import annotations

import argparse

from llmbreaker.commands.options import bounded
from llmbreaker.config import DEFAULT_PRESET, PRESETS
from llmbreaker.errors import INVALID_CONFIG, LLMBreakerError
from llmbreaker.limits import MAX_ITERS, MIN_ITERS


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "tui",
        help="train a model and watch it think, one character at a time, in the terminal",
        description=(
            "Train a character GPT in this process and show the live view: the sampled "
            "character, attention of every layer and head, token credit and KV-cache memory. "
            "Keys: P pause, S step, L cycle layers, Q quit."
        ),
    )
    parser.add_argument("--dataset", default="childrens_stories", help="corpus to train on")
    parser.add_argument("--preset", default=DEFAULT_PRESET, choices=sorted(PRESETS))
    parser.add_argument(
        "--iters", type=int, default=None, help=f"training steps ({MIN_ITERS}-{MAX_ITERS})"
    )
    parser.add_argument("--prompt", default=None, help="text each burst continues")
    parser.add_argument(
        "--chars",
        type=bounded(int, 1, 10_000),
        default=64,
        help="characters per decode burst (1-10,000)",
    )
    parser.add_argument(
        "--rate",
        type=bounded(float, 0, 1000),
        default=25.0,
        help="characters per second (up to 1,000)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from llmbreaker import set_thread_wait_policy

    set_thread_wait_policy(shared_cpu=True)  # the live view draws from another thread

    from llmbreaker.config import session_config
    from llmbreaker.data import Vocab
    from llmbreaker.datasets import load_corpus
    from llmbreaker.prompts import check_prompt

    config = session_config(args.preset, dataset=args.dataset, max_iters=args.iters)
    text = load_corpus(args.dataset)
    if args.prompt is not None:
        check_prompt(Vocab.from_text(text).chars, args.prompt)  # before the screen changes
    console = Console()
    if not console.is_terminal:
        raise LLMBreakerError(
            INVALID_CONFIG, "The live view needs an interactive terminal; try `llmbreaker train`."
        )
    from llmbreaker.commands.tui_driver import LiveTraining

    LiveTraining(config, text, args.prompt, args.chars, args.rate, console).run()
    return 0
