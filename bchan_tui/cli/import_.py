"""``bchan import FILE``: contacts from vCard files and Google or Outlook CSV."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bchan_tui.data import Store

from .common import EXIT_OK, add_db_option, db_path, opened_store
from .shell import emit, shown


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import",
        help="import contacts from a vCard file or a Google or Outlook CSV export",
        description="Add the contacts of a vCard file (3.0 or 4.0, one or many cards) or of "
        "a CSV file exported by Google Contacts or Outlook. Emails, phone numbers, messengers "
        "and social profiles become channels: home or personal ones on the private rung, the "
        "rest public. A contact already in the book (same email or phone number, or the same "
        "name and organisation) is merged, never doubled, so importing a file twice adds "
        "nothing. A broken card or row is reported with its line number and skipped. "
        "Everything is saved in one write, or nothing is.",
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="the .vcf or .csv file")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print the same report, and write nothing",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: the vCard and CSV readers cost every other command its start-up time.
    from bchan_tui.data.exchange.importing import apply_import, plan_import, read_import_file

    parsed = read_import_file(args.file)
    if args.dry_run and not db_path(args).exists():
        # Nothing to merge with yet: plan against an empty book.
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "empty.json") as empty:
            plan = plan_import(empty, parsed, str(args.file))
    else:
        # A dry run only reads: it takes no lock, so it works beside an open dashboard.
        with opened_store(args, write=not args.dry_run) as store:
            plan = plan_import(store, parsed, str(args.file))
            if not args.dry_run:
                apply_import(store, plan)
    emit(shown(line) for line in plan.report(dry_run=args.dry_run).render().splitlines())
    return EXIT_OK
