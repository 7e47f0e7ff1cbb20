"""``bchan check``: validate a database the way ``git fsck`` does, and with
``--repair`` keep the good lines of a damaged journal beside it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bchan_tui.data.storage.journal_repair import JournalDamage, RepairReport

from .common import EXIT_BROKEN, EXIT_OK, add_db_option, db_path
from .shell import emit


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="check a database file and every reference in it",
        description="Validate the file, its schema and every reference; print the schema "
        "version, the count of each table and the newest backup. Exit 0 when healthy, 2 when not. "
        "Nothing is written unless --repair is given.",
    )
    add_db_option(parser)
    parser.add_argument(
        "--repair",
        action="store_true",
        help="when lines of the journal of changes beside the book are damaged, rewrite it "
        "with its good lines, keep it as it was beside it, and check again",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bchan_tui.data.storage.integrity import check_database
    from bchan_tui.data.storage.journal_repair import repair_journal
    from bchan_tui.data.storage.lock import SessionLock

    path = db_path(args)
    report = check_database(path)
    emit_line(report.render())
    if report.healthy:
        return EXIT_OK
    damage = _journal_damage(path) if report.version is None else None
    if damage is None:
        if args.repair:
            emit_line("nothing repaired: no line of the journal beside the book is damaged")
        return EXIT_BROKEN
    if not args.repair:
        emit_line(_offer(damage))
        return EXIT_BROKEN
    # No session may append to the journal while it is replaced.
    with SessionLock(path):
        repaired = repair_journal(path)
    emit_line(_describe(repaired))
    report = check_database(path)
    emit_line(report.render())
    return EXIT_OK if report.healthy else EXIT_BROKEN


def emit_line(text: str) -> None:
    emit([text])


def _journal_damage(path: Path) -> JournalDamage | None:
    """The damage in the journal of the book at ``path``, when the book
    itself reads (else repairing the journal would not make it open)."""
    from bchan_tui.data.errors import BrokenDatabaseError
    from bchan_tui.data.storage.book_file import read_database
    from bchan_tui.data.storage.journal import generation_of
    from bchan_tui.data.storage.journal_repair import journal_damage

    try:
        book = read_database(path)
    except (BrokenDatabaseError, OSError):
        return None
    return journal_damage(path, generation_of(book))


def _offer(damage: JournalDamage) -> str:
    from bchan_tui.data.storage.integrity import SHOWN_PROBLEMS

    lines = [f"  - {problem}" for problem in damage.problems[:SHOWN_PROBLEMS]]
    if len(damage.problems) > SHOWN_PROBLEMS:
        lines.append(f"  ... and {len(damage.problems) - SHOWN_PROBLEMS} more")
    if damage.problems[0].line == 1:
        action = (
            "set the journal aside: its first line is damaged, so none of its changes "
            "can be applied"
        )
    else:
        action = f"keep the {_good_lines(damage.good)}"
    kept = "the journal as it is will be kept beside it"
    lines.append(f"run `bchan check --repair` to {action}; {kept}")
    return "\n".join(["damaged journal lines:", *lines])


def _describe(repaired: RepairReport | None) -> str:
    if repaired is None:
        return "nothing repaired: no line of the journal is damaged any more"
    if repaired.set_aside_whole:
        return f"repaired: the journal was set aside whole as {repaired.original}"
    dropped = ", ".join(str(line) for line in repaired.dropped)
    return (
        f"repaired: kept the {_good_lines(repaired.kept)}, left out line(s) {dropped}; "
        f"the journal as it was: {repaired.original}"
    )


def _good_lines(count: int) -> str:
    return f"{count} good line" if count == 1 else f"{count} good lines"
