"""A synced folder replaces the book under an open session with the copy
another device saved. The session's next whole write merges that copy in
rather than silently undoing it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bchan_tui.data import Rung, Store
from bchan_tui.data.errors import BrokenDatabaseError
from bchan_tui.data.storage.book_file import read_database
from bchan_tui.data.storage.journal import journal_path


def two_people(path: Path) -> tuple[str, str]:
    with Store(path) as store:
        marta = store.add_contact("Marta Lindqvist")
        email = store.add_channel(marta.id, Rung.PUBLIC, "email", "marta@northwind.io")
        store.add_contact("Jonas Weber")
        store.index()
    return marta.id, email.id


def another_device_saves(book: Path, tmp_path: Path, name: str) -> None:
    """What a sync tool does: the other device's copy replaces the file."""
    other = tmp_path / "other-device" / "book.json"
    other.parent.mkdir(exist_ok=True)
    shutil.copy(book, other)
    with Store(other) as store:
        store.add_contact(name)
        store.index()
    staged = book.with_name(".syncthing.book.json.tmp")
    shutil.copy(other, staged)
    os.replace(staged, book)


def names(path: Path) -> list[str]:
    with Store(path, read_only=True) as store:
        return sorted(contact.name for contact in store.contacts())


def test_closing_merges_a_copy_that_arrived_during_the_session(
    db_path: Path, tmp_path: Path
) -> None:
    marta, email = two_people(db_path)
    with Store(db_path) as session:
        session.index()
        session.log_touch(marta, email, note="logged here")
        another_device_saves(db_path, tmp_path, "Ana Souza")

    assert names(db_path) == ["Ana Souza", "Jonas Weber", "Marta Lindqvist"]
    with Store(db_path, read_only=True) as reopened:
        assert [t.note for t in reopened.touches_of(marta)] == ["logged here"]


def test_a_batch_merges_the_arrived_copy_and_the_index_follows(
    db_path: Path, tmp_path: Path
) -> None:
    two_people(db_path)
    with Store(db_path) as session:
        session.index()
        another_device_saves(db_path, tmp_path, "Ana Souza")
        with session.batch():
            session.add_contact("Kwame Mensah")
        assert sorted(c.name for c in session.contacts()) == [
            "Ana Souza",
            "Jonas Weber",
            "Kwame Mensah",
            "Marta Lindqvist",
        ]
    assert "Ana Souza" in names(db_path)


def test_the_session_s_own_writes_are_not_taken_for_an_arrival(db_path: Path) -> None:
    two_people(db_path)
    with Store(db_path) as session:
        session.index()
        with session.batch():
            session.add_contact("Kwame Mensah")
        with session.batch():
            session.add_contact("Ana Souza")
        assert session.conflicts() == []
    assert read_database(db_path)["conflicts"] == {}


def test_an_arrived_file_bchan_cannot_read_is_left_alone_and_the_journal_kept(
    db_path: Path,
) -> None:
    marta, email = two_people(db_path)
    with Store(db_path) as session:
        session.index()
        session.log_touch(marta, email, note="kept in the journal")
        db_path.write_text('{"contacts": ')
        with (
            pytest.raises(BrokenDatabaseError, match="replaced by another program"),
            session.batch(),
        ):
            session.add_contact("Kwame Mensah")
    assert db_path.read_text() == '{"contacts": '
    assert b"kept in the journal" in journal_path(db_path).read_bytes()


def test_the_session_s_own_book_put_back_is_no_arrival(db_path: Path) -> None:
    # A sync tool that rewrites the file it already had (same bytes, a new
    # time): merging it would list every field the session changed since as
    # a conflict with its old value.
    marta, _ = two_people(db_path)
    with Store(db_path) as session:
        session.index()
        session.update_contact(marta, org="Northwind")
        staged = db_path.with_name(".dropbox.tmp")
        shutil.copy(db_path, staged)
        os.replace(staged, db_path)
    with Store(db_path, read_only=True) as reopened:
        assert reopened.contact(marta).org == "Northwind"
        assert reopened.conflicts() == []
