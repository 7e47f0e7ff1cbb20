"""``bchan check``: validate a database the way ``git fsck`` does."""

from __future__ import annotations

import argparse

from bchan_tui.data.integrity import check_database

from .common import EXIT_BROKEN, EXIT_OK, add_db_option, db_path
from .shell import emit


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="check a database file and every reference in it",
        description="Validate the file, its schema and every reference; print the schema "
        "version, the count of each table and the newest backup. Exit 0 when healthy, 2 when not.",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    report = check_database(db_path(args))
    emit([report.render()])
    return EXIT_OK if report.healthy else EXIT_BROKEN
