"""The `llmbreaker` command line: each sub-command lives in llmbreaker/commands/."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from llmbreaker import __version__
from llmbreaker.errors import LLMBreakerError

# Sub-command modules, each with `register(subparsers)` that sets `func` on its parser.
COMMANDS = ["run", "tui", "train", "bench", "datasets", "base", "style"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="llmbreaker",
        description="Watch a tiny character-level GPT learn, live, on a CPU.",
    )
    parser.add_argument("--version", action="version", version=f"llmbreaker {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"llmbreaker.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"llmbreaker.commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`llmbreaker train --json | head`): stop quietly, as Unix tools
        # do. Python's own flush at exit would fail again, so stdout now leads nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv = ["run", *argv]  # the exhibit is the default
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except LLMBreakerError as exc:
        print(f"llmbreaker: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("llmbreaker: interrupted", file=sys.stderr)
        return 130
