"""``bchan reach NAME_OR_ID``: which channel to use now, for a matter of a
given urgency, its address and the one-line reason."""

from __future__ import annotations

import argparse

from bchan_tui.data.domain.clock import now as clock_now
from bchan_tui.data.domain.masking import shown_address
from bchan_tui.data.domain.models import Rung, Urgency
from bchan_tui.data.storage.lookup import resolve_contact

from .common import EXIT_OK, add_db_option, opened_store
from .shell import add_archived_option, emit, lookup_guarded, shown

URGENCIES = [u.value for u in Urgency]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "reach",
        help="the channel to use now for one contact, its address and why",
        description="Print the channel reach now picks for this contact and a matter of "
        "this urgency, its address (a private address is masked unless --reveal), and the "
        "one-line reason. NAME_OR_ID is an id or its first 6+ characters, a whole name or "
        "codename, or words that each start a word of one contact's name, codename or "
        "organisation ('marta lind'); nothing looser. Exit 1 when it matches nobody (the "
        "closest names are suggested, never used), 3 when it matches several (they are "
        "listed), 2 when the database cannot be read.",
    )
    parser.add_argument("contact", metavar="NAME_OR_ID", help="who to reach")
    parser.add_argument(
        "--urgency",
        choices=URGENCIES,
        default=Urgency.ROUTINE.value,
        help="how urgent the matter is (default: routine)",
    )
    parser.add_argument(
        "--reveal", action="store_true", help="show a private address instead of masking it"
    )
    add_archived_option(parser)
    add_db_option(parser)
    parser.set_defaults(handler=run)


@lookup_guarded
def run(args: argparse.Namespace) -> int:
    urgency = Urgency(args.urgency)
    with opened_store(args, write=False) as store:
        contact = resolve_contact(store, args.contact, archived=args.archived)
        recommendation = store.reach_now(contact.id, urgency, clock_now())
    heading = shown(contact.name)
    if contact.org:
        heading += f" ({shown(contact.org)})"
    channel = recommendation.channel
    if channel is None:
        pick = f"{urgency.value}: no channel"
    else:
        address = shown(shown_address(channel, reveal=args.reveal)) or "(no address)"
        masked = channel.rung is Rung.PRIVATE and not args.reveal and channel.address
        hint = "  (masked; --reveal shows it)" if masked else ""
        pick = f"{urgency.value}: {shown(channel.describe())}  {address}{hint}"
    emit([heading, pick, shown(recommendation.reason)])
    return EXIT_OK
