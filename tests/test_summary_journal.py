"""A touch saved from the summary (as ``bchan log`` saves it) is appended to
the journal without the book being parsed or rewritten, validated as any
touch is, and every later reader (the book, the summary, the first rows)
sees it as if the whole book had been read and written."""

from __future__ import annotations

from pathlib import Path

import orjson
import pendulum
import pytest
from faults import fault

from bchan_tui.data import (
    NotFoundError,
    Rung,
    Store,
    ValidationError,
    WriteFailedError,
)
from bchan_tui.data import storage as storage_module
from bchan_tui.data.first_rows import saved_first_rows
from bchan_tui.data.journal import journal_path


@pytest.fixture
def book(kept_book: Path) -> Path:
    return kept_book


def first_shown(db: Path, now: pendulum.DateTime) -> tuple[str, str]:
    """The first contact of the dashboard's first rows, and a public channel of theirs."""
    with Store(db, read_only=True) as reader:
        contact_id = reader.contact_rows(now)[0].contact.id
        public = [c for c in reader.channels_of(contact_id) if c.rung is Rung.PUBLIC]
        return contact_id, public[0].id


def test_a_touch_is_appended_to_the_journal_and_the_book_is_not_touched(
    book: Path, frozen: pendulum.DateTime, parses: list[Path]
) -> None:
    contact_id, channel_id = first_shown(book, frozen)
    before = book.read_bytes()
    later = frozen.add(hours=1)
    parses.clear()
    with Store(book, summary=True) as shell:
        heat_before = shell.channel_heat(channel_id, later)
        touch = shell.log_touch(contact_id, channel_id, note="from the shell", at=later)
        heat_after = shell.channel_heat(channel_id, later)
    assert parses == []
    assert book.read_bytes() == before
    assert len(journal_path(book).read_bytes().splitlines()) == 2  # header and the touch
    assert heat_after.last_used_at == later.timestamp() != heat_before.last_used_at
    # The book, read whole, has the touch, and so has every file kept beside it.
    with Store(book, read_only=True) as reader:
        assert reader.touches_of(contact_id, limit=1) == [touch]
        expected_heat = reader.channel_heat(channel_id, later)
        expected_row = reader.contact_rows(later, contact_ids=[contact_id])
    assert heat_after == expected_heat
    with Store(book, read_only=True, summary=True) as reader:
        assert reader.channel_heat(channel_id, later) == expected_heat
        assert reader.contact_rows(later, contact_ids=[contact_id]) == expected_row
    first_rows = saved_first_rows(book)
    assert first_rows is not None
    assert touch.id in {doc["id"] for doc in first_rows["touches"].values()}
    assert parses == [book]


def test_touches_appended_one_after_another_get_their_own_document_ids(
    book: Path, frozen: pendulum.DateTime
) -> None:
    contact_id, channel_id = first_shown(book, frozen)
    for hours in (1, 2, 3):
        with Store(book, summary=True) as shell:
            shell.log_touch(contact_id, channel_id, at=frozen.add(hours=hours))
    with Store(book) as session:  # folds the journal into the book
        assert [t.at for t in session.touches_of(contact_id, limit=3)] == [
            frozen.add(hours=hours) for hours in (3, 2, 1)
        ]
    assert not journal_path(book).exists()
    data = orjson.loads(book.read_bytes())
    touches = sorted(data["touches"].items(), key=lambda item: int(item[0]))[-3:]
    assert [doc["at"] for _, doc in touches] == sorted(doc["at"] for _, doc in touches)


def test_a_touch_from_the_summary_is_validated_as_any_touch(
    book: Path, frozen: pendulum.DateTime
) -> None:
    contact_id, channel_id = first_shown(book, frozen)
    with Store(book, read_only=True) as reader:
        private = next(
            channel
            for row in reader.contact_rows(frozen)
            for channel in reader.channels_of(row.contact.id)
            if channel.rung is Rung.PRIVATE
        )
        other = reader.contact_rows(frozen)[1].contact.id
    with Store(book, summary=True) as shell:
        with pytest.raises(ValidationError, match="needs a reason"):
            shell.log_touch(private.contact_id, private.id)
        with pytest.raises(ValidationError, match="another contact"):
            shell.log_touch(other, channel_id)
        with pytest.raises(NotFoundError):
            shell.log_touch(contact_id, "no-such-channel")
    assert not journal_path(book).exists()


def test_a_full_journal_is_folded_into_the_book_instead(
    book: Path, frozen: pendulum.DateTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id, channel_id = first_shown(book, frozen)
    with Store(book, summary=True) as shell:
        shell.log_touch(contact_id, channel_id, at=frozen.add(hours=1))
    monkeypatch.setattr(storage_module, "JOURNAL_LIMIT", 1)
    monkeypatch.setattr("bchan_tui.data.summary_journal.JOURNAL_LIMIT", 1)
    before = book.read_bytes()
    with Store(book, summary=True) as shell:
        shell.log_touch(contact_id, channel_id, at=frozen.add(hours=2))
    assert book.read_bytes() != before
    assert not journal_path(book).exists()
    with Store(book, read_only=True) as reader:
        assert len(reader.touches_of(contact_id, limit=2)) == 2
        assert reader.touches_of(contact_id, limit=1)[0].at == frozen.add(hours=2)


def test_a_touch_that_cannot_be_saved_is_not_taken_in(
    book: Path, frozen: pendulum.DateTime
) -> None:
    contact_id, channel_id = first_shown(book, frozen)
    later = frozen.add(hours=1)
    with Store(book, summary=True) as shell:
        before = shell.channel_heat(channel_id, later)
        with fault("disk full", book.parent), pytest.raises(WriteFailedError, match="No space"):
            shell.log_touch(contact_id, channel_id, at=later)
        assert shell.channel_heat(channel_id, later) == before
        # The disk has room again: the next touch is saved.
        shell.log_touch(contact_id, channel_id, at=later.add(minutes=1))
    with Store(book, read_only=True) as reader:
        assert [t.at for t in reader.touches_of(contact_id, limit=1)] == [later.add(minutes=1)]


def test_a_journal_that_changes_a_contact_makes_the_first_rows_stale(
    book: Path, frozen: pendulum.DateTime
) -> None:
    contact_id, _ = first_shown(book, frozen)
    assert saved_first_rows(book) is not None
    with Store(book) as session:
        session.update_contact(contact_id, name="Zed Last")
        # Still open: the change waits in the journal, and the first rows
        # kept beside the book no longer say who comes first.
        assert journal_path(book).exists()
        assert saved_first_rows(book) is None


def test_the_first_rows_take_in_only_their_own_contacts_touches(
    book: Path, frozen: pendulum.DateTime
) -> None:
    with Store(book, read_only=True) as reader:
        rows = reader.contact_rows(frozen)
        first = rows[0].contact.id
        far = next(row.contact.id for row in reversed(rows) if reader.channels_of(row.contact.id))
        first_channel = reader.channels_of(first)[0].id
        far_channel = reader.channels_of(far)[0].id
    with Store(book, summary=True) as shell:
        near = shell.log_touch(first, first_channel, reason="near", at=frozen.add(hours=1))
        away = shell.log_touch(far, far_channel, reason="far", at=frozen.add(hours=1))
    first_rows = saved_first_rows(book)
    assert first_rows is not None
    shown = {doc["id"] for doc in first_rows["contacts"].values()}
    touches = {doc["id"]: doc["contact_id"] for doc in first_rows["touches"].values()}
    assert far not in shown
    assert near.id in touches and away.id not in touches
    assert set(touches.values()) <= shown


def test_a_reader_of_a_book_with_a_journal_does_not_check_it_whole_at_close(
    book: Path, frozen: pendulum.DateTime
) -> None:
    contact_id, channel_id = first_shown(book, frozen)
    with Store(book, summary=True) as shell:
        shell.log_touch(contact_id, channel_id, at=frozen.add(hours=1))
    reader = Store(book, read_only=True)
    assert reader.search_contacts("ada")
    reader.close()
    # Checking is for a writer about to fold the journal in; a reader writes nothing.
    assert reader._indexed is None
    assert journal_path(book).exists()
