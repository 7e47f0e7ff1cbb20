"""The account map: who sits in an account's official process, who is a back
channel, how they stand, and the intel that concerns the account."""

from __future__ import annotations

import pendulum
import pytest

from bchan_tui.data import (
    Band,
    IntelDirection,
    IntelStatus,
    NotFoundError,
    RelationshipState,
    Rung,
    Store,
)
from bchan_tui.data.samples.demo_book import build_demo_book


def test_people_split_into_official_process_and_back_channels(store: Store) -> None:
    account = store.add_account("Northwind", official_process="RFP run by Purchasing")
    buyer = store.add_contact("Jonas Weber", account_id=account.id, strength=2)
    champion = store.add_contact(
        "Marta Lindqvist", account_id=account.id, strength=4, intention="a modern stack"
    )
    store.add_channel(champion.id, Rung.PRIVATE, "signal", "+46 70 555 0142")
    store.add_channel(buyer.id, Rung.PUBLIC, "email", "j.weber@northwind.example")
    store.add_contact("Elsewhere", strength=5)  # no account: not on the map

    account_map = store.account_map(account.id)

    assert account_map.account.official_process == "RFP run by Purchasing"
    assert [p.contact.name for p in account_map.official] == ["Jonas Weber"]
    assert [p.contact.name for p in account_map.back_channels] == ["Marta Lindqvist"]
    marta = account_map.back_channels[0]
    assert marta.is_back_channel
    assert (marta.intention, marta.strength) == ("a modern stack", 4)
    assert marta.back_channel_band is Band.COOL
    jonas = account_map.official[0]
    assert not jonas.is_back_channel and jonas.back_channel_band is None


def test_a_retired_private_channel_no_longer_makes_a_back_channel(store: Store) -> None:
    account = store.add_account("Globex")
    contact = store.add_contact("Hiro Tanaka", account_id=account.id)
    private = store.add_channel(contact.id, Rung.PRIVATE, "whatsapp", "+81 90 5555 0199")
    assert store.account_map(account.id).back_channels

    store.retire_channel(private.id)

    account_map = store.account_map(account.id)
    assert not account_map.back_channels
    assert [p.contact.name for p in account_map.official] == ["Hiro Tanaka"]


def test_the_heat_is_that_of_the_hottest_back_channel(
    store: Store, frozen: pendulum.DateTime
) -> None:
    account = store.add_account("Helios")
    contact = store.add_contact("Amara Nwosu", account_id=account.id)
    resting = store.add_channel(contact.id, Rung.PRIVATE, "signal", "@amara.n")
    used = store.add_channel(contact.id, Rung.PRIVATE, "email", "amara@proton.example")
    store.log_touch(contact.id, used.id, reason="could not wait", at=frozen.subtract(days=2))

    (person,) = store.account_map(account.id).back_channels

    assert person.back_channel is not None and person.back_channel.id == used.id
    assert person.back_channel.id != resting.id
    assert person.back_channel_band is Band.HOT


def test_relationship_state_follows_the_cadence(store: Store, frozen: pendulum.DateTime) -> None:
    account = store.add_account("Globex")
    contact = store.add_contact("Daniel Cho", account_id=account.id, cadence_days=30)
    meeting = store.add_channel(contact.id, Rung.RELATIONSHIP, "in_person")
    store.log_touch(contact.id, meeting.id, at=frozen.subtract(days=50))

    (person,) = store.account_map(account.id).official

    assert person.state is RelationshipState.OVERDUE


def test_archived_people_leave_the_map(store: Store) -> None:
    account = store.add_account("Northwind")
    gone = store.add_contact("Tom Okafor", account_id=account.id)
    store.archive_contact(gone.id)

    assert store.account_map(account.id).people == ()


def test_intel_from_the_accounts_people_newest_first(
    store: Store, frozen: pendulum.DateTime
) -> None:
    account = store.add_account("Northwind")
    marta = store.add_contact("Marta", account_id=account.id)
    jonas = store.add_contact("Jonas", account_id=account.id)
    outsider = store.add_contact("Rachel")
    store.record_intel(
        marta.id, IntelDirection.RECEIVED, "shortlist of two", at=frozen.subtract(days=9)
    )
    store.record_intel(
        jonas.id, IntelDirection.GIVEN, "our RFP answers", at=frozen.subtract(days=2)
    )
    store.record_intel(outsider.id, IntelDirection.RECEIVED, "analyst gossip")

    intel = store.account_map(account.id).intel

    assert [item.summary for item in intel] == ["our RFP answers", "shortlist of two"]


def test_every_account_is_mapped_by_name(store: Store) -> None:
    store.add_account("Northwind")
    store.add_account("Globex")

    assert [m.account.name for m in store.account_maps()] == ["Globex", "Northwind"]


def test_summaries_count_people_and_back_channels_without_the_archived(store: Store) -> None:
    store.add_account("Globex")
    northwind = store.add_account("Northwind")
    for name, private in (("Elena", True), ("Hiro", True), ("Sofia", False), ("Gone", True)):
        contact = store.add_contact(name, account_id=northwind.id)
        if private:
            store.add_channel(contact.id, Rung.PRIVATE, "signal", f"@{name.lower()}")
    store.archive_contact(next(c.id for c in store.contacts() if c.name == "Gone"))

    summaries = [(s.account.name, s.people, s.back_channels) for s in store.account_summaries()]

    assert summaries == [("Globex", 0, 0), ("Northwind", 3, 2)]


def test_an_unknown_account_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.account_map("no-such-account")


def test_the_demo_book_maps_three_accounts_with_back_channels_and_intel(store: Store) -> None:
    build_demo_book(store)
    maps = {m.account.name: m for m in store.account_maps()}

    assert set(maps) == {"Northwind Logistics", "Globex Bank", "Helios Energy"}
    for account_map in maps.values():
        assert account_map.account.official_process
        assert account_map.official and account_map.back_channels
        assert account_map.intel
    northwind = maps["Northwind Logistics"]
    assert {p.contact.codename for p in northwind.back_channels} == {"HERON", "KESTREL"}
    assert all(p.intention for p in northwind.back_channels)
    statuses = {
        item.status
        for account_map in maps.values()
        for item in account_map.intel
        if item.direction is IntelDirection.RECEIVED
    }
    assert statuses == set(IntelStatus)
