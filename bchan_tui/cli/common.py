"""What every subcommand shares: the ``--db`` option, opening the store, and
turning the data layer's errors into one-line messages and exit statuses."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bchan_tui.data import BchanError, DatabaseError, Store, resolve_db_path
from bchan_tui.data.collector import collector_paused

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_BROKEN = 2

Handler = Callable[[argparse.Namespace], int]

# What read-only commands read and are done with (see ``cli.program``).
LEFT_FOR_THE_END: list[object] = []


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db`` on the main parser and on each subcommand. No default, so
    ``bchan --db PATH COMMAND`` stays in force: a subcommand's own default
    would otherwise replace it."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the database file (default: $BCHAN_DB, else the user data folder)",
    )


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None))


def fail(message: str, status: int) -> int:
    print(f"bchan: {message}", file=sys.stderr)
    return status


@contextmanager
def opened_store(
    args: argparse.Namespace, *, write: bool, summary: bool = False
) -> Iterator[Store]:
    """The store for a command: read-only commands take no lock. ``summary``:
    a command that names people, picks channels or logs a touch, and may do
    it from the summary kept beside the book (see ``data.book_summary``)."""
    path = db_path(args)
    if not write and not path.exists():
        raise DatabaseError(f"no database at {path}; start bchan once, or pass --db")
    with ExitStack() as stack:
        if not write:
            # Frozen at the end: a command that ends next need not have the
            # collector go through the millions of objects a book is.
            stack.enter_context(collector_paused(freeze=True))
        store = Store(path, read_only=not write, summary=summary)
        stack.callback(store.close)
        yield store
    if not write:
        # Nor free them one by one (a third of a second at size L): the
        # program ends next, and its end frees them all at once.
        LEFT_FOR_THE_END.append(store)


def run_guarded(handler: Handler, args: argparse.Namespace) -> int:
    """Run a subcommand; known errors become a message, never a traceback."""
    try:
        return handler(args)
    except DatabaseError as error:
        return fail(str(error), error.exit_status)
    except BchanError as error:
        return fail(str(error), 1)
    except KeyboardInterrupt:
        return 130
