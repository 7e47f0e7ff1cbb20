"""``bchan query QUERY``: answer a mail client's address-book query, in the
format of ``abook --mutt-query`` and ``khard email --parsable``.

The first line is a status message (mutt shows it; aerc skips it because it
is not an address), then one ``address<TAB>name<TAB>note`` line per email
address. Exit status 1 when nothing matches.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bchan_tui.data.domain.clock import now as clock_now
from bchan_tui.data.settings import QUERY_PRIVATE_ENV_VAR, load_settings, settings_path

if TYPE_CHECKING:
    from bchan_tui.data.exchange.address_book import AddressEntry

from .common import EXIT_OK, add_db_option, opened_store
from .shell import EXIT_NO_MATCH, emit, lookup_guarded, paragraph, shown


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "query",
        help="answer a mail client's address query (mutt, neomutt, aerc)",
        description=paragraph(
            "Print the email addresses of the contacts QUERY matches (by name, "
            "organisation, role, tags or address) for a mail client: a status line, then one "
            "'address<TAB>name<TAB>note' line each, as abook --mutt-query and khard email "
            "--parsable do. Exit 1 when nothing matches."
        ),
        epilog=f"""\
Private addresses are left out unless the settings file
({settings_path()}) says
  [query]
  include_private = true
or {QUERY_PRIVATE_ENV_VAR}=1 is set, or --private is given.

mutt, neomutt:  set query_command = "bchan query %s"
aerc [compose]: address-book-cmd = bchan query "%s\"""",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="QUERY", nargs="*", help="what was typed so far")
    parser.add_argument(
        "--private",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="include private email addresses (default: from the settings)",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


@lookup_guarded
def run(args: argparse.Namespace) -> int:
    from bchan_tui.data.exchange.address_book import email_addresses

    include_private = args.private
    if include_private is None:
        include_private = load_settings().query.include_private
    with opened_store(args, write=False) as store:
        answer = email_addresses(
            store, " ".join(args.query), include_private=include_private, now=clock_now()
        )
    count = len(answer.entries)
    hidden = f" ({answer.hidden_private} private left out)" if answer.hidden_private else ""
    if count == 0:
        emit([f"bchan found no address{hidden}"])
        return EXIT_NO_MATCH
    plural = "" if count == 1 else "es"
    emit([f"bchan found {count} address{plural}{hidden}", *map(entry_line, answer.entries)])
    return EXIT_OK


def entry_line(entry: AddressEntry) -> str:
    """``address<TAB>name<TAB>note``; ``shown`` drops tabs and newlines inside a field."""
    return "\t".join(shown(field) for field in (entry.address, entry.name, entry.note))
