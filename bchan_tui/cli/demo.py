"""``bchan demo``: write the demo book, or a benchmark book of size S, M or L."""

from __future__ import annotations

import argparse
import time

from bchan_tui.data.samples.synthetic import SIZES, write_size

from .common import EXIT_OK, EXIT_USAGE, add_db_option, db_path, fail
from .shell import emit


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "demo",
        help="write the demo book, or a benchmark book of size S, M or L, to a file",
        description="Without --size, write the small demo book. With --size, write a "
        "benchmark book (S: 1,000 contacts, M: 10,000, L: 50,000) from a fixed seed. "
        "It needs --db PATH: it never writes into your own book ($BCHAN_DB or the default "
        "one). An existing file is not overwritten without --force. To look around without "
        "a file of your own, 'bchan --demo' opens a temporary copy.",
    )
    parser.add_argument("--size", choices=sorted(SIZES), help="benchmark size")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bchan_tui.data import Store
    from bchan_tui.data.samples.demo_book import build_demo_book

    if getattr(args, "db", None) is None:
        # $BCHAN_DB and the default name the user's own book: 30 invented
        # people must never land in it.
        return fail(
            "bchan demo writes a new book, never yours: give it a file with --db PATH "
            "(or run 'bchan --demo' to look around in a temporary copy)",
            EXIT_USAGE,
        )
    path = db_path(args)
    if path.exists() and not args.force:
        return fail(f"{path} exists; pass --force to replace it", 1)
    started = time.perf_counter()
    if args.size:
        counts = write_size(path, args.size)
    else:
        path.unlink(missing_ok=True)
        with Store(path) as store:
            build_demo_book(store)
            counts = store.counts()
    summary = ", ".join(f"{n:,} {name}" for name, n in counts.items())
    emit([f"wrote {path}: {summary} in {time.perf_counter() - started:.1f} s"])
    return EXIT_OK
