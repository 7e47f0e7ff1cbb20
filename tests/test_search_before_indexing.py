"""The shell searches a book it has not indexed: only the contacts that match
are decoded, and the answers are those of the whole index."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pendulum
import pytest

from bchan_tui.data import BrokenDatabaseError, Store
from bchan_tui.data.book.codec import SchemaProblem, contact_from_doc
from bchan_tui.data.domain.search import search_contacts
from bchan_tui.data.samples.demo_book import build_demo_book
from bchan_tui.data.storage.lookup import resolve_contact

QUERIES = ["marta", "ann", "mlq", "north logistics", "", "zzz", "é"]


def _demo(db_path: Path, frozen: pendulum.DateTime) -> None:
    with Store(db_path) as store:
        build_demo_book(store, now=frozen)
        archived = store.add_contact("Marta Archived")
        store.archive_contact(archived.id)


@pytest.mark.parametrize("query", QUERIES)
def test_a_search_before_indexing_is_the_indexed_books_search(
    db_path: Path, frozen: pendulum.DateTime, query: str
) -> None:
    _demo(db_path, frozen)
    with Store(db_path, read_only=True) as whole:
        expected = search_contacts(whole.contacts(), query)
    with Store(db_path, read_only=True) as fresh:
        assert fresh.search_contacts(query) == expected
        fresh.contact_rows(frozen)  # indexes the whole book
        assert fresh.search_contacts(query) == expected
    assert "Marta Archived" not in [m.contact.name for m in expected]


def test_contacts_among_keeps_the_stored_order_and_leaves_archived_ones_out(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    _demo(db_path, frozen)
    with Store(db_path, read_only=True) as whole:
        everyone = whole.contacts(include_archived=True)
    chosen = {c.id for c in everyone[::2]} | {c.id for c in everyone if c.archived}
    with Store(db_path, read_only=True) as fresh:
        active = fresh.contacts_among(reversed(list(chosen)))
        with_archived = fresh.contacts_among(chosen, include_archived=True)
    assert active == [c for c in everyone if c.id in chosen and not c.archived]
    assert with_archived == [c for c in everyone if c.id in chosen]
    assert len(with_archived) == len(active) + 1


@pytest.mark.parametrize("how", ["id", "id prefix", "name", "search"])
def test_naming_a_contact_before_indexing_decodes_only_who_is_meant(
    db_path: Path, frozen: pendulum.DateTime, how: str
) -> None:
    _demo(db_path, frozen)
    with Store(db_path, read_only=True) as whole:
        everyone = whole.contacts(include_archived=True)
    archived = next(c for c in everyone if c.archived)
    marta = next(c for c in everyone if c.name == "Marta Lindqvist")
    names = [(c.id, c.name, c.codename, c.archived) for c in everyone]
    assert marta.codename
    meant, text = {
        "id": (archived, archived.id),
        "id prefix": (marta, marta.id[:7]),
        "name": (marta, "MARTA LINDQVIST"),
        "search": (marta, "lindq"),
    }[how]
    with Store(db_path, read_only=True) as fresh:
        assert [(c.id, c.name, c.codename, c.archived) for c in fresh.contact_names()] == names
        assert resolve_contact(fresh, text, archived=meant.archived) == meant
        assert not fresh.indexed


def test_a_broken_contact_the_search_finds_is_reported(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    _demo(db_path, frozen)
    data = msgspec.json.decode(db_path.read_bytes())
    for doc in data["contacts"].values():
        if doc["name"] == "Marta Lindqvist":
            doc["created_at"] = "last tuesday"
    db_path.write_bytes(msgspec.json.encode(data))
    with (
        Store(db_path, read_only=True) as fresh,
        pytest.raises(BrokenDatabaseError, match="created_at"),
    ):
        fresh.search_contacts("marta")


def test_a_contact_whose_name_is_not_text_is_reported(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    _demo(db_path, frozen)
    data = msgspec.json.decode(db_path.read_bytes())
    next(iter(data["contacts"].values()))["name"] = 7
    db_path.write_bytes(msgspec.json.encode(data))
    with Store(db_path, read_only=True) as fresh, pytest.raises(BrokenDatabaseError):
        fresh.search_contacts("marta")


def test_a_shape_found_valid_once_does_not_let_a_wrong_type_through() -> None:
    doc = {
        "id": "c1",
        "name": "Ada",
        "created_at": "2026-11-23T12:00:00.000000Z",
        "updated_at": "2026-11-23T12:00:00.000000Z",
    }
    assert contact_from_doc(doc).name == "Ada"
    assert contact_from_doc(dict(doc)).name == "Ada"
    with pytest.raises(SchemaProblem, match="'name' has the wrong type"):
        contact_from_doc({**doc, "name": 5})
    with pytest.raises(SchemaProblem, match="missing field 'id'"):
        contact_from_doc({**doc, "id": None})
    with pytest.raises(SchemaProblem, match="'strength' has the wrong type"):
        contact_from_doc({**doc, "strength": True})


@pytest.mark.parametrize("query", ["a", "marta", ""])
def test_a_search_among_some_contacts_finds_only_them(
    db_path: Path, frozen: pendulum.DateTime, query: str
) -> None:
    _demo(db_path, frozen)
    with Store(db_path, read_only=True) as whole:
        some = {c.id for c in whole.contacts(include_archived=True)[::2]}
        expected = [m for m in search_contacts(whole.contacts(), query) if m.contact.id in some]
        assert whole.search_contacts(query, among=some) == expected
    with Store(db_path, read_only=True) as fresh:
        assert fresh.search_contacts(query, among=some) == expected
    assert expected
