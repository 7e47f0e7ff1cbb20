"""A touch's whole life in the store: its time, its outcome, a channel's
reply rate and decay, editing and deleting with undo, and what follows."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import AttentionKind, IntelDirection, Outcome, Rung, Store, Urgency
from bchan_tui.data.domain.when import parse_when
from bchan_tui.data.errors import ValidationError

NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")  # a Monday


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("now", NOW),
        ("yesterday 15:00", pendulum.datetime(2026, 11, 22, 14, 0, tz="UTC")),
        ("2 days ago", NOW.subtract(days=2)),
        ("3 hours ago", NOW.subtract(hours=3)),
        ("mon 9:30", pendulum.datetime(2026, 11, 23, 8, 30, tz="UTC")),
        ("fri 3pm", pendulum.datetime(2026, 11, 20, 14, 0, tz="UTC")),
        # A Monday later than now is last week's.
        ("monday 18:00", pendulum.datetime(2026, 11, 16, 17, 0, tz="UTC")),
        ("2026-11-20T09:30", pendulum.datetime(2026, 11, 20, 8, 30, tz="UTC")),
        ("2026-11-20T09:30:00+00:00", pendulum.datetime(2026, 11, 20, 9, 30, tz="UTC")),
        ("2026-11-20T09:30:00.5Z", pendulum.datetime(2026, 11, 20, 9, 30, 0, 500000, tz="UTC")),
    ],
)
def test_a_time_as_people_say_it(said: str, meant: pendulum.DateTime) -> None:
    # Clock times are read in the given zone (Berlin: UTC+1 in November).
    assert parse_when(said, NOW, "Europe/Berlin") == meant


@pytest.mark.parametrize("said", ["tomorrow", "in 3 hours", "2026-12-01", "today 18:00"])
def test_a_time_in_the_future_is_refused(said: str) -> None:
    with pytest.raises(ValidationError, match="in the future"):
        parse_when(said, NOW, "Europe/Berlin")


@pytest.mark.parametrize("said", ["soon", "yesterday 25:00", "mon 9:75", "last week-ish"])
def test_an_unreadable_time_says_what_would_do(said: str) -> None:
    with pytest.raises(ValidationError, match="yesterday 15:00"):
        parse_when(said, NOW, "Europe/Berlin")


@pytest.mark.parametrize("said", ["03/04/2026", "3/4", "03.04.2026 9:30", "11/20"])
def test_a_date_whose_order_depends_on_the_country_is_refused(said: str) -> None:
    # 03/04 is 3 April in Berlin and 4 March in New York: never a guess.
    with pytest.raises(ValidationError, match="year-month-day"):
        parse_when(said, NOW, "Europe/Berlin")


@pytest.fixture
def people(store: Store) -> tuple[str, str, str]:
    marta = store.add_contact("Marta")
    store.add_channel(marta.id, "relationship", "in_person")
    email = store.add_channel(marta.id, "public", "email", "marta@northwind.example")
    x = store.add_channel(marta.id, "public", "x", "@marta")
    return marta.id, email.id, x.id


def test_the_store_refuses_a_touch_dated_in_the_future(
    store: Store, people: tuple[str, str, str]
) -> None:
    marta, email, _ = people
    with pytest.raises(ValidationError, match="future"):
        store.log_touch(marta, email, at=pendulum.now("UTC").add(days=1))
    assert store.touches_of(marta) == []


def test_a_channel_that_reaches_someone_needs_an_address(store: Store) -> None:
    contact = store.add_contact("Hiro")
    with pytest.raises(ValidationError, match="call channel needs an address"):
        store.add_channel(contact.id, "relationship", "call")
    meeting = store.add_channel(contact.id, "relationship", "in_person")
    with pytest.raises(ValidationError, match="needs an address"):
        store.update_channel(meeting.id, kind="sms")
    assert store.channel(meeting.id).kind.value == "in_person"


def test_reply_rate_over_ninety_days_decays_a_public_channel(
    store: Store, people: tuple[str, str, str]
) -> None:
    marta, email, x = people
    now = pendulum.now("UTC")
    # Answered long ago: outside the window, it does not count.
    store.log_touch(marta, email, at=now.subtract(days=120), outcome="replied")
    for days in (51, 40, 30, 20, 10):
        store.log_touch(marta, email, at=now.subtract(days=days), outcome="no_reply")
    step = next(s for s in store.contact_detail(marta).ladder if s.channel.id == email)
    assert (step.replies.sent, step.replies.answered) == (5, 0)
    assert step.replies.decayed
    # Ranked after the other public channel, though it is first in the rung.
    routine = store.reach_now(marta, Urgency.IMPORTANT)
    assert routine.channel is not None and routine.channel.id == x
    assert "public email: 0 of 5 answered since 3 Oct" in routine.reason
    # One answer in five is enough to count as working again: 2 of 7.
    for days in (2, 1):
        store.log_touch(marta, email, at=now.subtract(days=days), outcome="replied")
    again = store.reach_now(marta, Urgency.IMPORTANT)
    assert again.channel is not None and again.channel.id == email
    assert "answered" not in again.reason


def test_the_reason_never_speaks_of_a_rung_the_contact_lacks(store: Store) -> None:
    contact = store.add_contact("Only private")
    signal = store.add_channel(contact.id, "private", "signal", "+46 70 555 0100")
    important = store.reach_now(contact.id, Urgency.IMPORTANT)
    assert important.channel is not None and important.channel.id == signal.id
    assert "public is hot" not in important.reason
    assert "no public channel" in important.reason


def test_outcome_edit_and_delete_with_undo_follow_through_heat(
    store: Store, people: tuple[str, str, str]
) -> None:
    marta, email, _ = people
    now = pendulum.now("UTC")
    for hours in (1, 2):
        store.log_touch(marta, email, at=now.subtract(hours=hours))
    assert store.channel_heat(email).band.value == "warm"
    mistake = store.log_touch(marta, email, at=now.subtract(minutes=5))
    assert store.channel_heat(email).band.value == "hot"

    replied = store.set_outcome(mistake.id, "replied")
    assert store.touch(mistake.id).outcome is Outcome.REPLIED
    moved = store.update_touch(replied.id, at=now.subtract(days=30), note="last month")
    assert store.touches_of(marta)[-1].id == moved.id
    assert store.channel_heat(email).band.value == "warm"

    deleted = store.delete_touch(mistake.id)
    assert [t.id for t in store.touches_of(marta)].count(mistake.id) == 0
    store.restore_touch(deleted)
    assert store.touch(mistake.id) == deleted
    # An undo pressed twice puts it back once.
    store.restore_touch(deleted)
    assert [t.id for t in store.touches_of(marta)].count(mistake.id) == 1
    with pytest.raises(ValidationError, match="future"):
        store.update_touch(mistake.id, at=now.add(hours=2))


def test_edits_and_deletes_survive_reopening(db_path: Path, frozen: pendulum.DateTime) -> None:
    with Store(db_path) as store:
        marta = store.add_contact("Marta")
        email = store.add_channel(marta.id, "public", "email", "m@n.example")
        kept = store.log_touch(marta.id, email.id, at=frozen.subtract(days=1))
        gone = store.log_touch(marta.id, email.id, at=frozen.subtract(hours=1))
        store.set_outcome(kept.id, "replied")
        store.delete_touch(gone.id)
        item = store.record_intel(marta.id, IntelDirection.RECEIVED, "budget moved")
        store.delete_intel(item.id)
    # Read back from the journal alone (this session never indexed the book).
    with Store(db_path, read_only=True) as again:
        touches = again.touches_of(marta.id)
        assert [(t.id, t.outcome) for t in touches] == [(kept.id, Outcome.REPLIED)]
        assert again.intel_of(marta.id) == []


def test_deleting_intel_is_undone_and_the_ledger_follows(store: Store) -> None:
    source = store.add_contact("Source")
    items = [store.record_intel(source.id, "received", f"item {n}") for n in range(3)]
    assert any(i.kind is AttentionKind.ONE_SIDED for i in store.needs_attention())
    gone = store.delete_intel(items[0].id)
    assert not any(i.kind is AttentionKind.ONE_SIDED for i in store.needs_attention())
    store.restore_intel(gone)
    assert any(i.kind is AttentionKind.ONE_SIDED for i in store.needs_attention())
    assert store.intel_of(source.id)[-1] == gone or gone in store.intel_of(source.id)


def test_a_linked_touch_is_not_deleted_from_under_its_intel(
    store: Store, people: tuple[str, str, str]
) -> None:
    marta, email, _ = people
    touch = store.log_touch(marta, email)
    store.record_intel(marta, "given", "the roadmap", touch_id=touch.id)
    with pytest.raises(ValidationError, match="intel is linked"):
        store.delete_touch(touch.id)
    assert store.touch(touch.id) == touch


def test_a_contact_never_touched_past_its_cadence_needs_a_first_touch(store: Store) -> None:
    with pendulum.travel_to(NOW.subtract(days=40), freeze=True):
        old = store.add_contact("Imported long ago", cadence_days=30)
    # Leaving a travel goes back to the real clock, not the fixture's.
    with pendulum.travel_to(NOW, freeze=True):
        assert_first_touch_wanted(store, old.id)


def assert_first_touch_wanted(store: Store, old: str) -> None:
    store.add_contact("Added today", cadence_days=30)
    items = [(i.kind, i.contact_id, i.text) for i in store.needs_attention()]
    assert items == [
        (AttentionKind.NO_TOUCH_YET, old, "no touch yet: added 40 days ago (cadence 30)")
    ]


def test_the_private_rung_is_never_spoken_of_in_a_ladder_without_one(store: Store) -> None:
    contact = store.add_contact("Public only")
    email = store.add_channel(contact.id, Rung.PUBLIC, "email", "p@o.example")
    for minutes in range(6):
        store.log_touch(contact.id, email.id, at=pendulum.now("UTC").subtract(minutes=minutes))
    for urgency in Urgency:
        reason = store.reach_now(contact.id, urgency).reason
        assert "private" not in reason and "back channel" not in reason
