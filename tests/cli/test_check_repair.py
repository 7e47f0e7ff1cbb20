"""``bchan check`` on a book whose journal a failing disk damaged: it names
the line and offers ``--repair``, which keeps the good lines and the
journal as it was; without ``--repair`` nothing is written."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from bchan_tui.data import Store
from bchan_tui.data.storage.journal import Journal, generation_of, journal_path
from bchan_tui.data.storage.lock import SessionLock

from .helpers import Book, bchan

RENAMED = {"marta": "Marta Berg", "priya": "Priya Iyer", "kwame": "Kwame Osei", "ann": "Ann Kim"}


def _left_by_a_killed_session(book: Book) -> list[bytes]:
    """The journal a dashboard killed before closing leaves: one line per
    renamed contact (Marta, Priya, Kwame, Ann, in order) after the header.
    Returns its lines."""
    data = msgspec.json.decode(book.path.read_bytes())
    journal = Journal(book.path, generation_of(data))
    for who, name in RENAMED.items():
        contact_id = getattr(book, who)
        key, doc = next((k, d) for k, d in data["contacts"].items() if d["id"] == contact_id)
        journal.append("contacts", key, {**doc, "name": name})
    journal.close()
    return journal_path(book.path).read_bytes().splitlines(keepends=True)


def _flip_a_bit_in_line(book: Book, number: int) -> bytes:
    """Flip one bit inside the JSON of journal line ``number`` (from 1), as
    a failing disk does; the journal's bytes after."""
    journal = journal_path(book.path)
    lines = journal.read_bytes().splitlines(keepends=True)
    line = bytearray(lines[number - 1])
    line[12] ^= 0x01
    lines[number - 1] = bytes(line)
    journal.write_bytes(b"".join(lines))
    return journal.read_bytes()


def _folder(book: Book) -> dict[str, bytes]:
    """Every file beside the book, and its bytes."""
    return {path.name: path.read_bytes() for path in sorted(book.path.parent.iterdir())}


def _names(book: Book) -> dict[str, str]:
    with Store(book.path, read_only=True) as store:
        return {who: store.contact(getattr(book, who)).name for who in RENAMED}


def test_check_names_the_damaged_line_offers_repair_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    _left_by_a_killed_session(book)
    _flip_a_bit_in_line(book, 3)  # Priya's rename
    before = _folder(book)
    status, out, _ = bchan(capsys, book, "check")
    assert status == 2
    assert f"{journal_path(book.path)} line 3 is damaged (checksum mismatch)" in out
    assert "run `bchan check --repair` to keep the 3 good lines" in out
    assert _folder(book) == before


def test_check_repair_keeps_every_good_line_and_the_journal_as_it_was(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    lines = _left_by_a_killed_session(book)
    damaged = _flip_a_bit_in_line(book, 3)
    before = _folder(book)
    status, out, _ = bchan(capsys, book, "check", "--repair")
    assert status == 0, out
    assert "repaired: kept the 3 good lines, left out line(s) 3" in out
    assert out.rstrip().endswith("ok: no problems found")
    added = {name: _folder(book)[name] for name in set(_folder(book)) - set(before)}
    (aside,) = [name for name in added if name.endswith(".stale")]
    assert added[aside] == damaged
    assert journal_path(book.path).read_bytes() == b"".join([*lines[:2], *lines[3:]])
    # Priya's rename was on the damaged line; the renames after it are kept.
    assert _names(book) == {**RENAMED, "priya": "Priya Raman"}


def test_check_repair_sets_aside_a_journal_whose_first_line_is_damaged(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    _left_by_a_killed_session(book)
    damaged = _flip_a_bit_in_line(book, 1)
    status, out, _ = bchan(capsys, book, "check")
    assert status == 2
    assert "run `bchan check --repair` to set the journal aside" in out
    status, out, _ = bchan(capsys, book, "check", "--repair")
    assert status == 0, out
    assert "repaired: the journal was set aside whole" in out
    assert not journal_path(book.path).exists()
    (aside,) = book.path.parent.glob("*.stale")
    assert aside.read_bytes() == damaged
    assert _names(book)["marta"] == "Marta Lindqvist"


def test_a_line_torn_by_a_kill_is_no_damage_to_check(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    _left_by_a_killed_session(book)
    with journal_path(book.path).open("ab") as journal:
        journal.write(b'0badc0de ["contacts","9",{"na')
    before = _folder(book)
    status, out, _ = bchan(capsys, book, "check", "--repair")
    assert status == 0, out
    assert "repaired" not in out
    assert _folder(book) == before


def test_check_repair_waits_for_no_session_holding_the_book(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    _left_by_a_killed_session(book)
    _flip_a_bit_in_line(book, 3)
    with SessionLock(book.path):
        before = _folder(book)
        status, _, err = bchan(capsys, book, "check", "--repair")
        assert status == 2
        assert "already open for writing" in err
        assert _folder(book) == before


def test_check_repair_of_a_book_that_is_not_json_writes_nothing(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    _left_by_a_killed_session(book)
    _flip_a_bit_in_line(book, 3)
    book.path.write_bytes(b'{"contacts": ')
    before = _folder(book)
    status, out, _ = bchan(capsys, book, "check", "--repair")
    assert status == 2
    assert "nothing repaired" in out
    assert _folder(book) == before


def test_check_repair_of_a_healthy_book_writes_nothing(
    capsys: pytest.CaptureFixture[str], book: Book, tmp_path: Path
) -> None:
    before = _folder(book)
    status, out, _ = bchan(capsys, book, "check", "--repair")
    assert status == 0
    assert "repaired" not in out
    assert _folder(book) == before
