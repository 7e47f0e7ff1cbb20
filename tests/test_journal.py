"""Single changes go to the journal beside the book; the book is rewritten
whole for batches, a grown journal and at close."""

from __future__ import annotations

import errno
import shutil
import stat
from pathlib import Path
from typing import Any

import msgspec
import pendulum
import pytest

from bchan_tui.data import BrokenDatabaseError, Store, WriteFailedError
from bchan_tui.data import storage as storage_module
from bchan_tui.data.journal import Journal, UnencodableChange, journal_path, replay

GENERATION = "gen-1"

# Lines as the journal wrote them before it used msgspec (with orjson): the
# format is unchanged, so a journal a session left then still replays.
EARLIER_HEADER = b'94ef09a3 {"journal":1,"generation":"gen-1"}\n'
EARLIER_CHANGE = b'1d6dd8bb ["contacts","1",{"name":"M\xc3\xa4rta","strength":3,"score":0.1}]\n'
EARLIER_REMOVAL = b'13c60592 ["contacts","1",null]\n'


def _names_in_file(path: Path) -> list[str]:
    data = msgspec.json.decode(path.read_bytes())
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
    data = msgspec.json.decode(db_path.read_bytes())
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


def _book(generation: str = GENERATION) -> dict[str, Any]:
    """A parsed book of ``generation``, as replay receives it."""
    return {"_meta": {"1": {"generation": generation}}, "contacts": {}}


def test_a_journal_written_before_msgspec_still_replays(db_path: Path) -> None:
    journal_path(db_path).write_bytes(EARLIER_HEADER + EARLIER_CHANGE)
    book = _book()
    replayed = replay(db_path, book)
    assert book["contacts"] == {"1": {"name": "Märta", "strength": 3, "score": 0.1}}
    assert replayed is not None
    assert (replayed.changes, replayed.length) == (1, len(EARLIER_HEADER + EARLIER_CHANGE))


def test_the_journal_writes_its_lines_as_it_did_before_msgspec(db_path: Path) -> None:
    journal = Journal(db_path, GENERATION)
    journal.append("contacts", "1", {"name": "Märta", "strength": 3, "score": 0.1})
    journal.append("contacts", "1", None)
    journal.close()
    assert journal_path(db_path).read_bytes() == EARLIER_HEADER + EARLIER_CHANGE + EARLIER_REMOVAL


def test_values_json_has_no_word_for_are_written_as_it_can(db_path: Path) -> None:
    journal = Journal(db_path, GENERATION)
    journal.append("contacts", "1", {"score": float("nan"), "big": 2**70})
    journal.close()
    book = _book()
    replay(db_path, book)
    assert book["contacts"]["1"] == {"score": None, "big": 2**70}


@pytest.mark.parametrize(
    "unencodable", ["lone \ud800 surrogate", object()], ids=["surrogate", "foreign type"]
)
def test_a_document_that_is_not_json_is_refused_and_nothing_is_written(
    db_path: Path, unencodable: object
) -> None:
    journal = Journal(db_path, GENERATION)
    journal.append("contacts", "1", {"name": "Marta"})
    before = journal_path(db_path).read_bytes()
    with pytest.raises(UnencodableChange) as refused:
        journal.append("contacts", "2", {"name": unencodable})
    journal.close()
    assert isinstance(refused.value, TypeError)
    assert (journal.changes, journal_path(db_path).read_bytes()) == (1, before)


def test_a_refused_first_document_leaves_no_journal(db_path: Path) -> None:
    journal = Journal(db_path, GENERATION)
    with pytest.raises(UnencodableChange):
        journal.append("contacts", "1", {"name": object()})
    journal.close()
    assert not journal_path(db_path).exists()
