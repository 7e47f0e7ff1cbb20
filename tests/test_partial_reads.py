"""Answers from a part of the book (the dashboard's first rows, the shell's
questions about a few people) are the whole book's answers; the rest of the
book is checked before anything is written."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pendulum
import pytest

from bchan_tui.data import BrokenDatabaseError, ChannelKind, ContactRow, Rung, Store, Urgency
from bchan_tui.data.samples.demo_book import build_demo_book
from bchan_tui.data.storage.backups import backups_of


def _by_name(store: Store, now: pendulum.DateTime) -> list[ContactRow]:
    rows = store.contact_rows(now)
    rows.sort(key=lambda row: row.contact.name.casefold())
    return rows


def test_preview_rows_are_the_first_rows_of_the_whole_book_by_name(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    with Store(db_path) as store:
        build_demo_book(store, now=frozen)
        archived = store.add_contact("Aaron Archived")
        store.archive_contact(archived.id)
    with Store(db_path, read_only=True) as fresh:
        preview = fresh.preview_rows(5, frozen)
    with Store(db_path, read_only=True) as whole:
        expected = _by_name(whole, frozen)[:5]
        assert whole.preview_rows(5, frozen) == expected
    assert preview == expected
    assert "Aaron Archived" not in [row.contact.name for row in preview]


def _book_with_a_broken_channel_for_the_last_name(db_path: Path) -> None:
    with Store(db_path) as store:
        for name in ["Ada", "Bea", "Cem", "Zed"]:
            contact = store.add_contact(name)
            store.add_channel(contact.id, "public", "email", f"{name.lower()}@example.com")
    data = msgspec.json.decode(db_path.read_bytes())
    for doc in data["channels"].values():
        if doc["address"] == "zed@example.com":
            doc["rung"] = "sideways"
    db_path.write_bytes(msgspec.json.encode(data))


def test_a_broken_document_beyond_the_first_rows_is_found_before_any_write(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    _book_with_a_broken_channel_for_the_last_name(db_path)
    before = db_path.read_bytes()
    with pendulum.travel_to(frozen.add(days=1), freeze=True), Store(db_path) as store:
        assert [row.contact.name for row in store.preview_rows(2)] == ["Ada", "Bea"]
        with pytest.raises(BrokenDatabaseError, match=r"unknown value 'sideways'"):
            store.contact_rows()
        with pytest.raises(BrokenDatabaseError):
            store.add_contact("Eve")
    assert db_path.read_bytes() == before
    assert backups_of(db_path) == []


def test_answers_about_some_contacts_are_the_whole_books_answers(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    with Store(db_path) as store:
        build_demo_book(store, now=frozen)
    with Store(db_path, read_only=True) as whole:
        whole.contact_rows(frozen)  # indexes the whole book
        people = whole.contacts(include_archived=True)
        some = [c.id for c in people[::3]]
        expected = (
            whole.contact_rows(frozen, contact_ids=some),
            [whole.reach_now(i, Urgency.URGENT, frozen) for i in some],
            [whole.channels_of(i, include_retired=True) for i in some],
            sorted(whole.channels(ChannelKind.EMAIL), key=lambda c: c.id),
        )
        emails = whole.channels(ChannelKind.EMAIL)
        heats = whole.channel_heats(emails, frozen)
    with Store(db_path, read_only=True) as part:
        assert part.contacts(include_archived=True) == people
        assert (
            part.contact_rows(frozen, contact_ids=some),
            [part.reach_now(i, Urgency.URGENT, frozen) for i in some],
            [part.channels_of(i, include_retired=True) for i in some],
            sorted(part.channels(ChannelKind.EMAIL), key=lambda c: c.id),
        ) == expected
        assert part.channel_heats(emails, frozen) == heats
    assert any(row.routine_channel is not None for row in expected[0])
    assert any(heat.last_used_at is not None for heat in heats)


def test_addresses_read_before_indexing_are_the_index_s(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    with Store(db_path) as store:
        build_demo_book(store, now=frozen)
        coded = {c.id for c in store.contacts(include_archived=True) if c.codename}
        # A retired back channel's address is still never to be shown.
        retired = next(c for c in store.channels() if c.rung is Rung.PRIVATE and c.address)
        store.retire_channel(retired.id)
    assert coded
    with Store(db_path, read_only=True) as fresh:
        before = fresh.addresses(rung=Rung.PRIVATE, contact_ids=coded)
        fresh.contact_rows(frozen)  # indexes the book
        after = fresh.addresses(rung=Rung.PRIVATE, contact_ids=coded)
        expected = [
            c.address for c in fresh.channels() if c.rung is Rung.PRIVATE or c.contact_id in coded
        ]
    assert sorted(before) == sorted(after) == sorted(expected)
    assert retired.address in before
    assert len(set(before)) > len(coded)
