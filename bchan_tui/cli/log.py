"""``bchan log NAME_OR_ID --channel KIND_OR_ADDRESS``: record a touch the
way the dashboard does, with the store's validation and the same warning
before a hot channel is used again."""

from __future__ import annotations

import argparse
import sys

from bchan_tui.data import Direction, Outcome, Urgency, ValidationError
from bchan_tui.data.domain.clock import now as clock_now
from bchan_tui.data.domain.models import Channel, Contact
from bchan_tui.data.domain.touch_warning import READY_DATE_FORMAT, hot_channel_warning
from bchan_tui.data.domain.when import describe_when, parse_when
from bchan_tui.data.storage.lookup import resolve_channel, resolve_contact
from bchan_tui.data.storage.store import Store

from .common import EXIT_OK, add_db_option, fail, opened_store, say
from .shell import add_archived_option, emit, lookup_guarded, shown

EXIT_REFUSED = 1


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "log",
        help="record a touch: you reached a contact on a channel (or they reached you)",
        description="Record a touch on one of the contact's channels, as the dashboard does. "
        "An outgoing touch on a private channel needs --reason (why not a public one?). "
        "Using a hot channel again asks first; --yes answers for you, and without a "
        "terminal to ask on, the touch is refused unless --yes is given. Takes the write "
        "lock: refused while a dashboard has the book open. Exit 0 when logged, 1 when "
        "refused or invalid, 3 when the name or channel matches several, 2 when the "
        "database cannot be used.",
    )
    parser.add_argument("contact", metavar="NAME_OR_ID", help="who (as for 'bchan reach')")
    parser.add_argument(
        "--channel",
        metavar="KIND_OR_ADDRESS",
        required=True,
        help="which of their channels: a kind (email, signal, call...), RUNG:KIND "
        "(private:email), a rung (private), an address or part of one, or a channel id",
    )
    parser.add_argument(
        "--urgency",
        choices=[u.value for u in Urgency],
        default=Urgency.ROUTINE.value,
        help="how urgent the matter was (default: routine)",
    )
    parser.add_argument(
        "--at",
        metavar="WHEN",
        default="now",
        help='when it happened: "yesterday 15:00", "2 days ago", "mon 9:30", ISO 8601 '
        "(clock times in this computer's zone; never in the future; default: now)",
    )
    parser.add_argument(
        "--outcome",
        choices=[o.value for o in Outcome],
        default=Outcome.PENDING.value,
        help="did they answer: pending (default), replied or no_reply; "
        "'bchan reply NAME' says so later",
    )
    parser.add_argument("--note", default="", help="what it was about")
    parser.add_argument(
        "--reason", default="", help="why this channel (required for a private one)"
    )
    parser.add_argument(
        "--in",
        dest="incoming",
        action="store_true",
        help="they reached you (an incoming touch; it adds no heat)",
    )
    parser.add_argument(
        "--yes", action="store_true", help="log it even when the channel is hot, without asking"
    )
    add_archived_option(parser)
    add_db_option(parser)
    parser.set_defaults(handler=run)


@lookup_guarded
def run(args: argparse.Namespace) -> int:
    direction = Direction.IN if args.incoming else Direction.OUT
    try:
        at = parse_when(args.at, clock_now())
    except ValidationError as error:
        return fail(f"not logged: {error} (--at)", EXIT_REFUSED)
    # The touch is appended to the journal, checked against its contact alone.
    with opened_store(args, write=True) as store:
        contact = resolve_contact(store, args.contact, archived=args.archived)
        channel = resolve_channel(contact, store.channels_of(contact.id), args.channel)
        if direction is Direction.OUT and not _hot_use_accepted(store, channel, args.yes):
            return EXIT_REFUSED
        try:
            store.log_touch(
                contact.id,
                channel.id,
                direction=direction,
                urgency=args.urgency,
                reason=args.reason,
                note=args.note,
                outcome=args.outcome,
                at=at,
            )
        except ValidationError as error:
            hint = " (--reason)" if error.field == "reason" else ""
            return fail(f"not logged: {error}{hint}", EXIT_REFUSED)
        logged = _logged(store, contact, channel, direction, Urgency(args.urgency))
        if args.at.strip().casefold() not in {"", "now"}:
            logged.insert(1, f"at {describe_when(at, clock_now())}")
    # Said once the session has ended well: never "logged", then a failure.
    emit(logged)
    return EXIT_OK


def _hot_use_accepted(store: Store, channel: Channel, yes: bool) -> bool:
    """True when the channel is not hot, or using it anyway was accepted."""
    found = hot_channel_warning(channel, store.channel_heat(channel.id, clock_now()))
    if found is None:
        return True
    warning = shown(found)
    if yes:
        say(f"bchan: warning: {warning}")
        return True
    if not sys.stdin.isatty():
        fail(f"not logged: {warning}. Pass --yes to log it anyway.", EXIT_REFUSED)
        return False
    say(f"bchan: {warning}.")
    say("Log it anyway? [y/N] ", end="")
    answer = sys.stdin.readline().strip().casefold()
    if answer in {"y", "yes"}:
        return True
    say("bchan: not logged.")
    return False


def _logged(
    store: Store, contact: Contact, channel: Channel, direction: Direction, urgency: Urgency
) -> list[str]:
    way = "from" if direction is Direction.IN else "to"
    what = "incoming" if direction is Direction.IN else "outgoing"
    lines = [
        f"logged an {what} {urgency.value} touch {way} {shown(contact.name)} "
        f"on {shown(channel.describe())}"
    ]
    heat = store.channel_heat(channel.id, clock_now())
    ready = heat.ready_again
    until = f" until {ready.format(READY_DATE_FORMAT)}" if ready is not None else ""
    lines.append(f"{shown(channel.describe())} is now {heat.band.value}{until}")
    return lines
