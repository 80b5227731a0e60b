"""`llmbreaker run`: the exhibit's options from flags and --config; game.launch opens the window."""

from __future__ import annotations

import argparse
from pathlib import Path

from llmbreaker.errors import INVALID_CONFIG, LLMBreakerError
from llmbreaker.exhibit_config import KIOSK_LOCKABLE, NAMES, RunOptions, read_file, resolve
from llmbreaker.logs import setup_logging

ON_OFF = argparse.BooleanOptionalAction


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "run",
        help="open the exhibit (the default command)",
        description="Open the exhibit. Flags override the --config file; see "
        "docs/exhibit.example.toml for every key.",
    )
    parser.add_argument("--config", metavar="FILE", help="an exhibit.toml with any of the options")
    add = parser.add_argument
    add("--size", metavar="WxH", help="window size, e.g. 1920x1080 (default 1280x720)")
    add("--fullscreen", action=ON_OFF, help="fill the screen (F11 toggles)")
    add("--kiosk", action=ON_OFF, help="full screen, cursor hidden, only the held chord quits")
    add("--idle-timeout", metavar="SECONDS", help="reset and tour after this long without a key "
        "(0: never; default 90 in kiosk mode, else 0)")  # fmt: skip
    add("--tour", action=ON_OFF, help="play the attract tour after the idle reset (default on)")
    add("--tour-corpus", metavar="NAME", help="what the tour trains (default shakespeare)")
    add("--tour-speed", metavar="SPEED", help="the tour's training speed (default 2x)")
    add("--quit-chord", metavar="KEYS", help="kiosk quit chord (default ctrl+shift+q)")
    add("--quit-hold", metavar="SECONDS", help="how long to hold it (default 3)")
    add("--log-folder", metavar="DIR", help="where the log file goes")
    add("--exports", metavar="DIR", help="folder for screenshots and exports")
    add("--kiosk-allow", metavar="NAMES", help="kiosk keys left on, comma-separated: "
        + ", ".join(KIOSK_LOCKABLE))  # fmt: skip
    add("--threads", metavar="N", help="torch threads per training worker (default 1)")
    add("--idle-workers", action=ON_OFF, help="train at the lowest CPU priority: the window "
        "goes first, but other busy programs stall training (default off; Linux)")  # fmt: skip
    parser.set_defaults(func=run)


def options_from(args: argparse.Namespace) -> RunOptions:
    """The file's options (if any) overridden by the flags given; checked in one place."""
    file_values = read_file(args.config) if args.config else {}
    flags = {name: getattr(args, name, None) for name in NAMES}
    return resolve(file_values, flags, Path(args.config).name if args.config else "")


def run(args: argparse.Namespace) -> int:
    options = options_from(args)
    setup_logging(options.log_folder)
    try:
        from game.launch import launch  # pygame loads only now, and only in game/
    except ImportError as exc:
        raise LLMBreakerError(INVALID_CONFIG, f"The exhibit cannot start: {exc}.") from None
    return launch(options)
