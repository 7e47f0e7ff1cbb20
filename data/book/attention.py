"""Needs attention: the dashboard's list of what to do next."""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import to_builtins
from pendulum import DateTime

from ..domain.clock import SECONDS_PER_DAY, day_and_month
from ..domain.heat import heat_at
from ..domain.models import (
    AttentionItem,
    AttentionKind,
    Band,
    IntelDirection,
    IntelStatus,
    RelationshipState,
    Rung,
    Sensitivity,
)
from .conflicts import Conflict
from .dashboard import relationship_of
from .index import BookIndex

UNVERIFIED_AFTER_DAYS = 14
ONE_SIDED_FROM = 3
# A one-sided exchange where sources are protected: no counts, since how
# many items a source gave ties them to the items listed without a source.
ONE_SIDED_UNCOUNTED = "one-sided: received more than given"

# Groups in the order the panel shows them.
# A merge conflict first: until it is settled, a value the user gave is not shown.
_ORDER = {
    AttentionKind.CONFLICT: 0,
    AttentionKind.OVERDUE: 1,
    AttentionKind.DUE: 2,
    AttentionKind.HOT_PRIVATE: 3,
    AttentionKind.UNVERIFIED: 4,
    AttentionKind.ONE_SIDED: 5,
    AttentionKind.NO_TOUCH_YET: 6,
}


def needs_attention(index: BookIndex, now: DateTime) -> list[AttentionItem]:
    """Overdue then due relationships (most overdue first), hot private
    channels with their ready-again date, received intel unverified after 14
    days, one-sided exchanges (3 or more received than given), and contacts
    never touched and older than their cadence; merge conflicts first."""
    items: list[AttentionItem] = []
    for contact in index.contacts.values():
        if contact.archived:
            continue
        state, ratio, last = relationship_of(index, contact, now)
        if last is None and state is not RelationshipState.FRESH:
            # Added or imported and never reached: not a relationship going
            # cold, one that never started.
            days = round(ratio * contact.cadence_days)
            text = f"no touch yet: added {days} days ago (cadence {contact.cadence_days})"
            items.append(AttentionItem(AttentionKind.NO_TOUCH_YET, contact.id, text, -ratio))
        elif state is not RelationshipState.FRESH:
            kind = (
                AttentionKind.OVERDUE if state is RelationshipState.OVERDUE else AttentionKind.DUE
            )
            days = round(ratio * contact.cadence_days)
            # The number first: a narrow panel shows the start of a line.
            text = f"no touch in {days} days ({state.value}; tend every {contact.cadence_days})"
            items.append(AttentionItem(kind, contact.id, text, -ratio))
        tally = index.tallies.get(contact.id)
        if tally and tally.received - tally.given >= ONE_SIDED_FROM:
            text = f"one-sided: received {tally.received}, given {tally.given}"
            items.append(
                AttentionItem(
                    AttentionKind.ONE_SIDED,
                    contact.id,
                    text,
                    tally.given - tally.received,
                    # How much a source told you is no one else's business.
                    screen_safe_text=ONE_SIDED_UNCOUNTED,
                )
            )
    items.extend(_hot_private(index, now))
    items.extend(_unverified(index, now))
    items.extend(conflict_items(index))
    items.sort(key=attention_key)
    return items


AttentionKey = tuple[int, float, str, str]


def attention_key(item: AttentionItem) -> AttentionKey:
    """Where an item goes in the list: by group, most pressing first, then
    (for a tie) by contact and text, so that lists worked out for parts of
    the book sort together into the one list of the whole."""
    return (_ORDER[item.kind], item.sort_key, item.contact_id, item.text)


def _hot_private(index: BookIndex, now: DateTime) -> list[AttentionItem]:
    # Only private channels can need a rest, so only their heat is worked out.
    items = []
    now_ts = now.timestamp()
    for channel in index.channels.values():
        if channel.rung is not Rung.PRIVATE or not channel.is_active:
            continue
        contact = index.contacts.get(channel.contact_id)
        if contact is None or contact.archived:
            continue
        heat = heat_at(channel, index.out_times.get(channel.id, ()), now_ts)
        ready = heat.ready_again
        if heat.band is Band.HOT and ready:
            text = f"rest it until {_rest_until(ready, now)}: {channel.describe()} is hot"
            items.append(
                AttentionItem(AttentionKind.HOT_PRIVATE, contact.id, text, ready.timestamp())
            )
    return items


def _rest_until(ready: DateTime, now: DateTime) -> str:
    # A date that is today reads as if the rest were over.
    if ready.date() == now.date():
        return "later today"
    return day_and_month(ready.timestamp())


def _unverified(index: BookIndex, now: DateTime) -> list[AttentionItem]:
    cutoff = now.timestamp() - UNVERIFIED_AFTER_DAYS * SECONDS_PER_DAY
    items = []
    for item in index.intel.values():
        contact = index.contacts.get(item.contact_id)
        if (
            item.direction is IntelDirection.RECEIVED
            and item.status is IntelStatus.UNVERIFIED
            and item.at.timestamp() <= cutoff
            and contact is not None
            and not contact.archived
        ):
            days = int((now.timestamp() - item.at.timestamp()) // SECONDS_PER_DAY)
            heading = f"unverified for {days} days: "
            withheld = (
                heading + "confidential" if item.sensitivity is Sensitivity.CONFIDENTIAL else None
            )
            items.append(
                AttentionItem(
                    AttentionKind.UNVERIFIED,
                    contact.id,
                    heading + item.summary,
                    item.at.timestamp(),
                    screen_safe_text=withheld,
                )
            )
    return items


def conflict_items(index: BookIndex) -> list[AttentionItem]:
    """A merge conflict per item: which field, the value kept and the other.
    Where sources are protected the values are not shown: either may be a
    private address or a codenamed person's name."""
    items = []
    for conflict in index.conflicts.values():
        contact = index.contacts.get(conflict.contact_id)
        if contact is not None and contact.archived:
            continue
        kept = _stored_value(index, conflict)
        what = conflict_subject(conflict)
        text = f"merge conflict: {what} kept {kept}, other copy {shown_value(conflict.value)}"
        items.append(
            AttentionItem(
                AttentionKind.CONFLICT,
                conflict.contact_id,
                text,
                0.0,
                screen_safe_text=f"merge conflict: {what} has two values; pick one",
                conflict_id=conflict.id,
            )
        )
    return items


def conflict_subject(conflict: Conflict) -> str:
    """What the conflict is about, in words: "org", "channel address"..."""
    field = conflict.field.replace("_", " ")
    return field if conflict.table == "contacts" else f"{_RECORD_NAMES[conflict.table]} {field}"


_RECORD_NAMES = {
    "channels": "channel",
    "touches": "touch",
    "intel": "intel",
    "accounts": "account",
}


def _stored_value(index: BookIndex, conflict: Conflict) -> str:
    records: dict[str, Mapping[str, object]] = {
        "contacts": index.contacts,
        "channels": index.channels,
        "intel": index.intel,
        "accounts": index.accounts,
    }
    record = records.get(conflict.table, {}).get(conflict.record_id)
    if record is None:
        return "the value it has"
    return shown_value(to_builtins(getattr(record, conflict.field, None)))


def shown_value(value: object) -> str:
    """A stored value as a person reads it: text quoted, none as "nothing"."""
    if value in (None, "", [], ()):
        return "nothing"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return repr(value) if isinstance(value, str) else str(value)
