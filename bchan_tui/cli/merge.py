"""``bchan merge``: merge another copy of the book into this one, record by
record, as a command, as git's merge driver, or from a synced folder's
conflict copy."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, EXIT_USAGE, add_db_option, db_path, fail, say
from .shell import emit


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "merge",
        help="merge another copy of the book into this one, record by record",
        description="Merge THEIRS into OURS (written in place, its journal folded first, "
        "under its lock). Records are matched by id; touches and intel are a union; a field "
        "changed on both sides keeps the newer value and lists the other in Needs attention. "
        "With --git, git calls it as a merge driver with BASE OURS THEIRS (%%O %%A %%B). "
        "With --from, FILE is merged into the book (--db), and removed when it is a conflict "
        "copy a synced folder left beside it. Exit 0 when merged, 2 when a file cannot be used.",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="OURS THEIRS (or, with --git, BASE OURS THEIRS)"
    )
    parser.add_argument("--base", metavar="BASE", help="the copy both sides started from")
    parser.add_argument(
        "--git",
        action="store_true",
        help="run as git's merge driver: BASE OURS THEIRS, the result written to OURS",
    )
    parser.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help="merge FILE into the book (--db): a conflict copy from a synced folder",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    files = [Path(name) for name in args.files]
    if args.source is not None:
        if files or args.git:
            return fail("merge: --from takes no other files", EXIT_USAGE)
        return _merge_from(db_path(args), Path(args.source))
    if args.git:
        if len(files) != 3 or args.base:
            return fail("merge: --git takes BASE OURS THEIRS (git's %O %A %B)", EXIT_USAGE)
        return _merge_for_git(*files)
    if len(files) != 2:
        return fail("merge: give OURS and THEIRS, or --from FILE", EXIT_USAGE)
    base = Path(args.base) if args.base else None
    return _merge_into_book(files[0], files[1], base)


def _merge_for_git(base: Path, ours: Path, theirs: Path) -> int:
    from bchan_tui.data.storage.merging import merge_book_files

    report = merge_book_files(ours, theirs, base)
    emit([f"bchan: merged the book: {line}" for line in report.lines()])
    return EXIT_OK


def _merge_into_book(ours: Path, theirs: Path, base: Path | None) -> int:
    from bchan_tui.data import Store
    from bchan_tui.data.storage.book_file import read_database
    from bchan_tui.data.storage.merging import read_other_copy

    other = read_other_copy(theirs)
    before = read_database(base) if base is not None else None
    with Store(ours) as store:
        report = store.merge_in(other, before)
    emit([f"merged {theirs} into {ours}", *(f"  {line}" for line in report.lines())])
    return EXIT_OK


def _merge_from(book: Path, source: Path) -> int:
    from bchan_tui.data import Store
    from bchan_tui.data.storage.conflict_copies import conflict_copies
    from bchan_tui.data.storage.merging import read_other_copy

    other = read_other_copy(source)
    with Store(book) as store:
        report = store.merge_in(other)
        is_copy = source.resolve() in {copy.resolve() for copy in conflict_copies(store.path)}
        lines = [f"merged {source} into {store.path}", *(f"  {line}" for line in report.lines())]
    if is_copy:
        # Only now: the merged book is saved, so the copy holds nothing it lacks.
        try:
            source.unlink()
            lines.append(f"removed the conflict copy {source}: its records are in the book")
        except OSError as error:
            say(f"bchan: warning: could not remove {source}: {error.strerror or error}")
    emit(lines)
    return EXIT_OK
