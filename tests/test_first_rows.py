"""The dashboard's first rows, kept beside the book when a session ends, are
shown by the next session before the book is parsed, and only while the
book is the very file they were taken from."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path
from typing import Any

import orjson
import pendulum
import pytest
from faults import FAULTS, fault

from bchan_tui.data import (
    FIRST_ROWS,
    BrokenDatabaseError,
    ContactRow,
    DatabaseError,
    DatabaseLockedError,
    Store,
    database,
)
from bchan_tui.data.first_rows import first_rows_path
from bchan_tui.data.synthetic import write_size


@pytest.fixture
def book(tmp_path: Path, frozen: pendulum.DateTime) -> Path:
    """A 1,000-contact book, read whole once by a session that keeps its first rows."""
    db = tmp_path / "book.json"
    write_size(db, "S", frozen)
    with Store(db, first_screen=True) as session:
        session.contact_rows(frozen)
    return db


def first_rows_of_whole_book(db: Path, now: pendulum.DateTime) -> list[ContactRow]:
    with Store(db, read_only=True) as reader:
        rows = reader.contact_rows(now)
    rows.sort(key=lambda row: row.contact.name.casefold())
    return rows[:FIRST_ROWS]


def test_the_next_session_shows_the_kept_rows_before_parsing_the_book(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    expected = first_rows_of_whole_book(book, frozen)
    parses.clear()
    with Store(book, first_screen=True) as session:
        assert session.preview_rows(FIRST_ROWS, frozen) == expected
        assert session.preview_rows(5, frozen) == expected[:5]
        assert parses == []
        assert len(session.contact_rows(frozen)) > FIRST_ROWS
        assert parses == [book]
    # A copy of part of the book is as private as the book.
    assert stat.S_IMODE(os.stat(first_rows_path(book)).st_mode) == 0o600


def test_a_session_that_never_read_the_book_leaves_the_kept_rows_good(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    with Store(book, first_screen=True) as session:
        session.preview_rows(FIRST_ROWS, frozen)
    with Store(book, first_screen=True) as session:
        session.preview_rows(FIRST_ROWS, frozen)
    assert parses == []


def test_a_shell_command_that_writes_keeps_them_up_to_date(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    with Store(book, first_screen=True) as session:
        first = session.preview_rows(1, frozen)[0].contact
    # As `bchan log` does: a writer that shows no dashboard.
    later = frozen.add(hours=1)
    with Store(book) as shell:
        channel = shell.channels_of(first.id)[0]
        shell.log_touch(first.id, channel.id, reason="kept test", at=later)
    parses.clear()
    with Store(book, first_screen=True) as session:
        row = session.preview_rows(1, later)[0]
        assert parses == []
    assert row.contact.id == first.id
    assert row.last_touch == later


def test_a_change_by_another_program_makes_the_kept_rows_stale(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    with Store(book, first_screen=True) as session:
        first = session.preview_rows(1, frozen)[0].contact
    # An editor's change: the same book with another name for the first contact.
    data = orjson.loads(book.read_bytes())
    for doc in data["contacts"].values():
        if doc["id"] == first.id:
            doc["name"] = "Aaaa Edited"
    book.write_bytes(orjson.dumps(data))
    parses.clear()
    with Store(book, first_screen=True) as session:
        row = session.preview_rows(1, frozen)[0]
        assert parses == [book]
    assert (row.contact.id, row.contact.name) == (first.id, "Aaaa Edited")


def test_touching_the_book_makes_the_kept_rows_stale(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    expected = first_rows_of_whole_book(book, frozen)
    os.utime(book)
    parses.clear()
    with Store(book, first_screen=True) as session:
        assert session.preview_rows(FIRST_ROWS, frozen) == expected
        assert parses == [book]


def test_damaged_kept_rows_are_ignored(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    expected = first_rows_of_whole_book(book, frozen)
    first_rows_path(book).write_bytes(b'{"format": 1, "count": 100, "files": [')
    parses.clear()
    with Store(book, first_screen=True) as session:
        assert session.preview_rows(FIRST_ROWS, frozen) == expected
        assert parses == [book]


def test_a_book_broken_behind_the_kept_rows_is_reported_and_left_alone(
    book: Path, frozen: pendulum.DateTime
) -> None:
    # The same size and modification time, different bytes: only parsing tells.
    before = os.stat(book)
    broken = book.read_bytes()[:-12] + b"not json at all"[:12]
    with open(book, "r+b") as file:
        file.write(broken)
    os.utime(book, ns=(before.st_atime_ns, before.st_mtime_ns))

    session = Store(book, first_screen=True)
    assert len(session.preview_rows(FIRST_ROWS, frozen)) == FIRST_ROWS
    with pytest.raises(BrokenDatabaseError, match="not valid JSON"):
        session.contact_rows(frozen)
    session.close()
    assert book.read_bytes() == broken
    # The lock was let go: the next session is told what is wrong.
    with pytest.raises(BrokenDatabaseError):
        Store(book)


def test_a_second_session_is_refused_at_once(book: Path, frozen: pendulum.DateTime) -> None:
    with Store(book, first_screen=True) as session:
        session.preview_rows(FIRST_ROWS, frozen)
        with pytest.raises(DatabaseLockedError):
            Store(book, first_screen=True)


@pytest.mark.parametrize("kind", FAULTS)
def test_a_failed_write_keeps_the_rows_kept_before_and_they_stay_good(
    book: Path, frozen: pendulum.DateTime, parses: list[Path], kind: str
) -> None:
    kept = first_rows_path(book).read_bytes()
    with fault(kind, book.parent), Store(book) as session:
        session.contact_rows(frozen)  # read whole: it tries to keep them at close
    assert first_rows_path(book).read_bytes() == kept
    parses.clear()
    with Store(book, first_screen=True) as session:
        session.preview_rows(FIRST_ROWS, frozen)
    assert parses == []


def test_a_session_ended_before_parsing_reads_nothing_more(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    # A dashboard closed while its worker had shown only the first rows: the
    # worker, still running, must not open the book without the lock.
    before = book.read_bytes()
    session = Store(book, first_screen=True)
    session.preview_rows(FIRST_ROWS, frozen)
    session.close()
    with pytest.raises(DatabaseError, match="closed"):
        session.contact_rows(frozen)
    assert parses == []
    assert book.read_bytes() == before
    with Store(book) as next_session:  # the lock was let go
        assert next_session.counts()["contacts"] == 1000


def test_closing_stops_a_worker_that_is_reading_the_book(
    book: Path, frozen: pendulum.DateTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Quitting while the rest of a large book is read must not wait for all
    # of it to be indexed: the worker stops once the parse it is in ends.
    parsing = threading.Event()
    read_book = database.read_book

    def slow_read_book(path: Path) -> Any:
        parsing.set()
        time.sleep(0.3)
        return read_book(path)

    monkeypatch.setattr(database, "read_book", slow_read_book)
    session = Store(book, first_screen=True)
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            session.contact_rows(frozen)
        except DatabaseError as error:
            failures.append(error)

    thread = threading.Thread(target=worker)
    thread.start()
    assert parsing.wait(5)
    session.close()
    thread.join(5)
    assert [str(error) for error in failures] == [f"{book} is closed: its session has ended"]
    assert session._indexed is None
