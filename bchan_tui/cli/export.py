"""``bchan export``: the book as Markdown (redacted by default) or as vCards."""

from __future__ import annotations

import argparse
from pathlib import Path

from bchan_tui.data.domain.clock import now as clock_now
from bchan_tui.data.domain.text import for_terminal
from bchan_tui.data.storage.atomic import write_atomically
from bchan_tui.data.storage.lookup import find_account, resolve_contact
from bchan_tui.data.storage.store import Store

from .common import (
    EXIT_OK,
    EXIT_USAGE,
    add_db_option,
    fail,
    opened_store,
    say,
    write_output,
)
from .shell import add_archived_option, lookup_guarded, shown

EXIT_EXISTS = 1


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "export",
        help="export the book as Markdown (redacted unless --reveal) or as vCards",
        description="Write the book, or some contacts of it, as a Markdown document: what "
        "needs attention, then each contact's organisation, relationship, ladder, reach now, "
        "last touches and intel. It is redacted unless --reveal: private addresses masked, "
        "codenames instead of names, received intel attributed to 'a source'. "
        "--format vcard writes vCards for a phone or another address book; they carry every "
        "address in full, so they need --reveal. Output goes to stdout unless -o FILE; a file "
        "is created with mode 0600 and an existing one is kept unless --force.",
    )
    parser.add_argument(
        "--contact",
        metavar="NAME_OR_ID",
        action="append",
        help="export this contact only (repeat for several): a codename, or as in 'bchan reach'",
    )
    add_archived_option(parser)
    parser.add_argument(
        "--account",
        metavar="NAME",
        action="append",
        help="export the contacts of this account (repeat for several)",
    )
    parser.add_argument(
        "--reveal",
        action="store_true",
        help="show every name, address and source; the document says so at the top",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="the file to write ('-', the default, is stdout)",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument(
        "--format",
        choices=("markdown", "vcard"),
        default="markdown",
        help="markdown (default) or vcard",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


@lookup_guarded
def run(args: argparse.Namespace) -> int:
    from bchan_tui.data.exchange.export_markdown import export_markdown

    if args.format == "vcard" and not args.reveal:
        return fail(
            "a vCard export carries every name and address in full; add --reveal to confirm",
            EXIT_USAGE,
        )
    target = None if args.output == "-" else Path(args.output).expanduser()
    if target is not None and target.exists() and not args.force:
        return fail(f"{target} exists; pass --force to replace it", EXIT_EXISTS)
    with opened_store(args, write=False) as store:
        contact_ids = _chosen(store, args)
        if args.format == "vcard":
            # Imported here: vobject costs every other command its start-up time.
            from bchan_tui.data.exchange.export_vcard import export_vcards

            text = export_vcards(store, contact_ids=contact_ids)
        else:
            text = export_markdown(
                store, contact_ids=contact_ids, reveal=args.reveal, now=clock_now()
            )
            text += "\n"
    if target is None:
        write_output(text)
        return EXIT_OK
    try:
        # A file is read in a terminal too: cleaned as stdout is.
        write_atomically(target, for_terminal(text).encode("utf-8"))
    except OSError as error:
        return fail(f"could not write {target}: {error.strerror or error}", 1)
    kind = "vCards" if args.format == "vcard" else "revealed" if args.reveal else "redacted"
    say(f"wrote {shown(str(target))} ({kind}, mode 0600)")
    return EXIT_OK


def _chosen(store: Store, args: argparse.Namespace) -> list[str] | None:
    """The contact ids --contact and --account name, or None for the whole book."""
    if not args.contact and not args.account:
        return None
    ids = [resolve_contact(store, text, archived=args.archived).id for text in args.contact or ()]
    for name in args.account or ():
        account = find_account(store, name)
        ids.extend(c.id for c in store.contacts() if c.account_id == account.id)
    return ids
