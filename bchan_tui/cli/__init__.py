"""The ``bchan`` command line.

Without a subcommand it starts the dashboard. Shell subcommands run on the
data layer alone: Textual is imported only when the dashboard starts, so they
answer in the time it takes to read the file.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from bchan_tui import __version__

from . import check, demo, export, find, import_, launch, log, query, reach
from .common import LEFT_FOR_THE_END, run_guarded

# Each module adds its subcommand with register(); order is the --help order.
SUBCOMMANDS = (check, demo, find, reach, log, query, export, import_)


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
    """Run one command, for a caller that goes on (a script, a test)."""
    status = _run(argv)
    LEFT_FOR_THE_END.clear()  # freed as usual, since this process goes on
    return status


def program() -> NoReturn:
    """The ``bchan`` program: one command, then the end. After a read-only
    command, the process ends without freeing the book it read object by
    object: its output is flushed, and nothing else is left to do."""
    status = _run(None)
    if LEFT_FOR_THE_END:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            raise SystemExit(status) from None  # Python's own end reports it
        os._exit(status)
    raise SystemExit(status)


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    status: int = run_guarded(args.handler, args)
    return status
