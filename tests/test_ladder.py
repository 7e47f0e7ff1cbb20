"""Reach now: the ladder modulated by urgency, always with a reason."""

from __future__ import annotations

import pendulum
import pytest

from bchan_tui.data import Rung, Store, Urgency

Ids = tuple[str, str, str, str]


@pytest.fixture
def ladder(store: Store) -> Ids:
    contact = store.add_contact("Marta")
    meeting = store.add_channel(contact.id, "relationship", "in_person")
    signal = store.add_channel(contact.id, "private", "signal", "+46 70 555 0142")
    email = store.add_channel(contact.id, "public", "email", "marta@northwind.example")
    return contact.id, meeting.id, signal.id, email.id


def heat_up(store: Store, contact_id: str, channel_id: str, uses: int) -> None:
    now = pendulum.now("UTC")
    for hour in range(uses):
        store.log_touch(contact_id, channel_id, reason="test", at=now.subtract(hours=hour + 1))


def pick(store: Store, contact_id: str, urgency: Urgency) -> str | None:
    chosen = store.reach_now(contact_id, urgency).channel
    return chosen.id if chosen else None


def test_all_cool_routine_starts_with_the_relationship(store: Store, ladder: Ids) -> None:
    contact, meeting, _, _ = ladder
    recommendation = store.reach_now(contact, Urgency.ROUTINE)
    assert recommendation.channel is not None
    assert recommendation.channel.id == meeting
    assert "relationship" in recommendation.reason


def test_in_person_serves_routine_matters_only(store: Store, ladder: Ids) -> None:
    # A meeting cannot happen within the hour: matters that cannot wait go
    # down the ladder to a channel that reaches the person today.
    contact, _, signal, email = ladder
    assert pick(store, contact, Urgency.IMPORTANT) == email
    assert pick(store, contact, Urgency.URGENT) == signal


def test_a_relationship_call_comes_first_when_it_cannot_wait(store: Store, ladder: Ids) -> None:
    contact = ladder[0]
    call = store.add_channel(contact, "relationship", "call", "+46 8 555 0100")
    for urgency in (Urgency.IMPORTANT, Urgency.URGENT):
        assert pick(store, contact, urgency) == call.id


def test_only_in_person_says_nothing_reaches_them_today(store: Store) -> None:
    contact = store.add_contact("Offline")
    store.add_channel(contact.id, "relationship", "in_person")
    recommendation = store.reach_now(contact.id, Urgency.URGENT)
    assert recommendation.channel is None
    assert "cannot happen today" in recommendation.reason


def test_in_person_on_any_rung_never_serves_what_cannot_wait(store: Store) -> None:
    contact = store.add_contact("Offline")
    store.add_channel(contact.id, "private", "in_person")
    public = store.add_channel(contact.id, "public", "in_person")
    for urgency in (Urgency.IMPORTANT, Urgency.URGENT):
        recommendation = store.reach_now(contact.id, urgency)
        assert recommendation.channel is None, urgency
        assert "cannot happen today" in recommendation.reason
    assert pick(store, contact.id, Urgency.ROUTINE) == public.id


def test_routine_never_uses_the_private_rung(store: Store, ladder: Ids) -> None:
    contact, meeting, _, email = ladder
    heat_up(store, contact, meeting, 2)  # 2/3 of capacity: hot
    assert pick(store, contact, Urgency.ROUTINE) == email
    heat_up(store, contact, email, 3)
    recommendation = store.reach_now(contact, Urgency.ROUTINE)
    assert recommendation.channel is not None
    assert recommendation.channel.rung is not Rung.PRIVATE
    # The private address is cool, so "every channel" would not be true.
    assert recommendation.reason.startswith("every channel a routine matter may use is too hot")


def test_important_uses_public_before_private(store: Store, ladder: Ids) -> None:
    contact, meeting, _, email = ladder
    heat_up(store, contact, meeting, 2)
    assert pick(store, contact, Urgency.IMPORTANT) == email


def test_important_uses_the_private_rung_only_while_it_is_cool(store: Store, ladder: Ids) -> None:
    contact, meeting, signal, email = ladder
    heat_up(store, contact, meeting, 2)
    heat_up(store, contact, email, 3)
    assert pick(store, contact, Urgency.IMPORTANT) == signal
    # One use 20 days ago leaves it warm (level 0.37): no longer for important matters.
    store.log_touch(contact, signal, reason="test", at=pendulum.now("UTC").subtract(days=20))
    recommendation = store.reach_now(contact, Urgency.IMPORTANT)
    # Nothing qualifies now; the warm back channel is named only as the
    # coolest, and the reason does not call it hot.
    assert recommendation.reason.startswith("the others are hot, and the back channel is warm")
    assert recommendation.channel is not None
    assert recommendation.channel.id == signal


def test_urgent_uses_the_private_rung_unless_it_is_hot(store: Store, ladder: Ids) -> None:
    contact, meeting, signal, email = ladder
    heat_up(store, contact, meeting, 2)
    store.log_touch(contact, signal, reason="test", at=pendulum.now("UTC").subtract(days=20))
    assert pick(store, contact, Urgency.URGENT) == signal
    heat_up(store, contact, signal, 1)
    assert pick(store, contact, Urgency.URGENT) == email


def test_when_everything_is_hot_name_the_coolest_and_when_private_is_ready(
    store: Store, ladder: Ids
) -> None:
    contact, meeting, signal, email = ladder
    heat_up(store, contact, meeting, 3)
    heat_up(store, contact, signal, 1)
    heat_up(store, contact, email, 5)
    recommendation = store.reach_now(contact, Urgency.IMPORTANT)
    assert recommendation.channel is not None
    # In person is left out of important matters, and the reason says so.
    assert recommendation.reason.startswith("every channel an important matter may use is too hot")
    ready = store.channel_heat(signal).ready_again
    assert ready is not None
    assert f"private address is ready again on {ready.format('D MMM')}" in recommendation.reason


def test_their_preference_comes_first_inside_a_rung(store: Store) -> None:
    contact = store.add_contact("Hiro")
    store.add_channel(contact.id, "public", "email", "h@globex.example")
    x = store.add_channel(contact.id, "public", "x", "@hiro", their_preference=True)
    assert next(c.id for c in store.channels_of(contact.id)) == x.id
    assert pick(store, contact.id, Urgency.ROUTINE) == x.id


def test_retired_channels_are_never_recommended(store: Store, ladder: Ids) -> None:
    contact, meeting, _, email = ladder
    store.retire_channel(meeting)
    assert pick(store, contact, Urgency.ROUTINE) == email


def test_no_channel_says_so(store: Store) -> None:
    contact = store.add_contact("Nobody")
    recommendation = store.reach_now(contact.id, "urgent")
    assert recommendation.channel is None
    assert "no active channel" in recommendation.reason


def test_only_a_private_address_is_never_used_for_routine(store: Store) -> None:
    contact = store.add_contact("Quiet")
    store.add_channel(contact.id, "private", "phone", "+1 555 0100")
    recommendation = store.reach_now(contact.id, "routine")
    assert recommendation.channel is None
    assert "routine" in recommendation.reason


def test_rerank_moves_a_channel_inside_its_rung(store: Store) -> None:
    contact = store.add_contact("Lars")
    first = store.add_channel(contact.id, "public", "email", "l@helios.example")
    second = store.add_channel(contact.id, "public", "im", "lars (Teams)")
    store.move_channel(second.id, -1)
    assert [c.id for c in store.channels_of(contact.id)] == [second.id, first.id]
    store.move_channel(second.id, -1)  # already first: stays
    assert [c.id for c in store.channels_of(contact.id)] == [second.id, first.id]
