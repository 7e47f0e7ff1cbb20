"""``bchan reply NAME_OR_ID``: they answered. The newest outgoing touch still
pending (on one channel, with ``--channel``) is marked replied, so the
channel's reply rate, and reach now, know it worked."""

from __future__ import annotations

import argparse

from bchan_tui.data import Direction, Outcome
from bchan_tui.data.domain.clock import now as clock_now
from bchan_tui.data.domain.models import Touch
from bchan_tui.data.domain.when import describe_when
from bchan_tui.data.storage.lookup import resolve_channel, resolve_contact

from .common import EXIT_OK, add_db_option, fail, opened_store
from .shell import add_archived_option, emit, lookup_guarded, shown

EXIT_NOTHING_PENDING = 1
# How far back "they answered" looks: an answer to a touch older than this
# is logged as a touch of its own.
LOOK_BACK = 50


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "reply",
        help="they answered: mark the newest pending outgoing touch as replied",
        description="Mark the newest outgoing touch to the contact that is still pending "
        "as replied (on one channel with --channel). Exit 0 when marked, 1 when no "
        "pending touch was found, 3 when the name or channel matches several, 2 when the "
        "database cannot be used.",
    )
    parser.add_argument("contact", metavar="NAME_OR_ID", help="who (as for 'bchan reach')")
    parser.add_argument(
        "--channel",
        metavar="KIND_OR_ADDRESS",
        help="only a touch on this channel (as for 'bchan log')",
    )
    add_archived_option(parser)
    add_db_option(parser)
    parser.set_defaults(handler=run)


def pending_touch(touches: list[Touch], channel_id: str | None) -> Touch | None:
    """The newest outgoing touch still waiting for an answer (on ``channel_id``)."""
    return next(
        (
            touch
            for touch in touches
            if touch.direction is Direction.OUT
            and touch.outcome is Outcome.PENDING
            and (channel_id is None or touch.channel_id == channel_id)
        ),
        None,
    )


@lookup_guarded
def run(args: argparse.Namespace) -> int:
    with opened_store(args, write=True) as store:
        contact = resolve_contact(store, args.contact, archived=args.archived)
        channel_id = None
        if args.channel:
            channel_id = resolve_channel(contact, store.channels_of(contact.id), args.channel).id
        touch = pending_touch(store.touches_of(contact.id, limit=LOOK_BACK), channel_id)
        if touch is None:
            return fail(
                f"no outgoing touch to {shown(contact.name)} is waiting for an answer",
                EXIT_NOTHING_PENDING,
            )
        store.set_outcome(touch.id, Outcome.REPLIED)
        channel = store.channel(touch.channel_id)
        line = (
            f"{shown(contact.name)} replied to the touch on {shown(channel.describe())} "
            f"of {describe_when(touch.at, clock_now())}"
        )
    emit([line])
    return EXIT_OK
