"""One writer, broken files left untouched, backups, modes, failed writes."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import msgspec
import pendulum
import pytest

from bchan_tui.data import DatabaseError, DatabaseLockedError, Store, WriteFailedError
from bchan_tui.data.book import schema as schema_module
from bchan_tui.data.storage import atomic as atomic_module
from bchan_tui.data.storage import tinydb_storage as storage_module
from bchan_tui.data.storage.backups import KEEP, backups_of
from bchan_tui.data.storage.journal import journal_path

OPEN_IN_CHILD = """
import sys
from bchan_tui.data import Store, DatabaseLockedError
try:
    Store(sys.argv[1])
except DatabaseLockedError as error:
    print(error)
    sys.exit(2)
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_second_writer_is_refused_with_the_holders_pid(db_path: Path) -> None:
    with Store(db_path) as first:
        contact = first.add_contact("Marta")
        child = subprocess.run(
            [sys.executable, "-c", OPEN_IN_CHILD, str(db_path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert child.returncode == 2
        assert f"process {os.getpid()}" in child.stdout
        assert "already open for writing" in child.stdout
        first.add_contact("Jonas")
    with Store(db_path) as reopened:
        assert {c.name for c in reopened.contacts()} == {"Marta", "Jonas"}
        assert reopened.contact(contact.id).name == "Marta"


def test_the_lock_is_free_again_after_close(db_path: Path) -> None:
    Store(db_path).close()
    with Store(db_path), pytest.raises(DatabaseLockedError):
        Store(db_path)


def test_readers_take_no_lock(db_path: Path) -> None:
    with Store(db_path) as writer:
        writer.add_contact("Marta")
        reader = Store(db_path, read_only=True)
        assert [c.name for c in reader.contacts()] == ["Marta"]
        with pytest.raises(WriteFailedError, match="read-only"):
            reader.add_contact("Jonas")
        assert [c.name for c in reader.contacts()] == ["Marta"]


BROKEN_FILES = {
    "not-json": b'{"contacts": {"1": {"name": ',
    "newer-schema": msgspec.json.encode({"_meta": {"1": {"schema_version": 99}}}),
    "no-meta": msgspec.json.encode({"contacts": {}}),
    "bad-document": msgspec.json.encode(
        {"_meta": {"1": {"schema_version": 1}}, "contacts": {"1": {"id": "a", "name": 5}}}
    ),
    "bad-touch": msgspec.json.encode(
        {"_meta": {"1": {"schema_version": 1}}, "touches": {"1": {"id": "t", "at": "soon"}}}
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_FILES))
@pytest.mark.parametrize("command", [[], ["check"]])
def test_a_broken_file_exits_2_with_a_message_and_is_left_byte_for_byte(
    tmp_path: Path, case: str, command: list[str]
) -> None:
    db = tmp_path / "book.json"
    db.write_bytes(BROKEN_FILES[case])
    before = db.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "bchan_tui", *command, "--db", str(db)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    output = result.stdout + result.stderr
    assert str(db) in output
    assert "no backup found" in output or "newest backup: none" in output
    assert "Traceback" not in output
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".bak"] == []


def test_check_reports_a_healthy_book(tmp_path: Path) -> None:
    db = tmp_path / "book.json"
    with Store(db) as store:
        contact = store.add_contact("Marta")
        store.add_channel(contact.id, "public", "email", "m@example.org")
    result = subprocess.run(
        [sys.executable, "-m", "bchan_tui", "check", "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "schema version: 1" in result.stdout
    assert "contacts: 1" in result.stdout
    assert "channels: 1" in result.stdout
    assert "ok: no problems found" in result.stdout


def test_check_finds_a_dangling_reference(tmp_path: Path) -> None:
    db = tmp_path / "book.json"
    with Store(db) as store:
        contact = store.add_contact("Marta")
        store.add_channel(contact.id, "public", "email", "m@example.org")
    data = msgspec.json.decode(db.read_bytes())
    data["channels"]["1"]["contact_id"] = "gone"
    db.write_bytes(msgspec.json.encode(data))
    result = subprocess.run(
        [sys.executable, "-m", "bchan_tui", "check", "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "belongs to a missing contact gone" in result.stdout


def _read_session(db_path: Path) -> None:
    """A session that reads the whole book, as the dashboard does at start."""
    with Store(db_path) as store:
        store.contact_rows()


def test_database_lock_and_backups_are_private(db_path: Path, frozen: pendulum.DateTime) -> None:
    with Store(db_path) as store:
        store.add_contact("Marta")
        assert _mode(db_path) == 0o600
        assert _mode(db_path.with_name("book.json.lock")) == 0o600
    with pendulum.travel_to(frozen.add(days=1), freeze=True):
        _read_session(db_path)
    (backup,) = backups_of(db_path)
    assert _mode(backup) == 0o600
    assert backup.read_bytes() == db_path.read_bytes()


def test_a_backup_keeps_the_book_as_it_was_when_later_changes_are_saved(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    with Store(db_path) as store:
        store.add_contact("Marta")
    with pendulum.travel_to(frozen.add(days=1), freeze=True), Store(db_path) as store:
        store.contact_rows()  # the day's first session to read the whole book backs it up
        (backup,) = backups_of(db_path)
        snapshot = backup.read_bytes()
        store.add_contact("Jonas")
        with store.batch():
            store.add_contact("Vera")
    assert backup.read_bytes() == snapshot
    assert b"Jonas" not in snapshot
    assert b"Marta" in snapshot
    assert b"Jonas" in db_path.read_bytes()


def test_one_backup_a_day_and_only_the_last_five_kept(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    Store(db_path).close()
    for day in range(1, 9):
        with pendulum.travel_to(frozen.add(days=day), freeze=True):
            _read_session(db_path)
            _read_session(db_path)  # the same day again: no second backup
    names = [p.name for p in backups_of(db_path)]
    assert len(names) == KEEP
    assert names[-1].startswith(f"book.json.{frozen.add(days=8).format('YYYYMMDD')}T")


def test_a_migration_backs_up_first(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: pendulum.DateTime
) -> None:
    with Store(db_path) as store:
        store.add_contact("Marta")
    old = db_path.read_bytes()

    def add_a_field(data: schema_module.RawData) -> None:
        for doc in data["contacts"].values():
            doc["migrated"] = True

    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema_module.MIGRATIONS, 1, add_a_field)
    Store(db_path).close()
    (backup,) = backups_of(db_path)
    assert backup.read_bytes() == old
    migrated = msgspec.json.decode(db_path.read_bytes())
    assert migrated["_meta"]["1"]["schema_version"] == 2
    assert migrated["contacts"]["1"]["migrated"] is True


def test_a_full_disk_changes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: pendulum.DateTime
) -> None:
    store = Store(db_path)
    marta = store.add_contact("Marta")
    journal = journal_path(db_path)
    before = (db_path.read_bytes(), journal.read_bytes())

    def no_space(fd: int, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_module, "write_all", no_space)
    with pytest.raises(WriteFailedError, match=r"No space left on device\. Nothing was changed"):
        store.add_contact("Jonas")
    with pytest.raises(WriteFailedError):
        store.update_contact(marta.id, name="Renamed")
    with pytest.raises(WriteFailedError), store.batch():
        store.add_contact("One")
        store.add_contact("Two")
    assert (db_path.read_bytes(), journal.read_bytes()) == before
    assert [c.name for c in store.contacts()] == ["Marta"]
    monkeypatch.undo()
    store.add_contact("After")
    assert sorted(c.name for c in store.contacts()) == ["After", "Marta"]
    store.close()
    with Store(db_path) as reopened:
        assert sorted(c.name for c in reopened.contacts()) == ["After", "Marta"]


def test_stale_temp_files_are_removed_at_start(db_path: Path) -> None:
    Store(db_path).close()
    stale = db_path.with_name(".book.json.abc123.tmp")
    stale.write_bytes(b"half a write")
    Store(db_path).close()
    assert not stale.exists()


def test_a_book_leaves_the_temp_files_of_a_book_named_like_it(db_path: Path) -> None:
    Store(db_path).close()
    # "book.json.old" may be in the middle of its own atomic write.
    theirs = db_path.with_name(".book.json.old.k2x9_q7a.tmp")
    theirs.write_bytes(b"another book's write")
    ours = db_path.with_name(".book.json.k2x9_q7a.tmp")
    ours.write_bytes(b"half a write")
    Store(db_path).close()
    assert not ours.exists()
    assert theirs.exists()


def test_a_symlink_at_the_lock_is_refused_with_a_message(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    Store(db_path).close()
    lock = db_path.with_name("book.json.lock")
    lock.unlink()
    lock.symlink_to(victim)
    with pytest.raises(DatabaseError, match=r"book\.json\.lock: it is a symbolic link"):
        Store(db_path)
    assert victim.read_text() == "keep me"


def test_a_change_that_cannot_be_encoded_is_refused_and_later_writes_work(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: pendulum.DateTime
) -> None:
    store = Store(db_path)
    store.add_contact("Marta")

    def unencodable(data: object) -> bytes:
        raise msgspec.EncodeError("str is not valid UTF-8: surrogates not allowed")

    monkeypatch.setattr(storage_module, "encode", unencodable)
    with pytest.raises(WriteFailedError, match="surrogates not allowed"), store.batch():
        store.add_contact("Jonas")
    monkeypatch.undo()
    with store.batch():
        store.add_contact("Vera")
    assert sorted(c.name for c in store.contacts()) == ["Marta", "Vera"]
    store.close()
