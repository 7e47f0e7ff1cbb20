"""The export reads the summary and each contact's newest touches kept
beside the book instead of parsing it, and writes exactly the document the
book gives, while those files are current."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import orjson
import pendulum
import pytest

from bchan_tui.data import Rung, Store, forked
from bchan_tui.data.clock import format_time
from bchan_tui.data.export_markdown import export_markdown
from bchan_tui.data.journal import Journal, generation_of
from bchan_tui.data.recent_touches import (
    KEPT,
    has_recent_touches,
    recent_touches_path,
    saved_recent_touches,
)


@pytest.fixture
def book(kept_book: Path) -> Path:
    return kept_book


@pytest.fixture(autouse=True)
def one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # The parse counter sees this process only; test_forked covers the copy.
    monkeypatch.setattr(forked, "_can_fork", lambda: False)


def exports(db: Path, now: pendulum.DateTime, *, summary: bool) -> tuple[str, str]:
    with Store(db, read_only=True, summary=summary) as reader:
        return (
            export_markdown(reader, now=now),
            export_markdown(reader, now=now, reveal=True),
        )


def test_the_export_from_the_kept_files_is_the_export_from_the_book(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    later = frozen.add(days=2)
    expected = exports(book, later, summary=False)
    parses.clear()
    assert exports(book, later, summary=True) == expected
    assert parses == []
    assert expected[0].count("\n### ") >= 900
    # Only each contact's newest touches are kept.
    kept = saved_recent_touches(book)
    with Store(book, read_only=True) as reader:
        everyone = reader.contacts(include_archived=True)
        touched = [c.id for c in everyone if reader.touches_of(c.id)]
    assert kept is not None and 0 < len(kept) <= KEPT * len(touched)
    # A copy of part of the book is as private as the book.
    assert stat.S_IMODE(os.stat(recent_touches_path(book)).st_mode) == 0o600


def test_touches_logged_since_are_in_the_export_from_the_kept_files(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    later = frozen.add(hours=3)
    with Store(book, summary=True) as shell:  # as `bchan log` saves a touch
        someone = shell.search_contacts("ada")[0].contact
        channel = next(c for c in shell.channels_of(someone.id) if c.rung is Rung.PUBLIC)
        shell.log_touch(someone.id, channel.id, note="logged from the shell", at=later)
    expected = exports(book, later, summary=False)
    parses.clear()
    from_kept = exports(book, later, summary=True)
    assert parses == []
    assert from_kept == expected
    assert "logged from the shell" in from_kept[1]


def test_a_journal_that_changes_an_earlier_touch_makes_the_export_read_the_book(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    data = orjson.loads(book.read_bytes())
    active = {doc["id"] for doc in data["contacts"].values() if not doc["archived"]}
    kept = saved_recent_touches(book) or {}
    key = next(key for key, doc in kept.items() if doc["contact_id"] in active)
    touch = data["touches"][key]
    journal = Journal(book, generation_of(data))
    journal.append("touches", key, {**touch, "note": "changed by another program"})
    journal.close()
    assert saved_recent_touches(book) is None
    parses.clear()
    redacted, revealed = exports(book, frozen, summary=True)
    assert book in parses
    assert "changed by another program" in revealed
    assert (redacted, revealed) == exports(book, frozen, summary=False)


def test_damaged_kept_touches_are_ignored(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    expected = exports(book, frozen, summary=False)
    path = recent_touches_path(book)
    path.write_bytes(path.read_bytes()[:-100])
    parses.clear()
    assert exports(book, frozen, summary=True) == expected
    assert book in parses


def test_an_old_touch_edited_in_the_book_makes_every_kept_file_stale(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    data = orjson.loads(book.read_bytes())
    key, touch = next(reversed(data["touches"].items()))
    data["touches"][key] = {**touch, "at": format_time(frozen.subtract(minutes=1))}
    book.write_bytes(orjson.dumps(data))
    assert saved_recent_touches(book) is None
    parses.clear()
    exports(book, frozen, summary=True)
    assert book in parses


def test_an_export_from_the_kept_files_on_two_cores_is_the_same(
    book: Path, frozen: pendulum.DateTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = exports(book, frozen, summary=False)
    forks: list[int] = []
    real_fork = forked.os.fork

    def counted_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(forked.os, "fork", counted_fork)
    monkeypatch.setattr(forked, "_can_fork", lambda: True)
    assert exports(book, frozen, summary=True) == expected
    assert forks == [1, 1]


def test_reading_ahead_reads_the_kept_touches_or_else_the_book(
    book: Path, parses: list[Path]
) -> None:
    # What an export reads before a copy of the process is forked, so that
    # the copy does not read it again.
    assert has_recent_touches(book)
    parses.clear()
    with Store(book, read_only=True, summary=True) as reader:
        reader.read_ahead(recent_touches=KEPT)
    assert parses == []
    with Store(book, read_only=True, summary=True) as reader:
        reader.read_ahead(recent_touches=KEPT + 1)  # more than are kept
    assert parses == [book]
    path = recent_touches_path(book)
    path.write_bytes(path.read_bytes()[:-100])
    assert not has_recent_touches(book)
    parses.clear()
    with Store(book, read_only=True, summary=True) as reader:
        reader.read_ahead(recent_touches=KEPT)
    assert parses == [book]
