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
from bchan_tui.data.backups import make_backup


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
    for day in range(5):
        with pendulum.travel_to(frozen.add(days=day), freeze=True):
            make_backup(db_path)
    before = {path.name: path.read_bytes() for path in db_path.parent.iterdir()}

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with (
        pendulum.travel_to(frozen.add(days=5), freeze=True),
        pytest.raises(OSError, match="No space left"),
    ):
        make_backup(db_path)
    # No backup cut short, no temp file, and none of the older backups pruned.
    assert {path.name: path.read_bytes() for path in db_path.parent.iterdir()} == before
