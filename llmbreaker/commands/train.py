"""`llmbreaker train`: headless training with a progress bar, losses, samples and a summary."""

from __future__ import annotations

import argparse
import os
import sys

from llmbreaker.commands.options import cores, default_threads, thread_count
from llmbreaker.config import DEFAULT_PRESET, PRESETS, session_config
from llmbreaker.limits import (
    MAX_BATCH_SIZE,
    MAX_ITERS,
    MAX_LEARNING_RATE,
    MIN_BATCH_SIZE,
    MIN_ITERS,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "train",
        help="train a model headless and print its progress",
        description="Train a character GPT in this process, with a progress bar, the losses "
        "at each evaluation, the sample text and a final summary.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--dataset",
        metavar="NAME",
        help="a prepared corpus (see `llmbreaker datasets list`); default "
        "shakespeare if prepared, else the built-in tiny corpus",
    )
    source.add_argument("--corpus", metavar="PATH", help="a .txt or .docx file of your own")
    parser.add_argument(
        "--preset",
        default=DEFAULT_PRESET,
        choices=list(PRESETS),
        help=f"model and recipe (default {DEFAULT_PRESET})",
    )
    parser.add_argument(
        "--iters", type=int, metavar="N", help=f"optimiser steps ({MIN_ITERS}-{MAX_ITERS})"
    )
    parser.add_argument("--eval-interval", type=int, metavar="N", help="steps between evals")
    parser.add_argument(
        "--batch-size",
        type=int,
        metavar="N",
        help=f"sequences per step ({MIN_BATCH_SIZE}-{MAX_BATCH_SIZE})",
    )
    parser.add_argument(
        "--lr", type=float, metavar="RATE", help=f"peak learning rate (0-{MAX_LEARNING_RATE}]"
    )
    parser.add_argument(
        "--threads",
        type=thread_count,
        default=default_threads(),
        help=f"torch threads, 1-{cores()} (default: up to 2)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON document instead of the progress display",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from llmbreaker import set_thread_wait_policy

    set_thread_wait_policy(shared_cpu=False)  # headless: nothing else needs the cores
    from llmbreaker.datasets import default_dataset, load_corpus
    from llmbreaker.text_input import load_file

    if args.corpus:
        text, label = load_file(args.corpus).text, os.path.basename(args.corpus)
    else:
        name = args.dataset or default_dataset()
        text, label = load_corpus(name), name
    config = session_config(
        args.preset,
        text=text,
        label=label,
        max_iters=args.iters,
        eval_interval=args.eval_interval,
        batch_size=args.batch_size,
        learning_rate=args.lr,
        threads=args.threads,
    )

    from llmbreaker.commands.train_report import JsonReport, RichReport
    from llmbreaker.trainer import CheckpointResult, Trainer

    trainer = Trainer(config.model, config.train, text, config.prompt, config.probe)
    report = (JsonReport if args.json else RichReport)(trainer, label, args.preset)
    with report:
        for result in trainer.run():
            if isinstance(result, CheckpointResult):
                report.checkpoint(result)
            else:
                report.step(result)
    report.summary()
    sys.stdout.flush()
    return 0
