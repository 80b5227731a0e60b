"""`llmbreaker run`: the exhibit's options; the window itself is opened by game.launch."""

from __future__ import annotations

import argparse

from llmbreaker.errors import INVALID_CONFIG, LLMBreakerError

DEFAULT_SIZE = (1280, 720)


def parse_size(text: str) -> tuple[int, int]:
    """'1920x1080' -> (1920, 1080), with a clear message otherwise."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080 (got '{text}')") from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(f"size {width}x{height} is too small (min 320x240)")
    return width, height


def register(subparsers) -> None:
    parser = subparsers.add_parser("run", help="open the exhibit (the default command)")
    parser.add_argument("--fullscreen", action="store_true", help="fill the screen")
    parser.add_argument(
        "--size",
        type=parse_size,
        default=DEFAULT_SIZE,
        metavar="WxH",
        help="window size, e.g. 1920x1080 (default 1280x720)",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="full screen, cursor hidden, Ctrl+Q and closing the window ignored",
    )
    parser.add_argument(
        "--idle-timeout",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="back to the attract screen after this long without a key (0: never)",
    )
    parser.add_argument(
        "--exports",
        metavar="DIR",
        default=None,
        help="folder for screenshots and exports, created if missing "
        "(default: LLMBreaker in your Documents folder)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from llmbreaker.logs import setup_logging

    setup_logging()
    try:
        from game.launch import launch  # pygame loads only now, and only in game/
    except ImportError as exc:
        raise LLMBreakerError(INVALID_CONFIG, f"The exhibit cannot start: {exc}.") from None
    return launch(args.size, args.fullscreen, args.kiosk, args.idle_timeout, args.exports)
