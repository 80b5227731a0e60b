"""`llmbreaker bench`: measure learning speed, worker throughput, UI frames, latency, memory."""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

from llmbreaker.commands.options import bounded, cores, default_threads, thread_count

DAY = 86_400.0  # seconds: the longest run an option may ask for
SECTIONS = ("learning", "throughput", "ui", "latency", "memory", "break")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="measure the project's speed",
        description="Print a table of learning speed, worker throughput, UI frame times, "
        "command latency, memory and Break It's frame times while its two models train; "
        "write JSON and a PNG plot under bench-results/.",
    )
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        help="text to learn (default: the prepared Shakespeare); the reference "
        "corpus is ../shared/datasets/tinyshakespeare.txt",
    )
    parser.add_argument("--quick", action="store_true", help="short runs; under two minutes")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SECTIONS,
        metavar="SECTION",
        help=f"run only some sections: {', '.join(SECTIONS)}",
    )
    parser.add_argument("--presets", nargs="+", metavar="NAME", help="learning: only these presets")
    parser.add_argument(
        "--budget",
        type=bounded(float, 0, DAY),
        metavar="S",
        help="learning: seconds per preset",
    )
    parser.add_argument(
        "--threads",
        type=thread_count,
        default=default_threads(),
        help=f"torch threads for the learning runs, 1-{cores()} (default 2)",
    )
    parser.add_argument(
        "--soak",
        type=bounded(float, 0, DAY),
        metavar="S",
        help="memory: seconds of training and landing animation (default 120)",
    )
    parser.add_argument("--out", default="bench-results", help="folder for JSON and PNG")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from llmbreaker import set_thread_wait_policy

    set_thread_wait_policy(shared_cpu=False)  # headless: nothing else needs the cores
    from llmbreaker.bench.plot import plot_curves
    from llmbreaker.bench.report import print_report
    from llmbreaker.bench.runner import BenchOptions, run_all
    from llmbreaker.config import DEFAULT_PRESET
    from llmbreaker.datasets import default_dataset, load_corpus
    from llmbreaker.text_input import load_file

    if args.corpus:
        text, corpus = load_file(args.corpus).text, args.corpus
    else:
        corpus = default_dataset()
        text = load_corpus(corpus)
    opts = BenchOptions(
        text=text, corpus=corpus, threads=args.threads, recipes=tuple(args.presets or ())
    )
    if args.quick:
        opts = BenchOptions(
            text=text,
            corpus=corpus,
            threads=args.threads,
            recipes=tuple(args.presets or ("seed", DEFAULT_PRESET)),
            learn_budget=8,
            reference_budget=8,
            throughput_seconds=4,
            latency_rounds=5,
            ui_seconds=2,
            overview_seconds=2,
            soak_seconds=8,
            one_thread=False,
            break_to_verdict=False,
        )
    if args.budget:
        opts = replace(
            opts,
            learn_budget=args.budget,
            reference_budget=max(args.budget, opts.reference_budget)
            if not args.quick
            else args.budget,
        )
    if args.soak is not None:
        opts = replace(opts, soak_seconds=args.soak)
    sections = set(args.only or SECTIONS)
    result = run_all(opts, sections, say=lambda s: print(s, flush=True))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    json_path = out / f"bench-{stamp}.json"
    json_path.write_text(json.dumps(result, indent=2))
    if "learning" in result:
        result["plot"] = str(plot_curves(result["learning"], out / f"bench-{stamp}.png"))
    print_report(result)
    print(f"wrote {json_path}" + (f" and {result['plot']}" if "plot" in result else ""))
    return 0
