"""The dashboard's questions, answered from the index: the contact list with
its derived values, one contact's detail, and ``reach now``."""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from typing import Any

from pendulum import DateTime

from ..domain.clock import epoch, from_epoch
from ..domain.heat import heat_at
from ..domain.ladder import ladder_order, reach_now, reach_now_for_each
from ..domain.models import (
    Contact,
    ContactDetail,
    ContactRow,
    LadderStep,
    Recommendation,
    RelationshipState,
    Rung,
    Touch,
    Urgency,
)
from ..domain.relationship import cadence_ratio, give_get_balance, state_of
from ..domain.replies import reply_rate
from .codec import touch_from_doc
from .index import BookIndex

RECENT_TOUCHES = 20
# How many contacts the dashboard shows before the whole book is indexed:
# more than any screen holds.
FIRST_ROWS = 100


def first_by_name(contacts: Mapping[str, Any], count: int) -> list[str]:
    """Ids of the first ``count`` active contacts by name, read from the
    stored contact documents without decoding them."""
    shown = (doc for doc in contacts.values() if not doc.get("archived"))
    # nsmallest keeps equal names in stored order, as the list's sort does.
    first = heapq.nsmallest(count, shown, key=lambda doc: doc["name"].casefold())
    return [doc["id"] for doc in first]


def ladder_steps(index: BookIndex, contact_id: str, now: DateTime) -> list[LadderStep]:
    """The contact's active channels in ladder order, each with its heat."""
    channels = (index.channels[c] for c in index.channels_by_contact.get(contact_id, ()))
    now_ts = epoch(now)
    out_times, replied_times = index.out_times, index.replied_times
    return [
        LadderStep(
            channel,
            heat_at(channel, out_times.get(channel.id, ()), now_ts),
            reply_rate(out_times.get(channel.id, ()), replied_times.get(channel.id, ()), now_ts),
        )
        for channel in ladder_order(channels)
    ]


def relationship_of(
    index: BookIndex, contact: Contact, now: DateTime
) -> tuple[RelationshipState, float, float | None]:
    """State, cadence ratio and newest touch (epoch seconds). A contact never
    touched is measured from when it was added."""
    last = index.last_touch(contact.id)
    since = last if last is not None else contact.created_at.timestamp()
    ratio = cadence_ratio(since, contact.cadence_days, epoch(now))
    return state_of(ratio), ratio, last


def contact_row(index: BookIndex, contact: Contact, now: DateTime) -> ContactRow:
    steps = ladder_steps(index, contact.id, now)
    routine = reach_now(steps, Urgency.ROUTINE)
    routine_step = next((s for s in steps if s.channel is routine.channel), None)
    private = [s for s in steps if s.channel.rung is Rung.PRIVATE]
    hottest_private = max(private, key=lambda s: s.heat.level, default=None)
    state, ratio, last = relationship_of(index, contact, now)
    tally = index.tallies.get(contact.id)
    return ContactRow(
        contact,
        routine.channel,
        routine_step.heat.band if routine_step else None,
        hottest_private.heat.band if hottest_private else None,
        last,
        state,
        ratio,
        give_get_balance(tally.given, tally.received) if tally else 0,
        max((s.heat.level for s in steps), default=0.0),
    )


def contact_rows(
    index: BookIndex, now: DateTime, *, include_archived: bool = False
) -> list[ContactRow]:
    """Every contact's row, in the stored order (the view sorts)."""
    return [
        contact_row(index, contact, now)
        for contact in index.contacts.values()
        if include_archived or not contact.archived
    ]


def recommendations(steps: list[LadderStep]) -> tuple[Recommendation, ...]:
    return tuple(reach_now_for_each(steps, Urgency))


def touches_of(
    index: BookIndex, touch_table: Mapping[str, Any], contact_id: str, limit: int | None = None
) -> list[Touch]:
    """A contact's touches, newest first (the newest ``limit`` only, when
    given), decoding only those returned."""
    keys: Sequence[str] = index.touch_keys.get(contact_id, ())
    if limit is not None:
        keys = keys[-limit:] if limit > 0 else ()
    return [touch_from_doc(touch_table[key]) for key in reversed(keys)]


def contact_detail(
    index: BookIndex,
    touch_table: Mapping[str, Any],
    contact_id: str,
    now: DateTime,
    recent_touches: int = RECENT_TOUCHES,
) -> ContactDetail:
    contact = index.contacts[contact_id]
    steps = ladder_steps(index, contact_id, now)
    state, _, last = relationship_of(index, contact, now)
    recent = tuple(touches_of(index, touch_table, contact_id, recent_touches))
    # Newest first; items of the same moment, the one recorded last first.
    intel = sorted(
        (index.intel[i] for i in reversed(index.intel_by_contact.get(contact_id, ()))),
        key=lambda item: item.at,
        reverse=True,
    )
    tally = index.tallies.get(contact_id)
    return ContactDetail(
        contact,
        index.accounts.get(contact.account_id) if contact.account_id else None,
        tuple(steps),
        recommendations(steps),
        recent,
        tuple(intel),
        state,
        from_epoch(last) if last is not None else None,
        give_get_balance(tally.given, tally.received) if tally else 0,
        tally.confirmed if tally else 0,
        tally.contradicted if tally else 0,
    )
