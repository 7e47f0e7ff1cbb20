"""What every subcommand shares: the ``--db`` option, opening the store, and
turning the data layer's errors into one-line messages and exit statuses."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bchan_tui.data import BchanError, DatabaseError, Store, resolve_db_path
from bchan_tui.data.domain.text import for_terminal

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_BROKEN = 2

Handler = Callable[[argparse.Namespace], int]


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


def say(message: str, *, end: str = "\n") -> None:
    """A message to stderr, with nothing in it a terminal would act on
    (a message may quote the book)."""
    print(for_terminal(message), end=end, file=sys.stderr, flush=True)


def fail(message: str, status: int) -> int:
    say(f"bchan: {message}")
    return status


class OutputFailedError(BchanError):
    """The command's own output could not be written: a full disk, a closed pipe."""


def write_output(text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to stdout whole, or raise ``OutputFailedError``.

    Every command's output goes through here, so nothing in it reaches the
    terminal raw, whoever wrote the book: control characters are dropped
    (tabs and line breaks stay). Written as bytes in ``encoding``, so the
    masks' bullets survive a terminal that is not UTF-8 ("?" instead).
    """
    payload = for_terminal(text).encode(encoding, "replace")
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise OutputFailedError("the output was closed before all of it was written") from None
    except OSError as error:
        raise OutputFailedError(f"could not write the output: {error.strerror or error}") from None


@contextmanager
def opened_store(args: argparse.Namespace, *, write: bool) -> Iterator[Store]:
    """The store for a command: read-only commands take no lock."""
    path = db_path(args)
    if not write and not path.exists():
        raise DatabaseError(f"no database at {path}; start bchan once, or pass --db")
    with Store(path, read_only=not write) as store:
        if store.journal_set_aside is not None:
            say(f"bchan: warning: {set_aside_warning(store.journal_set_aside)}")
        yield store


def set_aside_warning(aside: Path) -> str:
    """What to say of a journal of another version of the book, set aside."""
    return (
        f"a journal of changes that belongs to another version of the book was set aside "
        f"as {aside}; its changes are not in the book"
    )


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
