"""`llmbreaker train`: headless training with a progress bar, losses, samples and a summary."""

from __future__ import annotations

import argparse
import os
import sys

from llmbreaker.breaks import BREAK_PRESET
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
        choices=list(PRESETS),
        help=f"model and recipe (default {DEFAULT_PRESET}; with --break {BREAK_PRESET}, "
        "the model Break It trains)",
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
        "--break",
        dest="break_parts",
        metavar="PARTS",
        help="train the model with these parts switched off (comma-separated: "
        "positions, residual, layernorm, heads, context, width) and the working model with "
        "the same seed, data and steps; print both final losses and what broke "
        "(default steps: Break It's)",
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
    switches: tuple[str, ...] = ()
    if args.break_parts is not None:
        from llmbreaker.breaks import BREAK_SAMPLE_LENGTH, BREAK_STEPS, parse_switches

        switches = parse_switches(args.break_parts)
        args.iters = args.iters or BREAK_STEPS
        args.preset = args.preset or BREAK_PRESET  # the model the tab breaks
    args.preset = args.preset or DEFAULT_PRESET
    config = session_config(
        args.preset,
        text=text,
        label=label,
        max_iters=args.iters,
        eval_interval=args.eval_interval,
        batch_size=args.batch_size,
        learning_rate=args.lr,
        threads=args.threads,
        sample_length=BREAK_SAMPLE_LENGTH if switches else None,
    )
    if switches:
        return run_broken(config, text, label, args, switches)
    report = train_one(config.model, config, text, label, args)
    report.summary()
    sys.stdout.flush()
    return 0


def train_one(model_cfg, config, text: str, label: str, args):
    """Train one model to the end through a report (rich or JSON); returns the report."""
    from llmbreaker.commands.train_report import JsonReport, RichReport
    from llmbreaker.trainer import CheckpointResult, Trainer

    trainer = Trainer(model_cfg, config.train, text, config.prompt, config.probe)
    report = (JsonReport if args.json else RichReport)(trainer, label, args.preset)
    with report:
        for result in trainer.run():
            if isinstance(result, CheckpointResult):
                report.checkpoint(result)
            else:
                report.step(result)
    return report


def run_broken(config, text: str, label: str, args, switches: tuple[str, ...]) -> int:
    """The working model (the ghost), then the broken one, same seed, data and steps."""
    from llmbreaker.break_symptoms import caption, compare, corpus_words
    from llmbreaker.breaks import broken_model, describe
    from llmbreaker.commands.train_report import print_break_summary

    broken_cfg = broken_model(config.model, switches)
    ghost = train_one(config.model, config, text, f"{label} · ghost (nothing broken)", args)
    broken = train_one(broken_cfg, config, text, f"{label} · {describe(switches)}", args)
    comparison = compare(switches, broken.last, ghost.last, corpus_words(text))
    print_break_summary(args.json, switches, ghost, broken, caption(comparison))
    sys.stdout.flush()
    return 0
