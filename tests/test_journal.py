"""Single changes go to the journal beside the book; the book is rewritten
whole for batches, a grown journal and at close."""

from __future__ import annotations

import errno
import shutil
import stat
from pathlib import Path

import orjson
import pendulum
import pytest

from bchan_tui.data import BrokenDatabaseError, Store, WriteFailedError
from bchan_tui.data import storage as storage_module
from bchan_tui.data.journal import journal_path


def _names_in_file(path: Path) -> list[str]:
    data = orjson.loads(path.read_bytes())
    return sorted(doc["name"] for doc in data["contacts"].values())


def _abandon(store: Store, db_path: Path, target: Path) -> None:
    """What a kill leaves: the book and its journal as they are on disk
    (copied, because this process still holds the session lock)."""
    shutil.copy(db_path, target)
    shutil.copy(journal_path(db_path), journal_path(target))
    store.close()


def test_a_change_is_appended_to_the_journal_not_rewritten(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    with Store(db_path) as store:
        book_before = db_path.read_bytes()
        store.add_contact("Marta")
        assert db_path.read_bytes() == book_before
        assert journal_path(db_path).read_bytes().count(b"\n") == 2  # header + change
        with Store(db_path, read_only=True) as reader:
            assert [c.name for c in reader.contacts()] == ["Marta"]


def test_close_folds_the_journal_into_the_book(db_path: Path, frozen: pendulum.DateTime) -> None:
    with Store(db_path) as store:
        marta = store.add_contact("Marta")
        store.update_contact(marta.id, org="Acme")
    assert not journal_path(db_path).exists()
    data = orjson.loads(db_path.read_bytes())
    (doc,) = data["contacts"].values()
    assert (doc["name"], doc["org"]) == ("Marta", "Acme")


def test_a_killed_sessions_changes_are_replayed_and_folded_in_by_the_next_session(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    store = Store(db_path)
    store.add_contact("Marta")
    store.add_contact("Jonas")
    killed = tmp_path / "killed.json"
    _abandon(store, db_path, killed)
    assert _names_in_file(killed) == []
    with Store(killed) as reopened:
        assert sorted(c.name for c in reopened.contacts()) == ["Jonas", "Marta"]
    assert _names_in_file(killed) == ["Jonas", "Marta"]
    assert not journal_path(killed).exists()


def test_a_line_torn_by_a_kill_is_dropped(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    store = Store(db_path)
    store.add_contact("Marta")
    killed = tmp_path / "killed.json"
    _abandon(store, db_path, killed)
    with journal_path(killed).open("ab") as journal:
        journal.write(b'0badc0de ["contacts","9",{"na')
    with Store(killed, read_only=True) as reader:
        assert [c.name for c in reader.contacts()] == ["Marta"]


def test_a_damaged_line_before_the_end_breaks_the_open_and_changes_nothing(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    store = Store(db_path)
    store.add_contact("Marta")
    store.add_contact("Jonas")
    killed = tmp_path / "killed.json"
    _abandon(store, db_path, killed)
    journal = journal_path(killed)
    lines = journal.read_bytes().split(b"\n")
    lines[1] = lines[1].replace(b"Marta", b"Marty")
    journal.write_bytes(b"\n".join(lines))
    before = (killed.read_bytes(), journal.read_bytes())
    with pytest.raises(BrokenDatabaseError, match=r"killed\.json\.journal: line 2 is damaged"):
        Store(killed)
    assert (killed.read_bytes(), journal.read_bytes()) == before


def test_a_journal_of_an_older_generation_is_ignored_and_removed(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    store = Store(db_path)
    store.add_contact("Marta")
    stale = journal_path(db_path).read_bytes()
    store.close()  # folds Marta in: the book is a new generation
    journal_path(db_path).write_bytes(stale)
    with Store(db_path) as reopened:
        assert [c.name for c in reopened.contacts()] == ["Marta"]
    assert not journal_path(db_path).exists()


def test_a_grown_journal_is_folded_at_the_next_change(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: pendulum.DateTime
) -> None:
    monkeypatch.setattr(storage_module, "JOURNAL_LIMIT", 600)
    with Store(db_path) as store:
        for number in range(5):
            store.add_contact(f"Contact {number}")
        assert len(_names_in_file(db_path)) >= 2
        assert journal_path(db_path).stat().st_size <= 600 + 400


def test_the_journal_is_private_and_a_symlink_there_is_not_followed(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    journal_path(db_path).parent.mkdir(parents=True, exist_ok=True)
    Store(db_path).close()
    journal_path(db_path).symlink_to(victim)
    with Store(db_path) as store:
        store.add_contact("Marta")
        journal = journal_path(db_path)
        assert not journal.is_symlink()
        assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert victim.read_text() == "keep me"


def test_a_read_only_session_refuses_a_single_change(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    Store(db_path).close()
    with (
        Store(db_path, read_only=True) as reader,
        pytest.raises(WriteFailedError, match="read-only"),
    ):
        reader.add_contact("Marta")
    assert not journal_path(db_path).exists()


def test_the_next_session_continues_a_killed_sessions_journal(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    store = Store(db_path)
    store.add_contact("Marta")
    first_kill = tmp_path / "first.json"
    _abandon(store, db_path, first_kill)
    with journal_path(first_kill).open("ab") as journal:
        journal.write(b"0badc0de torn")  # the append the kill cut short
    second = Store(first_kill)
    second.add_contact("Jonas")
    second_kill = tmp_path / "second.json"
    _abandon(second, first_kill, second_kill)
    with Store(second_kill, read_only=True) as reader:
        assert sorted(c.name for c in reader.contacts()) == ["Jonas", "Marta"]


def test_a_full_disk_when_folding_keeps_every_change_in_the_journal(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: pendulum.DateTime
) -> None:
    def no_space(path: Path, data: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_module, "JOURNAL_LIMIT", 600)
    with Store(db_path) as store:
        monkeypatch.setattr(storage_module, "write_book", no_space)
        for number in range(5):
            store.add_contact(f"Contact {number}")  # each saved, though no fold succeeds
    assert journal_path(db_path).exists()
    monkeypatch.undo()
    with Store(db_path) as reopened:
        assert len(reopened.contacts()) == 5
    assert len(_names_in_file(db_path)) == 5
    assert not journal_path(db_path).exists()
