"""Single changes go to the journal beside the book; the book is rewritten
whole for batches, a grown journal and at close. A line a kill cut short is
dropped; a damaged complete line is refused, and can be repaired; a journal
of another generation is set aside, never deleted."""

from __future__ import annotations

import copy
import errno
import pickle
import shutil
import stat
from pathlib import Path

import msgspec
import pendulum
import pytest
from journal_lines import book_of, checksummed, flip_a_bit, journal_of_contacts

from bchan_tui.data import BrokenDatabaseError, Store, WriteFailedError
from bchan_tui.data.storage import tinydb_storage as storage_module
from bchan_tui.data.storage.journal import (
    STALE_SUFFIX,
    Journal,
    JournalProblem,
    UnencodableChange,
    journal_path,
    replay,
)

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


def test_close_folds_the_journal_into_thebook_of(db_path: Path, frozen: pendulum.DateTime) -> None:
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


@pytest.mark.parametrize("damaged", ["first", "last"])
def test_a_damaged_complete_line_breaks_the_open_and_changes_nothing(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime, damaged: str
) -> None:
    store = Store(db_path)
    store.add_contact("Marta")
    store.add_contact("Jonas")
    killed = tmp_path / "killed.json"
    _abandon(store, db_path, killed)
    journal = journal_path(killed)
    lines = journal.read_bytes().split(b"\n")
    # The last element is what follows the final newline: nothing.
    number = 2 if damaged == "first" else len(lines) - 1
    changed = lines[number - 1].replace(b"Marta", b"Marty").replace(b"Jonas", b"Jonah")
    assert changed != lines[number - 1]
    lines[number - 1] = changed
    journal.write_bytes(b"\n".join(lines))
    before = (killed.read_bytes(), journal.read_bytes())
    refused = rf"killed\.json\.journal: line {number} is damaged \(checksum mismatch\)"
    with pytest.raises(BrokenDatabaseError, match=refused):
        Store(killed)
    assert (killed.read_bytes(), journal.read_bytes()) == before


def test_a_journal_of_an_older_generation_is_ignored_and_set_aside(
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
    (aside,) = tmp_path.glob(f"book.json.journal.*{STALE_SUFFIX}")
    assert aside.read_bytes() == stale


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


def test_a_journal_written_before_msgspec_still_replays(db_path: Path) -> None:
    journal_path(db_path).write_bytes(EARLIER_HEADER + EARLIER_CHANGE)
    book = book_of()
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
    book = book_of()
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


@pytest.mark.parametrize("cut", [1, 9, 20, -1], ids=["1 byte", "checksum", "mid-JSON", "all"])
def test_a_kill_mid_append_tears_the_last_line_which_is_dropped(db_path: Path, cut: int) -> None:
    lines = journal_of_contacts(db_path, 3)
    torn = lines[-1][:cut]
    assert not torn.endswith(b"\n")
    journal_path(db_path).write_bytes(b"".join(lines[:-1]) + torn)
    book = book_of()
    replayed = replay(db_path, book)
    assert sorted(book["contacts"]) == ["1", "2"]
    assert replayed is not None
    # The next append truncates to here, so the torn bytes go.
    assert replayed.length == len(b"".join(lines[:-1]))


def test_a_kill_while_the_header_is_written_leaves_no_journal_to_replay(db_path: Path) -> None:
    header = journal_of_contacts(db_path, 1)[0]
    journal_path(db_path).write_bytes(header[:-1])
    book = book_of()
    assert replay(db_path, book) is None
    assert book == book_of()


@pytest.mark.parametrize("number", [1, 2, 3, 4], ids=["header", "first", "middle", "last"])
def test_a_flipped_bit_in_a_complete_line_is_refused_with_its_path_and_number(
    db_path: Path, number: int
) -> None:
    lines = journal_of_contacts(db_path, 3)
    lines[number - 1] = flip_a_bit(lines[number - 1])
    journal_path(db_path).write_bytes(b"".join(lines))
    book = book_of()
    with pytest.raises(JournalProblem) as refused:
        replay(db_path, book)
    journal = journal_path(db_path)
    assert str(refused.value) == f"{journal} line {number} is damaged (checksum mismatch)"
    assert (refused.value.path, refused.value.line) == (journal, number)
    assert book == book_of(), "no change of a refused journal is applied"


@pytest.mark.parametrize(
    ("payload", "why"),
    [
        (b"not json", "not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
        (b'{"table": "contacts"}', "not a change"),
        (b'["contacts","4"]', "not a change"),
        (b'["contacts","4",{},{}]', "not a change"),
        (b'[4,"4",{}]', "not a change"),
        (b'["contacts",4,{}]', "not a change"),
        (b'["contacts","4",["Marta"]]', "not a change"),
        (b'["contacts","04",{}]', "document id '04' is not a number"),
        (b'["contacts","\xc2\xb2",{}]', "document id '\xb2' is not a number"),
        (b'["contacts","-4",{}]', "document id '-4' is not a number"),
        (b'["contacts"," 4",{}]', "document id ' 4' is not a number"),
        (b'["contacts","",{}]', "document id '' is not a number"),
    ],
    ids=[
        "not JSON",
        "nested too deep",
        "an object",
        "two items",
        "four items",
        "table not a string",
        "id not a string",
        "document a list",
        "leading zero",
        "superscript two",
        "negative",
        "space",
        "empty id",
    ],
)
def test_a_line_whose_checksum_matches_but_holds_no_change_is_refused(
    db_path: Path, payload: bytes, why: str
) -> None:
    lines = journal_of_contacts(db_path, 2)
    journal_path(db_path).write_bytes(b"".join(lines) + checksummed(payload))
    with pytest.raises(JournalProblem, match=f"line 4 is damaged \\({why}\\)$"):
        replay(db_path, book_of())


@pytest.mark.parametrize(
    "line",
    [b"\n", b"12345678\n", b"94EF09A3 {}\n", b"0x4ef09a {}\n"],
    ids=["empty", "checksum alone", "upper case", "not hexadecimal"],
)
def test_a_line_without_a_checksum_is_refused(db_path: Path, line: bytes) -> None:
    lines = journal_of_contacts(db_path, 1)
    journal_path(db_path).write_bytes(b"".join(lines) + line)
    with pytest.raises(JournalProblem, match=r"line 3 is damaged \(no checksum\)$"):
        replay(db_path, book_of())


@pytest.mark.parametrize(
    "header",
    [b'{"journal":2,"generation":"gen-1"}', b'{"journal":1}', b'["journal",1]'],
    ids=["another version", "no generation", "not an object"],
)
def test_a_first_line_that_is_not_a_header_is_refused(db_path: Path, header: bytes) -> None:
    lines = journal_of_contacts(db_path, 1)
    journal_path(db_path).write_bytes(checksummed(header) + lines[1])
    with pytest.raises(JournalProblem, match=r"line 1 is damaged \(not a journal header\)$"):
        replay(db_path, book_of())


def test_document_ids_as_tinydb_writes_them_are_taken(db_path: Path) -> None:
    header = journal_of_contacts(db_path, 1)[0]
    changes = [checksummed(b'["contacts","%s",{}]' % key) for key in (b"0", b"7", b"1234")]
    journal_path(db_path).write_bytes(b"".join([header, *changes]))
    book = book_of()
    replay(db_path, book)
    assert sorted(book["contacts"]) == ["0", "1234", "7"]


def test_a_journal_problem_keeps_its_place_when_it_crosses_processes(tmp_path: Path) -> None:
    problem = JournalProblem(tmp_path / "book.json.journal", 7, "checksum mismatch")
    copied = pickle.loads(pickle.dumps(problem))
    assert (copied.path, copied.line, str(copied)) == (problem.path, 7, str(problem))
    assert isinstance(copied, ValueError)


def test_a_stale_journal_is_not_read_past_its_header(db_path: Path) -> None:
    lines = journal_of_contacts(db_path, 2)
    lines[1] = flip_a_bit(lines[1])
    journal_path(db_path).write_bytes(b"".join(lines))
    book = book_of("a later generation")
    untouched = copy.deepcopy(book)
    assert replay(db_path, book) is None
    assert book == untouched
