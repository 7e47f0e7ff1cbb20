"""The book as written: one document per line with sorted keys, so that git
can diff and merge it; TinyDB and ``bchan check`` read it, and bchan still
reads TinyDB's own single-line form."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import msgspec
import pendulum
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from bchan_tui.data import Rung, Store
from bchan_tui.data.book.codec import contact_to_doc
from bchan_tui.data.book.schema import new_database
from bchan_tui.data.domain.models import Contact
from bchan_tui.data.storage.book_file import read_database
from bchan_tui.data.storage.book_lines import encode_book
from bchan_tui.data.storage.integrity import check_database


def written_book(path: Path) -> str:
    with Store(path) as store:
        marta = store.add_contact("Marta Lindqvist", org="Northwind", tags=["buyer"])
        email = store.add_channel(marta.id, Rung.PUBLIC, "email", "marta@northwind.io")
        for note in ("one", "two", "three"):
            store.log_touch(marta.id, email.id, note=note)
        store.index()
    return path.read_text()


def test_each_document_is_one_line_with_its_keys_sorted(db_path: Path) -> None:
    lines = written_book(db_path).splitlines()
    documents = [
        line.lstrip(",")
        for line in lines
        if line.lstrip(",").startswith('"') and not line.endswith("{")
    ]
    # _meta, a contact, a channel, three touches.
    assert len(documents) == 6
    for line in documents:
        key, _, body = line.partition(":")
        doc = json.loads(body)
        assert list(doc) == sorted(doc)
        assert json.loads(key).isdigit()
    assert json.loads(db_path.read_text()) == read_database(db_path)


def test_the_same_book_is_always_the_same_bytes(db_path: Path) -> None:
    written_book(db_path)
    book = read_database(db_path)
    shuffled = {name: dict(reversed(list(table.items()))) for name, table in reversed(book.items())}
    assert encode_book(shuffled) == encode_book(book) == db_path.read_bytes()


def test_adding_a_record_adds_one_line_and_changes_no_other_record(db_path: Path) -> None:
    written_book(db_path)
    before = db_path.read_text().splitlines()
    with Store(db_path) as store:
        [marta] = store.contacts()
        store.log_touch(marta.id, store.channels_of(marta.id)[0].id, note="four")
        store.index()
    after = db_path.read_text().splitlines()

    changed = [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    # The touch's line, and the book's generation in _meta.
    assert len(changed) == 3, changed
    assert sum('"note":"four"' in line for line in changed if line.startswith("+")) == 1
    [removed] = [line for line in changed if line.startswith("-")]
    assert '"generation"' in removed


def test_tinydb_reads_the_book(db_path: Path) -> None:
    written_book(db_path)
    with TinyDB(db_path, storage=JSONStorage, access_mode="r") as tinydb:
        assert [doc["name"] for doc in tinydb.table("contacts").all()] == ["Marta Lindqvist"]
        assert len(tinydb.table("touches")) == 3


def test_a_book_tinydb_wrote_opens_checks_and_is_then_written_one_document_per_line(
    db_path: Path,
) -> None:
    # TinyDB's own JSONStorage: everything on one line.
    stamp = pendulum.datetime(2026, 12, 1, tz="UTC")
    contact = Contact(id="a" * 32, name="Ana Souza", created_at=stamp, updated_at=stamp)
    with TinyDB(db_path, storage=JSONStorage) as tinydb:
        tinydb.table("_meta").insert(new_database()["_meta"]["1"])
        tinydb.table("contacts").insert(contact_to_doc(contact))
    assert "\n" not in db_path.read_text()

    report = check_database(db_path)
    assert report.healthy, report.problems
    assert report.line_form is False
    assert "TinyDB's single line" in report.render()

    with Store(db_path) as store:
        store.add_contact("Kwame Mensah")
        store.index()
    assert [c.name for c in Store(db_path, read_only=True).contacts()] == [
        "Ana Souza",
        "Kwame Mensah",
    ]
    report = check_database(db_path)
    assert report.healthy and report.line_form is True
    assert "one document per line" in report.render()


def test_a_compact_book_reads_the_same(db_path: Path) -> None:
    written_book(db_path)
    book = read_database(db_path)
    db_path.write_bytes(msgspec.json.encode(book))
    assert read_database(db_path) == book
    assert check_database(db_path).healthy
