"""A damaged journal told apart and repaired on request (keeping every good
line), and a journal set aside rather than deleted."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pendulum
import pytest
from journal_lines import book_of, flip_a_bit, journal_of_contacts

from bchan_tui.data.storage import atomic as atomic_module
from bchan_tui.data.storage.atomic import remove_stale_temp_files
from bchan_tui.data.storage.backups import backups_of
from bchan_tui.data.storage.journal import (
    Journal,
    JournalProblem,
    journal_generation,
    journal_path,
    replay,
    set_aside,
)
from bchan_tui.data.storage.journal_repair import journal_damage, repair_journal

GENERATION = "gen-1"


def _listing(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_journal_set_aside_keeps_its_bytes_and_mode_under_a_new_name(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    journal_of_contacts(db_path, 2)
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
        journal_of_contacts(db_path, count)
        asides.append(set_aside(db_path))
    assert [aside.name for aside in asides] == [
        "book.json.journal.20261123T120000000.stale",
        "book.json.journal.20261123T120000000-2.stale",
        "book.json.journal.20261123T120000000-3.stale",
    ]
    # Each holds the journal it was: its header and 1, 2 and 3 changes.
    assert [aside.read_bytes().count(b"\n") for aside in asides] == [2, 3, 4]


def test_a_journal_set_aside_is_taken_for_no_file_of_anybook_of(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    journal_of_contacts(db_path, 1)
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

    journal_of_contacts(db_path, 2)
    before = journal_path(db_path).read_bytes()
    monkeypatch.setattr(os, "link", refused)
    aside = set_aside(db_path)
    assert _listing(tmp_path) == {aside.name: before}
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600


def test_the_generation_of_a_journal_is_read_from_its_header_alone(db_path: Path) -> None:
    lines = journal_of_contacts(db_path, 2)
    lines[2] = flip_a_bit(lines[2])  # a later line's damage is not its business
    journal_path(db_path).write_bytes(b"".join(lines))
    assert journal_generation(db_path) == GENERATION


def test_no_journal_and_a_header_torn_by_a_kill_name_no_generation(db_path: Path) -> None:
    assert journal_generation(db_path) is None
    header = journal_of_contacts(db_path, 1)[0]
    journal_path(db_path).write_bytes(header[:-1])
    assert journal_generation(db_path) is None


def test_a_damaged_header_names_no_generation_but_is_refused(db_path: Path) -> None:
    lines = journal_of_contacts(db_path, 1)
    journal_path(db_path).write_bytes(flip_a_bit(lines[0]) + lines[1])
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
    journal_of_contacts(db_path, 2)
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
    damaged = [flip_a_bit(line) if n in numbers else line for n, line in enumerate(lines, 1)]
    journal.write_bytes(b"".join(damaged))
    return lines


def test_repair_keeps_every_good_line_and_sets_the_journal_as_it_was_aside(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    journal_of_contacts(db_path, 4)
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
    book = book_of()
    replay(db_path, book)
    assert sorted(book["contacts"]) == ["1", "3", "4"]


def test_repair_leaves_out_every_damaged_line_and_a_torn_one(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    journal_of_contacts(db_path, 4)
    _damage_lines(db_path, 2, 5)  # the first change and the last
    with journal_path(db_path).open("ab") as journal:
        journal.write(b'0badc0de ["contacts","9",{"na')
    report = repair_journal(db_path)
    assert report is not None
    assert (report.kept, report.dropped) == (2, (2, 5))
    book = book_of()
    replayed = replay(db_path, book)
    assert sorted(book["contacts"]) == ["2", "3"]
    assert replayed is not None
    assert replayed.length == journal_path(db_path).stat().st_size


def test_a_journal_whose_header_is_damaged_is_set_aside_whole(
    tmp_path: Path, db_path: Path, frozen: pendulum.DateTime
) -> None:
    journal_of_contacts(db_path, 2)
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
        journal_of_contacts(db_path, 2)
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

    journal_of_contacts(db_path, 3)
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
    journal_of_contacts(db_path, 5)
    _damage_lines(db_path, 2, 4)
    damage = journal_damage(db_path, GENERATION)
    assert damage is not None
    assert [problem.line for problem in damage.problems] == [2, 4]
    assert damage.good == 3
    assert str(damage.problems[0]) == (
        f"{journal_path(db_path)} line 2 is damaged (checksum mismatch)"
    )


def test_a_damaged_header_is_damage_whatever_book_it_was_for(db_path: Path) -> None:
    journal_of_contacts(db_path, 2)
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
        journal_of_contacts(db_path, 2)
    if journal == "damaged":
        _damage_lines(db_path, 2)
    assert journal_damage(db_path, book) is None
