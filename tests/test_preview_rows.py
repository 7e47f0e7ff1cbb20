"""The first rows by name come from a part of the book, and are the whole
book's rows; the rest of the book is checked before anything is written."""

from __future__ import annotations

from pathlib import Path

import orjson
import pendulum
import pytest

from bchan_tui.data import BrokenDatabaseError, ContactRow, Store
from bchan_tui.data.backups import backups_of
from bchan_tui.data.demo_book import build_demo_book


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
    data = orjson.loads(db_path.read_bytes())
    for doc in data["channels"].values():
        if doc["address"] == "zed@example.com":
            doc["rung"] = "sideways"
    db_path.write_bytes(orjson.dumps(data))


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
