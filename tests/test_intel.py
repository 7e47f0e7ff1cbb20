"""The intel ledger in the store: the give/get balance, a source's track
record, re-statusing, and what the store refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from bchan_tui.data import (
    Contact,
    IntelDirection,
    IntelStatus,
    Sensitivity,
    Store,
    Touch,
    ValidationError,
)
from bchan_tui.data.domain.ledger import next_status, next_unique


def _touch(store: Store, contact: Contact) -> Touch:
    channel = store.add_channel(contact.id, "public", "email", "someone@example.com")
    return store.log_touch(contact.id, channel.id, note="coffee")


def test_balance_is_given_minus_received(store: Store) -> None:
    source = store.add_contact("Priya Raman")
    assert store.contact_detail(source.id).balance == 0
    store.record_intel(source.id, "received", "the shortlist is two vendors")
    store.record_intel(source.id, "received", "security sign-off slips")
    assert store.contact_detail(source.id).balance == -2
    for summary in ("a customer reference", "our roadmap", "an introduction"):
        store.record_intel(source.id, "given", summary)
    assert store.contact_detail(source.id).balance == 1
    row = next(r for r in store.contact_rows() if r.contact.id == source.id)
    assert row.balance == 1


def test_the_track_record_counts_what_was_confirmed_and_contradicted(store: Store) -> None:
    source = store.add_contact("Jonas Weber")
    items = [
        store.record_intel(source.id, "received", summary)
        for summary in ("RFP closes 15 Jan", "budget moved to Q3", "CFO is leaving")
    ]
    store.record_intel(source.id, "given", "our answers")
    store.update_intel(items[0].id, status="confirmed")
    store.update_intel(items[1].id, status=IntelStatus.CONTRADICTED)
    detail = store.contact_detail(source.id)
    assert (detail.confirmed, detail.contradicted) == (1, 1)
    # Found right after all: the record follows the latest status.
    store.update_intel(items[1].id, status="confirmed")
    detail = store.contact_detail(source.id)
    assert (detail.confirmed, detail.contradicted) == (2, 0)


def test_a_status_change_is_saved(db_path: Path, store: Store) -> None:
    source = store.add_contact("Elena Petrova")
    item = store.record_intel(source.id, "received", "a competitor failed the pen test")
    assert item.status is IntelStatus.UNVERIFIED
    changed = store.update_intel(item.id, status="contradicted", unique=True)
    assert (changed.status, changed.unique) == (IntelStatus.CONTRADICTED, True)
    assert changed.summary == item.summary
    store.close()
    with Store(db_path) as reopened:
        [saved] = reopened.intel_of(source.id)
        assert saved == changed


def test_the_status_key_steps_through_every_status_and_back() -> None:
    status = IntelStatus.UNVERIFIED
    seen = []
    for _ in range(3):
        status = next_status(status)
        seen.append(status)
    assert seen == [IntelStatus.CONFIRMED, IntelStatus.CONTRADICTED, IntelStatus.UNVERIFIED]


def test_the_unique_key_steps_from_unknown_to_unique_to_heard_elsewhere() -> None:
    unique: bool | None = None
    seen = []
    for _ in range(3):
        unique = next_unique(unique)
        seen.append(unique)
    assert seen == [True, False, None]


def test_the_ledger_is_newest_first(store: Store) -> None:
    source = store.add_contact("Amara Nwosu")
    for days, summary in ((20, "oldest"), (2, "newest"), (9, "middle")):
        store.record_intel(
            source.id,
            "received",
            summary,
            at=store.contact(source.id).created_at.subtract(days=days),
        )
    assert [i.summary for i in store.contact_detail(source.id).intel] == [
        "newest",
        "middle",
        "oldest",
    ]


@pytest.mark.parametrize("summary", ["", "   ", "\n\t"])
def test_a_summary_is_required(store: Store, summary: str) -> None:
    source = store.add_contact("Hiro Tanaka")
    with pytest.raises(ValidationError, match="summary is required"):
        store.record_intel(source.id, "received", summary)
    assert store.intel_of(source.id) == []


def test_a_summary_is_one_bounded_line(store: Store) -> None:
    source = store.add_contact("Hiro Tanaka")
    with pytest.raises(ValidationError, match="summary is 201 characters long"):
        store.record_intel(source.id, "received", "x" * 201)
    item = store.record_intel(source.id, "received", "budget\nmoved\x1b to Q3")
    assert "\n" not in item.summary and "\x1b" not in item.summary


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "confirmed"}, "a given item has no verification status"),
        ({"status": "contradicted"}, "a given item has no verification status"),
        ({"unique": True}, "a given item is neither unique nor heard elsewhere"),
        ({"unique": False}, "a given item is neither unique nor heard elsewhere"),
    ],
)
def test_a_given_item_has_no_verification(
    store: Store, fields: dict[str, object], message: str
) -> None:
    source = store.add_contact("Sofia Rossi")
    with pytest.raises(ValidationError, match=message):
        store.record_intel(source.id, IntelDirection.GIVEN, "our terms", **fields)  # type: ignore[arg-type]
    assert store.intel_of(source.id) == []
    given = store.record_intel(source.id, IntelDirection.GIVEN, "our terms")
    with pytest.raises(ValidationError, match=message):
        store.update_intel(given.id, **fields)
    assert store.intel_of(source.id) == [given]


def test_bad_choices_are_refused(store: Store) -> None:
    source = store.add_contact("Lars Eriksen")
    with pytest.raises(ValidationError, match="direction must be one of: given, received"):
        store.record_intel(source.id, "overheard", "something")
    with pytest.raises(ValidationError, match="sensitivity must be one of"):
        store.record_intel(source.id, "received", "something", sensitivity="secret")
    with pytest.raises(ValidationError, match="unique must be yes, no or unknown"):
        store.record_intel(source.id, "received", "something", unique="maybe")  # type: ignore[arg-type]
    assert store.intel_of(source.id) == []


def test_an_item_links_only_to_a_touch_with_its_source(store: Store) -> None:
    source = store.add_contact("Rachel Green")
    other = store.add_contact("Grace Liu")
    theirs = _touch(store, other)
    with pytest.raises(ValidationError, match="the linked touch is with another contact"):
        store.record_intel(source.id, "received", "peers moving", touch_id=theirs.id)
    with pytest.raises(ValidationError, match="the linked touch does not exist"):
        store.record_intel(source.id, "received", "peers moving", touch_id="no-such-touch")
    assert store.intel_of(source.id) == []
    own = _touch(store, source)
    item = store.record_intel(
        source.id, "received", "peers moving", touch_id=own.id, sensitivity=Sensitivity.CONFIDENTIAL
    )
    assert (item.touch_id, item.sensitivity) == (own.id, Sensitivity.CONFIDENTIAL)
    # No link at all is fine, however the form says "none".
    assert store.record_intel(source.id, "given", "a reference", touch_id="").touch_id is None
