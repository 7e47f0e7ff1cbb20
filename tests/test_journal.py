"""Single changes go to the journal beside the book; the book is rewritten
whole for batches, a grown journal and at close. A line a kill cut short is
dropped; a damaged complete line is refused, and can be repaired; a journal
of another generation is set aside, never deleted."""

from __future__ import annotations

import copy
import errno
import os
import pickle
import shutil
import stat
import zlib
from pathlib import Path
from typing import Any

import msgspec
import pendulum
import pytest

from bchan_tui.data import BrokenDatabaseError, Store, WriteFailedError
from bchan_tui.data.storage import atomic as atomic_module
from bchan_tui.data.storage import tinydb_storage as storage_module
from bchan_tui.data.storage.atomic import remove_stale_temp_files
from bchan_tui.data.storage.backups import backups_of
from bchan_tui.data.storage.journal import (
    STALE_SUFFIX,
    Journal,
    JournalProblem,
    UnencodableChange,
    journal_generation,
    journal_path,
    replay,
    set_aside,
)
from bchan_tui.data.storage.journal_repair import journal_damage, repair_journal

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


def _journal_of_contacts(db_path: Path, count: int) -> list[bytes]:
    """Write a journal of GENERATION adding contacts 1 to ``count``; its lines."""
    journal = Journal(db_path, GENERATION)
    for number in range(1, count + 1):
        journal.append("contacts", str(number), {"name": f"Contact {number}"})
    journal.close()
    return journal_path(db_path).read_bytes().splitlines(keepends=True)


def _checksummed(payload: bytes) -> bytes:
    """A line as the journal writes it, around any payload."""
    return b"%08x %s\n" % (zlib.crc32(payload), payload)


def _flip_a_bit(line: bytes) -> bytes:
    """``line`` with one bit changed inside its JSON, as a failing disk does."""
    flipped = bytearray(line)
    flipped[12] ^= 0x01
    return bytes(flipped)


@pytest.mark.parametrize("cut", [1, 9, 20, -1], ids=["1 byte", "checksum", "mid-JSON", "all"])
def test_a_kill_mid_append_tears_the_last_line_which_is_dropped(db_path: Path, cut: int) -> None:
    lines = _journal_of_contacts(db_path, 3)
    torn = lines[-1][:cut]
    assert not torn.endswith(b"\n")
    journal_path(db_path).write_bytes(b"".join(lines[:-1]) + torn)
    book = _book()
    replayed = replay(db_path, book)
    assert sorted(book["contacts"]) == ["1", "2"]
    assert replayed is not None
    # The next append truncates to here, so the torn bytes go.
    assert replayed.length == len(b"".join(lines[:-1]))


def test_a_kill_while_the_header_is_written_leaves_no_journal_to_replay(db_path: Path) -> None:
    header = _journal_of_contacts(db_path, 1)[0]
    journal_path(db_path).write_bytes(header[:-1])
    book = _book()
    assert replay(db_path, book) is None
    assert book == _book()


@pytest.mark.parametrize("number", [1, 2, 3, 4], ids=["header", "first", "middle", "last"])
def test_a_flipped_bit_in_a_complete_line_is_refused_with_its_path_and_number(
    db_path: Path, number: int
) -> None:
    lines = _journal_of_contacts(db_path, 3)
    lines[number - 1] = _flip_a_bit(lines[number - 1])
    journal_path(db_path).write_bytes(b"".join(lines))
    book = _book()
    with pytest.raises(JournalProblem) as refused:
        replay(db_path, book)
    journal = journal_path(db_path)
    assert str(refused.value) == f"{journal} line {number} is damaged (checksum mismatch)"
    assert (refused.value.path, refused.value.line) == (journal, number)
    assert book == _book(), "no change of a refused journal is applied"


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
    lines = _journal_of_contacts(db_path, 2)
    journal_path(db_path).write_bytes(b"".join(lines) + _checksummed(payload))
    with pytest.raises(JournalProblem, match=f"line 4 is damaged \\({why}\\)$"):
        replay(db_path, _book())


@pytest.mark.parametrize(
    "line",
    [b"\n", b"12345678\n", b"94EF09A3 {}\n", b"0x4ef09a {}\n"],
    ids=["empty", "checksum alone", "upper case", "not hexadecimal"],
)
def test_a_line_without_a_checksum_is_refused(db_path: Path, line: bytes) -> None:
    lines = _journal_of_contacts(db_path, 1)
    journal_path(db_path).write_bytes(b"".join(lines) + line)
    with pytest.raises(JournalProblem, match=r"line 3 is damaged \(no checksum\)$"):
        replay(db_path, _book())


@pytest.mark.parametrize(
    "header",
    [b'{"journal":2,"generation":"gen-1"}', b'{"journal":1}', b'["journal",1]'],
    ids=["another version", "no generation", "not an object"],
)
def test_a_first_line_that_is_not_a_header_is_refused(db_path: Path, header: bytes) -> None:
    lines = _journal_of_contacts(db_path, 1)
    journal_path(db_path).write_bytes(_checksummed(header) + lines[1])
    with pytest.raises(JournalProblem, match=r"line 1 is damaged \(not a journal header\)$"):
        replay(db_path, _book())


def test_document_ids_as_tinydb_writes_them_are_taken(db_path: Path) -> None:
    header = _journal_of_contacts(db_path, 1)[0]
    changes = [_checksummed(b'["contacts","%s",{}]' % key) for key in (b"0", b"7", b"1234")]
    journal_path(db_path).write_bytes(b"".join([header, *changes]))
    book = _book()
    replay(db_path, book)
    assert sorted(book["contacts"]) == ["0", "1234", "7"]


def test_a_journal_problem_keeps_its_place_when_it_crosses_processes(tmp_path: Path) -> None:
    problem = JournalProblem(tmp_path / "book.json.journal", 7, "checksum mismatch")
    copied = pickle.loads(pickle.dumps(problem))
    assert (copied.path, copied.line, str(copied)) == (problem.path, 7, str(problem))
    assert isinstance(copied, ValueError)


def test_a_stale_journal_is_not_read_past_its_header(db_path: Path) -> None:
    lines = _journal_of_contacts(db_path, 2)
    lines[1] = _flip_a_bit(lines[1])
    journal_path(db_path).write_bytes(b"".join(lines))
    book = _book("a later generation")
    untouched = copy.deepcopy(book)
    assert replay(db_path, book) is None
    assert book == untouched


def _listing(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_journal_set_aside_keeps_its_bytes_and_mode_under_a_new_name(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    _journal_of_contacts(db_path, 2)
    before = journal_path(db_path).read_bytes()
    aside = set_aside(db_path)
    assert aside == tmp_path / "book.json.journal.20261123T120000000.stale"
    assert _listing(tmp_path) == {aside.name: before}
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600


def test_journals_set_aside_in_the_same_millisecond_each_keep_their_own_name(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    asides = []
    for count in (1, 2, 3):
        _journal_of_contacts(db_path, count)
        asides.append(set_aside(db_path))
    assert [aside.name for aside in asides] == [
        "book.json.journal.20261123T120000000.stale",
        "book.json.journal.20261123T120000000-2.stale",
        "book.json.journal.20261123T120000000-3.stale",
    ]
    # Each holds the journal it was: its header and 1, 2 and 3 changes.
    assert [aside.read_bytes().count(b"\n") for aside in asides] == [2, 3, 4]


def test_a_journal_set_aside_is_taken_for_no_file_of_any_book(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    _journal_of_contacts(db_path, 1)
    aside = set_aside(db_path)
    # Neither a backup, nor a journal, nor a temp file, of this book or of a
    # book named like the journal itself.
    for book in (db_path, journal_path(db_path), aside.with_suffix("")):
        assert backups_of(book) == []
        assert remove_stale_temp_files(book) == 0
        assert not journal_path(book).exists()
    assert not aside.name.endswith(".journal")
    assert aside.exists()


def test_a_journal_is_set_aside_by_a_copy_where_hard_links_are_refused(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: pendulum.DateTime
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    _journal_of_contacts(db_path, 2)
    before = journal_path(db_path).read_bytes()
    monkeypatch.setattr(os, "link", refused)
    aside = set_aside(db_path)
    assert _listing(tmp_path) == {aside.name: before}
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600


def test_the_generation_of_a_journal_is_read_from_its_header_alone(db_path: Path) -> None:
    lines = _journal_of_contacts(db_path, 2)
    lines[2] = _flip_a_bit(lines[2])  # a later line's damage is not its business
    journal_path(db_path).write_bytes(b"".join(lines))
    assert journal_generation(db_path) == GENERATION


def test_no_journal_and_a_header_torn_by_a_kill_name_no_generation(db_path: Path) -> None:
    assert journal_generation(db_path) is None
    header = _journal_of_contacts(db_path, 1)[0]
    journal_path(db_path).write_bytes(header[:-1])
    assert journal_generation(db_path) is None


def test_a_damaged_header_names_no_generation_but_is_refused(db_path: Path) -> None:
    lines = _journal_of_contacts(db_path, 1)
    journal_path(db_path).write_bytes(_flip_a_bit(lines[0]) + lines[1])
    with pytest.raises(JournalProblem, match=r"line 1 is damaged \(checksum mismatch\)$"):
        journal_generation(db_path)


def test_restart_deletes_the_journal_its_book_now_holds(tmp_path: Path, db_path: Path) -> None:
    journal = Journal(db_path, GENERATION)
    journal.append("contacts", "1", {"name": "Marta"})
    journal.restart("gen-2")
    assert _listing(tmp_path) == {}
    journal.append("contacts", "2", {"name": "Jonas"})
    journal.close()
    assert journal_generation(db_path) == "gen-2"


def test_a_journal_of_another_generation_in_the_way_of_a_new_one_is_set_aside(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    _journal_of_contacts(db_path, 2)
    stale = journal_path(db_path).read_bytes()
    journal = Journal(db_path, "gen-2")
    journal.append("contacts", "3", {"name": "Olga"})
    journal.close()
    assert journal_generation(db_path) == "gen-2"
    assert _listing(tmp_path)["book.json.journal.20261123T120000000.stale"] == stale


def test_an_empty_file_in_the_way_of_a_new_journal_is_not_kept(
    tmp_path: Path, db_path: Path
) -> None:
    journal_path(db_path).write_bytes(b"")
    journal = Journal(db_path, GENERATION)
    journal.append("contacts", "1", {"name": "Marta"})
    journal.close()
    assert [path.name for path in tmp_path.iterdir()] == ["book.json.journal"]


def _damage_lines(db_path: Path, *numbers: int) -> list[bytes]:
    """Flip a bit in each of the journal's lines ``numbers``; all its lines, as they were."""
    journal = journal_path(db_path)
    lines = journal.read_bytes().splitlines(keepends=True)
    damaged = [_flip_a_bit(line) if n in numbers else line for n, line in enumerate(lines, 1)]
    journal.write_bytes(b"".join(damaged))
    return lines


def test_repair_keeps_every_good_line_and_sets_the_journal_as_it_was_aside(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    _journal_of_contacts(db_path, 4)
    lines = _damage_lines(db_path, 3)  # contact 2's line
    damaged = journal_path(db_path).read_bytes()
    report = repair_journal(db_path)
    assert report is not None
    assert (report.kept, report.dropped, report.set_aside_whole) == (3, (3,), False)
    assert report.original == tmp_path / "book.json.journal.20261123T120000000.stale"
    assert _listing(tmp_path) == {
        "book.json.journal": b"".join([lines[0], lines[1], lines[3], lines[4]]),
        report.original.name: damaged,
    }
    assert stat.S_IMODE(journal_path(db_path).stat().st_mode) == 0o600
    book = _book()
    replay(db_path, book)
    assert sorted(book["contacts"]) == ["1", "3", "4"]


def test_repair_leaves_out_every_damaged_line_and_a_torn_one(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    _journal_of_contacts(db_path, 4)
    _damage_lines(db_path, 2, 5)  # the first change and the last
    with journal_path(db_path).open("ab") as journal:
        journal.write(b'0badc0de ["contacts","9",{"na')
    report = repair_journal(db_path)
    assert report is not None
    assert (report.kept, report.dropped) == (2, (2, 5))
    book = _book()
    replayed = replay(db_path, book)
    assert sorted(book["contacts"]) == ["2", "3"]
    assert replayed is not None
    assert replayed.length == journal_path(db_path).stat().st_size


def test_a_journal_whose_header_is_damaged_is_set_aside_whole(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    _journal_of_contacts(db_path, 2)
    _damage_lines(db_path, 1)
    damaged = journal_path(db_path).read_bytes()
    report = repair_journal(db_path)
    assert report is not None
    assert (report.kept, report.dropped, report.set_aside_whole) == (0, (1,), True)
    assert _listing(tmp_path) == {report.original.name: damaged}


@pytest.mark.parametrize("journal", ["none", "whole", "torn at the end"])
def test_repair_writes_nothing_when_no_line_is_damaged(
    tmp_path: Path, db_path: Path, journal: str
) -> None:
    if journal != "none":
        _journal_of_contacts(db_path, 2)
    if journal == "torn at the end":
        with journal_path(db_path).open("ab") as file:
            file.write(b"0badc0de torn")
    before = _listing(tmp_path)
    assert repair_journal(db_path) is None
    assert _listing(tmp_path) == before


def test_a_full_disk_during_repair_leaves_the_journal_as_it_was(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: pendulum.DateTime
) -> None:
    def no_space(fd: int, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    _journal_of_contacts(db_path, 3)
    _damage_lines(db_path, 2)
    damaged = journal_path(db_path).read_bytes()
    monkeypatch.setattr(atomic_module, "write_all", no_space)
    with pytest.raises(OSError, match="No space left"):
        repair_journal(db_path)
    assert _listing(tmp_path) == {
        "book.json.journal": damaged,
        "book.json.journal.20261123T120000000.stale": damaged,
    }


def test_the_damage_of_a_journal_counts_the_changes_a_repair_keeps(db_path: Path) -> None:
    _journal_of_contacts(db_path, 5)
    _damage_lines(db_path, 2, 4)
    damage = journal_damage(db_path, GENERATION)
    assert damage is not None
    assert [problem.line for problem in damage.problems] == [2, 4]
    assert damage.good == 3
    assert str(damage.problems[0]) == (
        f"{journal_path(db_path)} line 2 is damaged (checksum mismatch)"
    )


def test_a_damaged_header_is_damage_whatever_book_it_was_for(db_path: Path) -> None:
    _journal_of_contacts(db_path, 2)
    _damage_lines(db_path, 1)
    damage = journal_damage(db_path, "any generation")
    assert damage is not None
    assert ([problem.line for problem in damage.problems], damage.good) == ([1], 0)


@pytest.mark.parametrize(
    ("journal", "book"),
    [("none", GENERATION), ("whole", GENERATION), ("damaged", "a later generation")],
    ids=["no journal", "a whole journal", "a damaged journal of another generation"],
)
def test_a_journal_that_replays_or_is_not_replayed_has_no_damage(
    db_path: Path, journal: str, book: str
) -> None:
    if journal != "none":
        _journal_of_contacts(db_path, 2)
    if journal == "damaged":
        _damage_lines(db_path, 2)
    assert journal_damage(db_path, book) is None
