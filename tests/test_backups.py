"""Backups a user can restore from: each a private copy of the book as it
was, kept beside it, the newest five of its own."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Store
from bchan_tui.data.storage.backups import (
    KEEP,
    backup_if_new_day,
    backups_of,
    make_backup,
    newest_backup,
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_outlives_a_copy_over_the_book(
    db_path: Path, tmp_path: Path, frozen: pendulum.DateTime
) -> None:
    with Store(db_path) as store:
        store.add_contact("Marta")
    with pendulum.travel_to(frozen.add(days=1), freeze=True), Store(db_path) as store:
        store.contact_rows()  # the day's first session backs the book up, and writes nothing
    other = tmp_path / "other.json"
    with Store(other) as store:
        store.add_contact("Jonas")

    shutil.copyfile(other, db_path)  # cp other.json book.json, by mistake

    (backup,) = sorted(tmp_path.glob("book.json.*.bak"))
    assert b"Jonas" not in backup.read_bytes()
    shutil.copyfile(backup, db_path)  # the restore
    with Store(db_path, read_only=True) as restored:
        assert [contact.name for contact in restored.contacts()] == ["Marta"]


def test_a_backup_is_private_even_when_the_book_is_not(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    db_path.write_bytes(b"the book")
    db_path.chmod(0o644)
    backup = make_backup(db_path)
    assert _mode(backup) == 0o600
    assert _mode(db_path) == 0o644
    assert backup.read_bytes() == b"the book"


def test_a_backup_the_disk_cannot_hold_leaves_the_folder_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: pendulum.DateTime
) -> None:
    db_path.write_bytes(b"the book")
    for day in range(KEEP):
        with pendulum.travel_to(frozen.add(days=day), freeze=True):
            make_backup(db_path)
    before = {path.name: path.read_bytes() for path in db_path.parent.iterdir()}

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with (
        pendulum.travel_to(frozen.add(days=KEEP), freeze=True),
        pytest.raises(OSError, match="No space left"),
    ):
        make_backup(db_path)
    # No backup cut short, no temp file, and none of the older backups pruned.
    assert {path.name: path.read_bytes() for path in db_path.parent.iterdir()} == before


def _back_up_daily(books: list[Path], days: int, since: pendulum.DateTime) -> None:
    """Each book backed up once a day, each day's backup holding its day."""
    for day in range(days):
        with pendulum.travel_to(since.add(days=day), freeze=True):
            for book in books:
                book.write_text(f"{book.name} on day {day}")
                make_backup(book)


@pytest.mark.parametrize(
    ("name", "neighbour"),
    [
        ("contacts.json", "contacts.json.old"),
        ("contacts.json.old", "contacts.json"),
        ("team[1].json", "team1.json"),
        ("a*b.json", "aXb.json"),
        ("?.json", "x.json"),
    ],
)
def test_books_in_one_folder_keep_their_backups_apart(
    tmp_path: Path, frozen: pendulum.DateTime, name: str, neighbour: str
) -> None:
    book, other = tmp_path / name, tmp_path / neighbour
    _back_up_daily([book, other], KEEP + 2, frozen)
    for each in (book, other):
        found = backups_of(each)
        assert [backup.read_text() for backup in found] == [
            f"{each.name} on day {day}" for day in range(2, KEEP + 2)
        ]
        assert newest_backup(each) == found[-1]
        assert all(backup.name.startswith(f"{each.name}.") for backup in found)


def test_a_neighbour_backed_up_today_does_not_stand_in_for_the_book(
    tmp_path: Path, frozen: pendulum.DateTime
) -> None:
    book, old_copy = tmp_path / "contacts.json", tmp_path / "contacts.json.old"
    book.write_text("this year's book")
    old_copy.write_text("last year's book")
    make_backup(old_copy)
    backup = backup_if_new_day(book)
    assert backup is not None
    assert backup.read_text() == "this year's book"
    assert newest_backup(book) == backup


def test_one_backup_a_day_and_the_newest_five_kept(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    for day in range(KEEP + 3):
        with pendulum.travel_to(frozen.add(days=day), freeze=True):
            db_path.write_text(f"day {day}")
            assert backup_if_new_day(db_path) is not None
            db_path.write_text(f"later on day {day}")
            assert backup_if_new_day(db_path) is None
    assert [backup.read_text() for backup in backups_of(db_path)] == [
        f"day {day}" for day in range(3, KEEP + 3)
    ]


def test_backups_made_in_the_same_millisecond_are_all_kept_in_order(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    for change in range(KEEP + 2):
        db_path.write_text(f"change {change}")
        make_backup(db_path)
    assert [backup.read_text() for backup in backups_of(db_path)] == [
        f"change {change}" for change in range(2, KEEP + 2)
    ]
    newest = newest_backup(db_path)
    assert newest is not None
    assert newest.read_text() == f"change {KEEP + 1}"


def test_the_last_backup_made_is_the_newest_after_the_clock_is_set_back(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    db_path.write_text("made while the clock ran a day fast")
    with pendulum.travel_to(frozen.add(days=1), freeze=True):
        make_backup(db_path)
    db_path.write_text("made once the clock was right")
    with pendulum.travel_to(frozen, freeze=True):
        made = make_backup(db_path)
    assert newest_backup(db_path) == made
    assert made.read_text() == "made once the clock was right"


def test_backups_an_earlier_bchan_linked_to_the_book_outlive_a_copy_over_it(
    db_path: Path, tmp_path: Path, frozen: pendulum.DateTime
) -> None:
    db_path.write_text("Marta's book")
    for day in (frozen.subtract(days=1), frozen):
        # As bchan made them before: hard links to a book read but not rewritten.
        stamp = day.format("YYYYMMDDTHHmmssSSS")
        os.link(db_path, db_path.with_name(f"{db_path.name}.{stamp}.bak"))
    assert backup_if_new_day(db_path) is None  # today's backup is there already

    (tmp_path / "other.json").write_text("Jonas's book")
    shutil.copyfile(tmp_path / "other.json", db_path)

    assert [backup.read_text() for backup in backups_of(db_path)] == ["Marta's book"] * 2


def test_no_book_no_backup(db_path: Path, frozen: pendulum.DateTime) -> None:
    assert backup_if_new_day(db_path) is None
    assert backups_of(db_path) == []


def test_what_only_looks_like_a_backup_is_neither_offered_nor_pruned(
    db_path: Path, tmp_path: Path, frozen: pendulum.DateTime
) -> None:
    folder = db_path.with_name(f"{db_path.name}.20200101T000000000.bak")
    folder.mkdir()
    link = db_path.with_name(f"{db_path.name}.20200102T000000000.bak")
    link.symlink_to(tmp_path / "elsewhere.json")
    no_such_day = db_path.with_name(f"{db_path.name}.20261399T000000000.bak")
    no_such_day.write_text("a month 13")
    _back_up_daily([db_path], KEEP + 1, frozen)
    assert not {folder, link, no_such_day} & set(backups_of(db_path))
    assert folder.is_dir()
    assert link.is_symlink()
    assert no_such_day.read_text() == "a month 13"


def test_a_book_in_a_missing_folder_has_no_backup(tmp_path: Path) -> None:
    assert newest_backup(tmp_path / "gone" / "book.json") is None
