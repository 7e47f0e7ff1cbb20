"""A store session inside a longer one (``bchan sync``): the caller holds
the book's lock and hands it over, and the book is written whole on demand."""

from __future__ import annotations

from pathlib import Path

import pytest

from bchan_tui.data import DatabaseLockedError, Rung, Store
from bchan_tui.data.storage.book_lines import is_line_form
from bchan_tui.data.storage.journal import journal_path
from bchan_tui.data.storage.lock import SessionLock


def small_book(path: Path) -> str:
    with Store(path) as store:
        marta = store.add_contact("Marta Lindqvist")
        store.add_channel(marta.id, Rung.PUBLIC, "email", "marta@northwind.example")
        store.add_contact("Priya Raman")
    return marta.id


def test_a_store_uses_the_lock_it_is_handed_and_leaves_it_held(db_path: Path) -> None:
    small_book(db_path)
    with SessionLock(db_path) as lock:
        with Store(db_path, lock=lock) as store:
            store.add_contact("Ana Costa")
        assert lock.held
        # Nobody else can write meanwhile.
        with pytest.raises(DatabaseLockedError):
            Store(db_path)
    with Store(db_path) as store:
        assert len(store.index().contacts) == 3


def test_a_lock_that_is_not_held_or_of_another_book_is_refused(
    db_path: Path, tmp_path: Path
) -> None:
    small_book(db_path)
    with pytest.raises(ValueError, match="not a held lock"):
        Store(db_path, lock=SessionLock(db_path))
    with SessionLock(tmp_path / "other.json") as other, pytest.raises(ValueError):
        Store(db_path, lock=other)


def test_write_whole_folds_the_journal_into_the_book(db_path: Path) -> None:
    marta = small_book(db_path)
    with Store(db_path) as store:
        [channel] = store.channels_of(marta)
        store.log_touch(marta, channel.id, note="coffee")
        assert journal_path(db_path).exists()
        assert store.write_whole() == 1
        assert not journal_path(db_path).exists()
        assert b'"note":"coffee"' in db_path.read_bytes()
        assert store.write_whole() == 0


def test_write_whole_leaves_a_whole_book_alone(db_path: Path) -> None:
    small_book(db_path)
    before = db_path.read_bytes()
    with Store(db_path) as store:
        assert store.write_whole() == 0
    assert db_path.read_bytes() == before


def test_write_whole_writes_a_single_line_book_one_document_a_line(db_path: Path) -> None:
    small_book(db_path)
    db_path.write_bytes(db_path.read_bytes().replace(b"\n", b""))
    with Store(db_path) as store:
        assert store.write_whole() == 0
    assert is_line_form(db_path.read_bytes())
