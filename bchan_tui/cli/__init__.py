"""The ``bchan`` command line.

Without a subcommand it starts the dashboard. Shell subcommands run on the
data layer alone: Textual is imported only when the dashboard starts, so they
answer in the time it takes to read the file.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn

from bchan_tui import __version__

from . import check, demo, export, find, import_, launch, log, merge, query, reach, reply, sync
from .common import run_guarded

# Each module adds its subcommand with register(); order is the --help order.
# Every run builds the whole parser, so a module imports at its top only what
# registering and the common path need; what one command alone uses (the
# exporter, the demo book, the checker) is imported when that command runs.
SUBCOMMANDS = (check, demo, find, reach, log, reply, query, export, import_, merge, sync)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bchan",
        description="A keyboard-driven terminal dashboard for back channels. "
        "Without a command, start the dashboard.",
        epilog="Run 'bchan COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"bchan {__version__}")
    launch.add_options(parser)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.register(commands)
    parser.set_defaults(handler=launch.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit status."""
    args = build_parser().parse_args(argv)
    status: int = run_guarded(args.handler, args)
    return status


def program() -> NoReturn:
    """The ``bchan`` program."""
    raise SystemExit(main(None))
