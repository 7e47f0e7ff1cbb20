"""Going cold against the cadence, and the give/get balance."""

from __future__ import annotations

import pendulum

from bchan_tui.data import RelationshipState, Store


def _contact_touched(store: Store, days_ago: float, cadence: int = 30) -> str:
    contact = store.add_contact("Jonas", cadence_days=cadence)
    email = store.add_channel(contact.id, "public", "email", "j@example.org")
    now = pendulum.now("UTC")
    store.log_touch(
        contact.id, email.id, direction="in", at=now.subtract(seconds=days_ago * 86_400)
    )
    return contact.id


def _state(store: Store, contact_id: str) -> RelationshipState:
    return next(r.state for r in store.contact_rows() if r.contact.id == contact_id)


def test_fresh_below_the_cadence(store: Store) -> None:
    assert _state(store, _contact_touched(store, 29.99)) is RelationshipState.FRESH


def test_due_from_one_cadence(store: Store) -> None:
    assert _state(store, _contact_touched(store, 30)) is RelationshipState.DUE
    assert _state(store, _contact_touched(store, 44.99)) is RelationshipState.DUE


def test_overdue_from_one_and_a_half_cadences(store: Store) -> None:
    assert _state(store, _contact_touched(store, 45)) is RelationshipState.OVERDUE


def test_a_contact_never_touched_is_measured_from_when_it_was_added(
    store: Store, frozen: pendulum.DateTime
) -> None:
    contact = store.add_contact("New", cadence_days=10)
    assert _state(store, contact.id) is RelationshipState.FRESH
    with pendulum.travel_to(frozen.add(days=15), freeze=True):
        assert _state(store, contact.id) is RelationshipState.OVERDUE


def test_balance_counts_given_minus_received(store: Store) -> None:
    contact = store.add_contact("Source")
    store.record_intel(contact.id, "given", "our roadmap")
    for summary in ("budget moves", "shortlist of two", "CFO leaving"):
        store.record_intel(contact.id, "received", summary)
    row = next(r for r in store.contact_rows() if r.contact.id == contact.id)
    assert row.balance == -2
    detail = store.contact_detail(contact.id)
    assert detail.balance == -2


def test_track_record_counts_confirmed_and_contradicted(store: Store) -> None:
    contact = store.add_contact("Source")
    first = store.record_intel(contact.id, "received", "budget moves")
    second = store.record_intel(contact.id, "received", "shortlist of two")
    store.update_intel(first.id, status="confirmed")
    store.update_intel(second.id, status="contradicted")
    store.update_intel(second.id, status="confirmed")
    detail = store.contact_detail(contact.id)
    assert (detail.confirmed, detail.contradicted) == (2, 0)
