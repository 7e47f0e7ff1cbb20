"""``bchan find QUERY``: the contacts the dashboard's filter would show, with
the channel ``reach now`` picks for routine matters and its heat."""

from __future__ import annotations

import argparse
from typing import Any

import msgspec

from bchan_tui.data.domain.clock import format_time
from bchan_tui.data.domain.clock import now as clock_now
from bchan_tui.data.domain.masking import shown_address
from bchan_tui.data.domain.models import Contact, ContactRow
from bchan_tui.data.domain.search import search_contacts
from bchan_tui.data.storage.lookup import contact_rows_for, short_id
from bchan_tui.data.storage.store import Store

from .common import EXIT_OK, EXIT_USAGE, add_db_option, fail, opened_store
from .shell import EXIT_NO_MATCH, emit, lookup_guarded, paragraph, shown

JSON_FIELDS = """\
--json prints an array with one object per contact, best match first:
  id            the contact's id (reach and log take it, or its first 6+ characters)
  name, org, role
  tags          a list of strings
  state         the relationship against its cadence: fresh, due or overdue
  last_touch    the newest touch, either direction (ISO 8601, UTC), or null
  routine       the channel reach now picks for a routine matter, or null:
                {channel_id, rung, kind, label, address, band}; band is cool, warm or hot
  private_band  the band of the hottest private channel, or null when there is none
These fields stay; new ones may be added."""

COLUMN_MAX = 32


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "find",
        help="list the contacts a query matches, with the channel to use for routine matters",
        description=paragraph(
            "List the active contacts whose name, organisation, role or tags match "
            "QUERY (every word, ignoring case and accents; as in the dashboard's filter), best "
            "match first: id, name, organisation, relationship state, and the channel reach now "
            "picks for a routine matter with its heat. Exit 0 when something matches, 1 when "
            "nothing does, 2 when the database cannot be read."
        ),
        epilog=JSON_FIELDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "query", metavar="QUERY", nargs="*", help="words to look for (optional with --archived)"
    )
    parser.add_argument(
        "--archived",
        action="store_true",
        help="list archived contacts instead (every one, without QUERY); "
        "the dashboard's A shows them too, and restores them",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts (below)")
    add_db_option(parser)
    parser.set_defaults(handler=run)


@lookup_guarded
def run(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    if not query and not args.archived:
        return fail("say what to find: bchan find QUERY (or --archived)", EXIT_USAGE)
    with opened_store(args, write=False) as store:
        if args.archived:
            found = archived_matches(store, query)
        else:
            found = [m.contact for m in store.search_contacts(query)]
        rows = contact_rows_for(store, found, clock_now())
    if args.json:
        emit(
            [
                msgspec.json.format(
                    msgspec.json.encode([as_json(row) for row in rows]), indent=2
                ).decode()
            ]
        )
    else:
        emit(as_table([as_cells(row) for row in rows]))
    if not rows:
        which = "archived contact" if args.archived else "contact"
        said = f" matches {shown(query)!r}" if query else ""
        return fail(f"no {which}{said}", EXIT_NO_MATCH)
    return EXIT_OK


def archived_matches(store: Store, query: str) -> list[Contact]:
    """Archived contacts ``query`` matches (every one, by name, without one)."""
    archived = [c for c in store.contacts(include_archived=True) if c.archived]
    if not query:
        return sorted(archived, key=lambda c: c.name.casefold())
    return [m.contact for m in search_contacts(archived, query, store.channels())]


def as_json(row: ContactRow) -> dict[str, Any]:
    contact, channel = row.contact, row.routine_channel
    last = row.last_touch
    return {
        "id": contact.id,
        "name": contact.name,
        "org": contact.org,
        "role": contact.role,
        "tags": list(contact.tags),
        "state": row.state.value,
        "last_touch": format_time(last) if last is not None else None,
        "routine": None
        if channel is None
        else {
            "channel_id": channel.id,
            "rung": channel.rung.value,
            "kind": channel.kind.value,
            "label": channel.label,
            "address": shown_address(channel),
            "band": row.routine_band.value if row.routine_band else None,
        },
        "private_band": row.private_band.value if row.private_band else None,
    }


def as_cells(row: ContactRow) -> list[str]:
    channel = row.routine_channel
    if channel is None:
        routine = "no channel for routine matters"
    else:
        band = f": {row.routine_band.value}" if row.routine_band else ""
        routine = f"{shown(channel.describe())}{band}"
    contact = row.contact
    return [short_id(contact.id), shown(contact.name), shown(contact.org), row.state.value, routine]


def as_table(rows: list[list[str]]) -> list[str]:
    """Columns aligned on the widest cell (up to a limit); the last is not padded."""
    if not rows:
        return []
    widths = [min(COLUMN_MAX, max(len(r[i]) for r in rows)) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(cell.ljust(w) for cell, w in zip(r, widths, strict=False)), r[-1]]).rstrip()
        for r in rows
    ]
