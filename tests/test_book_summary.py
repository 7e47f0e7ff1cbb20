"""The shell's questions (who matches, their rows, their email addresses and
heat, reach now) are answered from the summary kept beside the book, without
parsing it, exactly as the book answers them, and only while the book is the
very file the summary was made from."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pendulum
import pytest

from bchan_tui.data import ChannelKind, Store, Urgency
from bchan_tui.data.address_book import email_addresses
from bchan_tui.data.book_summary import summary_path
from bchan_tui.data.clock import format_time
from bchan_tui.data.first_rows import first_rows_path
from bchan_tui.data.journal import Journal, generation_of, journal_path
from bchan_tui.data.synthetic import write_size

Answers = dict[str, Any]


@pytest.fixture
def book(tmp_path: Path, frozen: pendulum.DateTime) -> Path:
    """A 1,000-contact book, read whole once by a session that keeps its summary."""
    db = tmp_path / "book.json"
    write_size(db, "S", frozen)
    with Store(db) as session:
        session.contact_rows(frozen)
    return db


def shell_answers(store: Store, now: pendulum.DateTime) -> Answers:
    """What find, query and reach ask of a book, for a few queries."""
    answers: Answers = {}
    for query in ("ada", "marta", "acme", "zzzz"):
        found = [match.contact for match in store.search_contacts(query)]
        answers[f"find {query}"] = store.contact_rows(now, contact_ids=[c.id for c in found])
        answers[f"query {query}"] = email_addresses(store, query, include_private=True, now=now)
    someone = found_first(store)
    answers["reach"] = [store.reach_now(someone, urgency, now) for urgency in Urgency]
    answers["channels"] = store.channels_of(someone, include_retired=True)
    emails = store.channels(ChannelKind.EMAIL)
    answers["heats"] = store.channel_heats(emails, now)
    return answers


def found_first(store: Store) -> str:
    return store.search_contacts("ada")[0].contact.id


def answers_from_book(db: Path, now: pendulum.DateTime) -> Answers:
    with Store(db, read_only=True) as reader:
        return shell_answers(reader, now)


def test_the_shell_answers_from_the_summary_as_from_the_book(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    later = frozen.add(days=3)  # heat is worked out at the moment asked
    expected = answers_from_book(book, later)
    parses.clear()
    with Store(book, read_only=True, summary=True) as reader:
        assert shell_answers(reader, later) == expected
    assert parses == []
    assert expected["find ada"] and expected["query ada"].entries
    # A copy of part of the book is as private as the book.
    assert stat.S_IMODE(os.stat(summary_path(book)).st_mode) == 0o600


def test_touches_are_not_in_the_summary_so_showing_them_reads_the_book(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    with Store(book, read_only=True) as reader:
        someone = found_first(reader)
        expected = reader.touches_of(someone)
    parses.clear()
    with Store(book, read_only=True, summary=True) as reader:
        assert reader.touches_of(found_first(reader)) == expected
    assert expected
    assert parses == [book]


def test_a_writer_keeps_the_summary_up_to_date(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    later = frozen.add(hours=1)
    with Store(book) as shell:  # as `bchan log` does
        someone = found_first(shell)
        channel = shell.channels_of(someone)[0]
        shell.log_touch(someone, channel.id, reason="summary test", at=later)
    expected = answers_from_book(book, later)
    parses.clear()
    with Store(book, read_only=True, summary=True) as reader:
        assert shell_answers(reader, later) == expected
        assert reader.contact_rows(later, contact_ids=[someone])[0].last_touch == later
    assert parses == []


def test_a_session_that_changed_nothing_leaves_the_kept_files_as_they_are(
    book: Path, frozen: pendulum.DateTime
) -> None:
    kept = [summary_path(book), first_rows_path(book)]
    before = [os.stat(path) for path in kept]
    with Store(book) as session:
        session.contact_rows(frozen)
    after = [os.stat(path) for path in kept]
    assert [(s.st_ino, s.st_mtime_ns) for s in after] == [(s.st_ino, s.st_mtime_ns) for s in before]


def test_a_change_by_another_program_makes_the_summary_stale(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    data = orjson.loads(book.read_bytes())
    renamed = set()
    for doc in data["contacts"].values():
        if doc["name"].startswith("Ada ") and not doc["archived"]:
            doc["name"] = doc["name"].replace("Ada", "Edna")
            renamed.add(doc["name"])
    book.write_bytes(orjson.dumps(data))
    parses.clear()
    with Store(book, read_only=True, summary=True) as reader:
        names = [match.contact.name for match in reader.search_contacts("edna")]
    assert parses == [book]
    assert renamed
    assert {name for name in names if name.startswith("Edna ")} == renamed


def test_a_running_session_s_changes_are_read_with_the_summary(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    # A dashboard still open: its changes are in the journal, not yet in the book.
    later = frozen.add(hours=2)
    with Store(book) as session:
        someone = found_first(session)
        channel = session.channels_of(someone)[0]
        session.log_touch(someone, channel.id, reason="journal test", at=later)
        newcomer = session.add_contact("Ada Newcomer", org="Acme")
        session.add_channel(newcomer.id, "public", "email", "ada.newcomer@acme.example")
        assert journal_path(book).exists()
        expected = answers_from_book(book, later)
        parses.clear()
        with Store(book, read_only=True, summary=True) as reader:
            answers = shell_answers(reader, later)
            row = reader.contact_rows(later, contact_ids=[someone])[0]
        assert parses == []
    assert answers == expected
    assert row.last_touch == later
    assert newcomer.id in [row.contact.id for row in answers["find ada"]]


def test_a_journal_that_changes_an_earlier_touch_makes_the_summary_stale(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    # No bchan command changes a stored touch; another program's journal
    # line might, and the summary holds that touch only as a time.
    data = orjson.loads(book.read_bytes())
    key, touch = next(iter(data["touches"].items()))
    moved = frozen.add(minutes=5)
    journal = Journal(book, generation_of(data))
    journal.append("touches", key, {**touch, "at": format_time(moved)})
    journal.close()
    parses.clear()
    with Store(book, read_only=True, summary=True) as reader:
        row = reader.contact_rows(moved, contact_ids=[touch["contact_id"]])[0]
    assert parses == [book]
    assert row.last_touch == moved


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="cut short"),
        pytest.param(lambda data: data.replace(b'"format":1', b'"format":9', 1), id="other format"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_summary_is_ignored_and_made_again(
    book: Path,
    frozen: pendulum.DateTime,
    parses: list[Path],
    damage: Callable[[bytes], bytes],
) -> None:
    expected = answers_from_book(book, frozen)
    good = summary_path(book).read_bytes()
    summary_path(book).write_bytes(damage(good))
    parses.clear()
    with Store(book, read_only=True, summary=True) as reader:
        assert shell_answers(reader, frozen) == expected
    assert parses == [book]
    # The next session that reads the book whole makes it again.
    with Store(book) as session:
        session.contact_rows(frozen)
    assert summary_path(book).read_bytes() == good
