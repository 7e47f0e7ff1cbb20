"""A store's session on its book: what it leaves beside the book, when the
journal is folded in, and what readers see while that happens."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pendulum
import pytest

from bchan_tui.data import DatabaseError, Store
from bchan_tui.data.storage import book_file as database
from bchan_tui.data.storage import tinydb_storage as storage_module
from bchan_tui.data.storage.journal import journal_path


def _book_with_a_channel(path: Path) -> tuple[str, str]:
    with Store(path) as store:
        contact = store.add_contact("Marta Lindqvist")
        email = store.add_channel(contact.id, "public", "email", "m@example.org")
        # Someone else, so a question about Marta is about a part of the book.
        store.add_contact("Jonas Weber")
    return contact.id, email.id


def test_beside_the_book_are_only_its_journal_lock_and_backups(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    contact_id, email_id = _book_with_a_channel(db_path)
    with Store(db_path) as dashboard:
        dashboard.contact_rows()
        dashboard.log_touch(contact_id, email_id)
    with Store(db_path) as shell:
        shell.log_touch(contact_id, email_id)
    with Store(db_path, read_only=True) as reader:
        reader.contact_rows()
    beside = sorted(p.name for p in db_path.parent.iterdir() if p != db_path)
    backups = [name for name in beside if name.endswith(".bak")]
    assert len(backups) == 1  # the day's first session that checked the book whole
    assert sorted(set(beside) - set(backups)) == ["book.json.journal", "book.json.lock"]


def test_a_touch_from_a_store_never_indexed_waits_in_the_journal(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    contact_id, email_id = _book_with_a_channel(db_path)
    book = db_path.read_bytes()
    with Store(db_path) as shell:
        touch = shell.log_touch(contact_id, email_id, note="from the shell")
        assert not shell.indexed
    # Appended and fsynced, not folded: the book was never checked whole.
    assert db_path.read_bytes() == book
    assert b"from the shell" in journal_path(db_path).read_bytes()
    with Store(db_path, read_only=True) as reader:
        assert reader.touches_of(contact_id) == [touch]
    with Store(db_path) as dashboard:
        dashboard.contact_rows()
    assert b"from the shell" in db_path.read_bytes()
    assert not journal_path(db_path).exists()


def test_a_full_journal_is_folded_only_after_the_book_is_checked_whole(
    db_path: Path, frozen: pendulum.DateTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id, email_id = _book_with_a_channel(db_path)
    monkeypatch.setattr(storage_module, "JOURNAL_LIMIT", 1)
    with Store(db_path) as shell:
        shell.log_touch(contact_id, email_id, note="folded at once")
        assert shell.indexed
        assert b"folded at once" in db_path.read_bytes()


def test_a_full_journal_beside_a_broken_book_is_not_folded(
    db_path: Path, frozen: pendulum.DateTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id, email_id = _book_with_a_channel(db_path)
    with Store(db_path) as store:
        other = store.add_contact("Zed")
        store.update_contact(other.id, notes="to break")
    broken = db_path.read_bytes().replace(b'"notes":"to break"', b'"notes":42')
    db_path.write_bytes(broken)
    monkeypatch.setattr(storage_module, "JOURNAL_LIMIT", 1)
    with Store(db_path) as shell:
        touch = shell.log_touch(contact_id, email_id)
    # The touch is saved in the journal; the broken book is left as it is.
    assert db_path.read_bytes() == broken
    assert touch.id.encode() in journal_path(db_path).read_bytes()


def test_a_reader_never_misses_a_change_while_a_writer_folds(
    db_path: Path, frozen: pendulum.DateTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id, email_id = _book_with_a_channel(db_path)
    writer = Store(db_path)
    writer.contact_rows()
    acknowledged = writer.log_touch(contact_id, email_id)
    replay = database.replay
    folded: list[bool] = []

    def fold_between(path: Path, data: Any) -> Any:
        # The reader has read the old book; the writer now folds the
        # journal into a new one and removes the journal.
        if not folded:
            writer._storage.fold()
            folded.append(True)
        return replay(path, data)

    monkeypatch.setattr(database, "replay", fold_between)
    with Store(db_path, read_only=True) as reader:
        assert reader.touches_of(contact_id) == [acknowledged]
    assert folded == [True]
    writer.close()


def test_readers_in_parallel_with_folds_see_every_acknowledged_touch(
    db_path: Path, frozen: pendulum.DateTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id, email_id = _book_with_a_channel(db_path)
    # Fold after every second touch, so folds and reads overlap often.
    monkeypatch.setattr(storage_module, "JOURNAL_LIMIT", 600)
    acknowledged: list[int] = []
    missed: list[tuple[int, int]] = []
    done = threading.Event()

    def write() -> None:
        with Store(db_path) as writer:
            writer.contact_rows()
            for _ in range(40):
                writer.log_touch(contact_id, email_id)
                acknowledged.append(1)
        done.set()

    def read() -> None:
        while not done.is_set():
            before = len(acknowledged)
            with Store(db_path, read_only=True) as reader:
                seen = len(reader.touches_of(contact_id))
            if seen < before:
                missed.append((seen, before))

    threads = [threading.Thread(target=write), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(acknowledged) == 40
    assert missed == []


def test_a_store_whose_session_ended_reads_nothing_more(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    _book_with_a_channel(db_path)
    store = Store(db_path)
    store.close()
    with pytest.raises(DatabaseError, match="closed"):
        store.contact_rows()
