"""The store: adding, editing, archiving, validating and reading back."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from tinydb import TinyDB

from bchan_tui.data import (
    AttentionKind,
    ChannelStatus,
    NotFoundError,
    Rung,
    Store,
    ValidationError,
)


def test_a_name_alone_is_enough(store: Store) -> None:
    contact = store.add_contact("Marta Lindqvist")
    assert store.contact(contact.id).name == "Marta Lindqvist"
    assert contact.cadence_days == 30
    assert contact.strength == 0
    assert len(contact.id) == 32


def test_everything_survives_a_reopen(db_path: Path, frozen: pendulum.DateTime) -> None:
    with Store(db_path) as store:
        account = store.add_account("Northwind", official_process="RFP in March")
        contact = store.add_contact(
            "Marta",
            org="Northwind",
            role="CIO",
            tags="buyer, champion",
            strength=4,
            cadence_days=21,
            intention="a modern stack",
            codename="HERON",
            account_id=account.id,
        )
        signal = store.add_channel(
            contact.id, "private", "signal", "+46 70", terms="never forwarded"
        )
        touch = store.log_touch(contact.id, signal.id, reason="urgent", note="quick check")
        item = store.record_intel(contact.id, "received", "budget moves", touch_id=touch.id)
    with Store(db_path) as reopened:
        assert reopened.contact(contact.id) == contact
        assert reopened.channel(signal.id) == signal
        assert reopened.touches_of(contact.id) == [touch]
        assert reopened.intel_of(contact.id) == [item]
        assert reopened.account(account.id) == account
        assert reopened.contact(contact.id).tags == ("buyer", "champion")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "   "}, "name is required"),
        ({"name": "x" * 201}, "limit is 200"),
        ({"name": "Ok", "strength": 6}, "strength must be between 0 and 5"),
        ({"name": "Ok", "strength": "high"}, "strength must be a whole number"),
        ({"name": "Ok", "cadence_days": 0}, "cadence must be between 1 and 3650"),
        ({"name": "Ok", "org": "o" * 201}, "organisation is 201 characters long"),
        ({"name": "Ok", "account_id": "missing"}, "that account does not exist"),
    ],
)
def test_invalid_contacts_raise_one_readable_error(
    store: Store, fields: dict[str, object], message: str
) -> None:
    name = fields.pop("name")
    with pytest.raises(ValidationError, match=message):
        store.add_contact(name, **fields)  # type: ignore[arg-type]
    assert store.contacts() == []


def test_control_characters_are_stripped(store: Store) -> None:
    contact = store.add_contact("Eve\x1b[31m\x07 Adams\u202e", notes="line one\nline\x00 two")
    assert contact.name == "Eve[31m Adams"
    assert contact.notes == "line one\nline two"


def test_markup_is_stored_literally(store: Store) -> None:
    contact = store.add_contact("[bold red]Eve[/] [@click=app.quit]x")
    assert store.contact(contact.id).name == "[bold red]Eve[/] [@click=app.quit]x"


def test_enums_are_enforced(store: Store) -> None:
    contact = store.add_contact("Marta")
    with pytest.raises(ValidationError, match="rung must be one of: relationship, private, public"):
        store.add_channel(contact.id, "secret", "email", "m@example.org")
    with pytest.raises(ValidationError, match="kind must be one of"):
        store.add_channel(contact.id, "public", "pigeon", "roof")
    email = store.add_channel(contact.id, "public", "email", "m@example.org")
    with pytest.raises(ValidationError, match="urgency must be one of"):
        store.log_touch(contact.id, email.id, urgency="whenever")


def test_an_outgoing_private_touch_needs_a_reason(store: Store) -> None:
    contact = store.add_contact("Marta")
    signal = store.add_channel(contact.id, "private", "signal", "+46 70")
    with pytest.raises(ValidationError, match="why not a public one") as raised:
        store.log_touch(contact.id, signal.id, reason="  ")
    assert raised.value.field == "reason"
    assert store.touches_of(contact.id) == []
    # Incoming touches need none: they used the channel, not you.
    store.log_touch(contact.id, signal.id, direction="in")
    assert len(store.touches_of(contact.id)) == 1


def test_channel_defaults_by_rung(store: Store) -> None:
    contact = store.add_contact("Marta")
    expected = {Rung.RELATIONSHIP: (3, 7), Rung.PRIVATE: (1, 14), Rung.PUBLIC: (5, 3)}
    for rung, (capacity, half_life) in expected.items():
        channel = store.add_channel(contact.id, rung, "other", "somewhere")
        assert (channel.capacity, channel.half_life_days) == (capacity, half_life)


def test_a_touch_on_a_retired_or_foreign_channel_is_refused(store: Store) -> None:
    marta = store.add_contact("Marta")
    jonas = store.add_contact("Jonas")
    email = store.add_channel(marta.id, "public", "email", "m@example.org")
    with pytest.raises(ValidationError, match="another contact"):
        store.log_touch(jonas.id, email.id)
    retired = store.retire_channel(email.id)
    assert retired.status is ChannelStatus.RETIRED
    with pytest.raises(ValidationError, match="retired"):
        store.log_touch(marta.id, email.id)
    assert store.channels_of(marta.id) == []
    assert store.channels_of(marta.id, include_retired=True) == [retired]


def test_archive_hides_and_restore_brings_back(store: Store) -> None:
    contact = store.add_contact("Marta")
    store.archive_contact(contact.id)
    assert store.contacts() == []
    assert [r.contact.id for r in store.contact_rows(include_archived=True)] == [contact.id]
    store.restore_contact(contact.id)
    assert [c.id for c in store.contacts()] == [contact.id]


def test_edits_keep_created_and_bump_updated(store: Store, frozen: pendulum.DateTime) -> None:
    contact = store.add_contact("Marta")
    with pendulum.travel_to(frozen.add(hours=1), freeze=True):
        edited = store.update_contact(contact.id, org="Northwind", strength="4")
    assert edited.created_at == contact.created_at
    assert edited.updated_at == frozen.add(hours=1)
    assert edited.strength == 4


def test_returned_records_cannot_change_the_store(store: Store) -> None:
    contact = store.add_contact("Marta", tags=["buyer"])
    with pytest.raises(AttributeError, match="immutable"):
        contact.name = "Someone else"  # type: ignore[misc]
    assert isinstance(store.contact(contact.id).tags, tuple)


def test_unknown_ids_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.contact("nope")
    with pytest.raises(NotFoundError):
        store.contact_detail("nope")


def test_touches_come_newest_first(store: Store, frozen: pendulum.DateTime) -> None:
    contact = store.add_contact("Marta")
    email = store.add_channel(contact.id, "public", "email", "m@example.org")
    old = store.log_touch(contact.id, email.id, at=frozen.subtract(days=3))
    new = store.log_touch(contact.id, email.id, at=frozen.subtract(days=1))
    assert store.touches_of(contact.id) == [new, old]
    assert store.touches_of(contact.id, limit=1) == [new]
    assert store.touches_of(contact.id, limit=0) == []
    assert store.contact_detail(contact.id).touches == (new, old)


def test_needs_attention_orders_overdue_first_then_hot_private(
    store: Store, frozen: pendulum.DateTime
) -> None:
    late = store.add_contact("Late", cadence_days=10)
    later = store.add_contact("Later", cadence_days=10)
    for contact, days in ((late, 16), (later, 40)):
        email = store.add_channel(contact.id, "public", "email", "x@example.org")
        store.log_touch(contact.id, email.id, at=frozen.subtract(days=days))
    busy = store.add_contact("Busy")
    signal = store.add_channel(busy.id, "private", "signal", "+1")
    store.log_touch(busy.id, signal.id, reason="deal closes", at=frozen.subtract(days=1))
    source = store.add_contact("Source")
    for summary in ("a", "b", "c"):
        store.record_intel(source.id, "received", summary, at=frozen.subtract(days=15))
    items = store.needs_attention()
    kinds = [(item.kind, item.contact_id) for item in items]
    assert kinds[:3] == [
        (AttentionKind.OVERDUE, later.id),
        (AttentionKind.OVERDUE, late.id),
        (AttentionKind.HOT_PRIVATE, busy.id),
    ]
    assert "rest it until 6 Dec" in items[2].text
    assert [k for k, c in kinds if c == source.id] == [AttentionKind.UNVERIFIED] * 3 + [
        AttentionKind.ONE_SIDED
    ]


def test_rows_carry_the_derived_values(store: Store, frozen: pendulum.DateTime) -> None:
    contact = store.add_contact("Marta")
    store.add_channel(contact.id, "relationship", "in_person")
    signal = store.add_channel(contact.id, "private", "signal", "+46")
    store.log_touch(contact.id, signal.id, reason="why", at=frozen.subtract(days=3))
    (row,) = store.contact_rows()
    assert row.routine_channel is not None
    assert row.routine_channel.kind.value == "in_person"
    assert row.private_band is not None and row.private_band.value == "hot"
    assert row.last_touch == frozen.subtract(days=3)
    assert row.last_touch is not None and row.last_touch.diff_for_humans() == "3 days ago"


def test_a_batch_saves_everything_at_once(db_path: Path, frozen: pendulum.DateTime) -> None:
    with Store(db_path) as store, store.batch():
        contact = store.add_contact("Marta")
        email = store.add_channel(contact.id, "public", "email", "m@example.org")
        touch = store.log_touch(contact.id, email.id)
        # Records added in the batch can be read and changed before it ends.
        assert store.touches_of(contact.id) == [touch]
        store.update_contact(contact.id, org="Northwind")
        assert not db_path.read_bytes().count(b"Marta")
    with Store(db_path) as reopened:
        assert reopened.contact(contact.id).org == "Northwind"
        assert reopened.touches_of(contact.id) == [touch]
        assert reopened.counts()["channels"] == 1


def test_a_batch_that_fails_saves_nothing(db_path: Path, frozen: pendulum.DateTime) -> None:
    with Store(db_path) as store:
        kept = store.add_contact("Kept")
        before = db_path.read_bytes()
        with pytest.raises(ValidationError), store.batch():
            store.add_contact("Lost")
            store.update_contact(kept.id, org="Changed")
            store.add_contact("")
        assert db_path.read_bytes() == before
        assert [(c.name, c.org) for c in store.contacts()] == [("Kept", "")]
        store.add_contact("Next")
    with Store(db_path) as reopened:
        assert sorted(c.name for c in reopened.contacts()) == ["Kept", "Next"]


def test_tinydb_itself_reads_the_book(db_path: Path, frozen: pendulum.DateTime) -> None:
    with Store(db_path) as store, store.batch():
        marta = store.add_contact("Marta Lindqvist")
        store.add_channel(marta.id, "public", "email", "m@example.org")
    with TinyDB(db_path, access_mode="r") as tinydb:
        (contact,) = tinydb.table("contacts").all()
        assert contact["name"] == "Marta Lindqvist"
        assert tinydb.table("channels").get(doc_id=1)["contact_id"] == marta.id
