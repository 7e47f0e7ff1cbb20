"""The demo book: a small, believable set of contacts for ``bchan --demo``.

Analysts, buyers and journalists around three accounts, each with its
official process and back channels inside it; full ladders, months of
touches, some hot back channels, some overdue relationships, codenamed
sources and intel both ways in every status. Times are relative to ``now``
so the dashboard is alive on any day.
"""

from __future__ import annotations

import random

from pendulum import DateTime

from ..domain.clock import now as clock_now
from ..domain.models import Direction, Rung, Urgency
from ..storage.store import Store
from .demo_intel import INTEL
from .demo_people import ACCOUNTS, PEOPLE, Person


def build_demo_book(store: Store, now: DateTime | None = None, seed: int = 7) -> None:
    """Fill an empty store with the demo book, in one durable write."""
    moment = now or clock_now()
    rng = random.Random(seed)
    with store.batch():
        accounts = {
            key: store.add_account(name, official_process=process, notes=notes).id
            for key, (name, process, notes) in ACCOUNTS.items()
        }
        for number, person in enumerate(PEOPLE):
            _add_person(store, person, accounts, moment, rng, desk_line(number))


def desk_line(number: int) -> str:
    """A direct line for the relationship call: 555-0100 to 555-0199 are
    numbers no one has."""
    return f"+1 212 555 {100 + number % 100:04d}"


def _add_person(
    store: Store,
    person: Person,
    accounts: dict[str, str],
    now: DateTime,
    rng: random.Random,
    desk: str,
) -> None:
    contact = store.add_contact(
        person.name,
        org=person.org,
        role=person.role,
        tags=person.tags,
        codename=person.codename,
        strength=person.strength,
        cadence_days=person.cadence,
        intention=person.intention,
        account_id=accounts[person.account] if person.account else None,
    )
    meeting = store.add_channel(contact.id, Rung.RELATIONSHIP, "in_person", label="coffee or lunch")
    call = store.add_channel(contact.id, Rung.RELATIONSHIP, "call", desk, label="direct line")
    private = None
    if person.private:
        kind, address = person.private
        private = store.add_channel(
            contact.id,
            Rung.PRIVATE,
            kind,
            address,
            terms=person.terms,
        )
    publics = [
        store.add_channel(contact.id, Rung.PUBLIC, kind, address, their_preference=i == 0)
        for i, (kind, address) in enumerate(person.public)
    ]
    # Months of history: a touch every few weeks, ending at last_seen_days.
    day = person.last_seen_days
    history = []
    while day < 240:
        history.append(day)
        day += rng.randint(12, 40)
    for age in sorted(history, reverse=True):
        channel = rng.choice([meeting, *publics]) if publics else meeting
        store.log_touch(
            contact.id,
            channel.id,
            at=now.subtract(days=age, hours=rng.randint(0, 8)),
            note="catch-up",
            outcome="replied",
        )
        if rng.random() < 0.5:
            store.log_touch(
                contact.id,
                channel.id,
                direction=Direction.IN,
                at=now.subtract(days=age, hours=rng.randint(-8, -1)),
                outcome="replied",
            )
    if private is not None:
        for age in person.private_uses:
            store.log_touch(
                contact.id,
                private.id,
                at=now.subtract(days=age, hours=2),
                urgency=Urgency.URGENT,
                reason="could not wait for the public queue",
                note="quick check",
                outcome="replied",
            )
    for channel, days, note in (
        (meeting, person.met_days, "met"),
        (call, person.called_days, "call"),
    ):
        for age in days:
            store.log_touch(
                contact.id,
                channel.id,
                at=now.subtract(days=age, hours=3),
                note=note,
                outcome="replied",
            )
    if publics and person.last_seen_days < 8:
        for hours in (5, 20, 30):
            store.log_touch(
                contact.id, publics[0].id, at=now.subtract(hours=hours), note="follow-up"
            )
    for item in INTEL.get(person.name, ()):
        store.record_intel(
            contact.id,
            item.direction,
            item.summary,
            status=item.status,
            unique=item.unique,
            sensitivity=item.sensitivity,
            at=now.subtract(days=item.days),
        )
