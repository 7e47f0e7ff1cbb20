"""``bchan merge``: into a book under its lock, as git's merge driver on
three temporary files, and from a synced folder's conflict copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bchan_tui.cli import main
from bchan_tui.data import Store
from bchan_tui.data.storage.conflict_copies import conflict_copies

from .helpers import Book

# Names the sync tools give the copy they could not reconcile, as their
# sources and documentation spell them.
SYNCTHING = "book.sync-conflict-20261207-101500-ABCDEFG.json"
NEXTCLOUD = "book (conflicted copy 2026-12-07 101500).json"
NEXTCLOUD_WITH_USER = "book (conflicted copy ana 2026-12-07 101500).json"
OWNCLOUD_OLD = "book_conflict-20261207-101500.json"
DROPBOX = "book (Ana Souza's conflicted copy 2026-12-07).json"
DROPBOX_AGAIN = "book (Ana Souza's conflicted copy 2026-12-07) (1).json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def other_device(book: Book, folder: Path, name: str = "Ana Souza") -> Path:
    """A copy of the book that went its own way: one contact more."""
    folder.mkdir(exist_ok=True)
    copy = folder / "book.json"
    shutil.copy(book.path, copy)
    with Store(copy) as store:
        store.add_contact(name)
        store.index()
    return copy


def names(path: Path) -> list[str]:
    with Store(path, read_only=True) as store:
        return sorted(contact.name for contact in store.contacts())


def test_merge_ours_theirs_adds_the_other_copy_s_records(
    book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "base.json"
    shutil.copy(book.path, base)
    theirs = other_device(book, tmp_path / "desktop")

    status, out, _ = run(capsys, "merge", str(book.path), str(theirs), "--base", str(base))

    assert status == 0
    assert "added: 1 contacts" in out
    assert "Ana Souza" in names(book.path)


def test_the_git_driver_writes_the_merge_to_ours_and_leaves_nothing_beside_it(
    book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # git hands the driver three temporary files in the work tree.
    work = tmp_path / "work"
    work.mkdir()
    base, ours = work / ".merge_file_base", work / ".merge_file_ours"
    shutil.copy(book.path, base)
    shutil.copy(other_device(book, tmp_path / "laptop", "Kwame Asante"), ours)
    theirs = work / ".merge_file_theirs"
    shutil.copy(other_device(book, tmp_path / "desktop", "Ana Souza"), theirs)

    status, out, _ = run(capsys, "merge", "--git", str(base), str(ours), str(theirs))

    assert status == 0, out
    assert {"Ana Souza", "Kwame Asante"} <= set(names(ours))
    assert sorted(p.name for p in work.iterdir()) == [
        ".merge_file_base",
        ".merge_file_ours",
        ".merge_file_theirs",
    ]


def test_the_git_driver_refuses_a_copy_with_conflict_markers_and_keeps_ours(
    book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = tmp_path / "ours.json"
    shutil.copy(book.path, ours)
    theirs = tmp_path / "theirs.json"
    theirs.write_text('<<<<<<< HEAD\n{"_meta": {}}\n=======\n>>>>>>> main\n')
    before = ours.read_bytes()

    status, _, err = run(capsys, "merge", "--git", str(book.path), str(ours), str(theirs))

    assert status == 2
    assert "theirs.json" in err and "not valid JSON" in err
    assert ours.read_bytes() == before


@pytest.mark.parametrize(
    "name", [SYNCTHING, NEXTCLOUD, NEXTCLOUD_WITH_USER, OWNCLOUD_OLD, DROPBOX, DROPBOX_AGAIN]
)
def test_a_conflict_copy_is_merged_from_the_shell_and_then_removed(
    book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    copy = book.path.parent / name
    shutil.move(other_device(book, tmp_path / "desktop"), copy)
    assert conflict_copies(book.path) == [copy]

    status, out, _ = run(capsys, "merge", "--from", str(copy), "--db", str(book.path))

    assert status == 0, out
    assert "Ana Souza" in names(book.path)
    assert not copy.exists()
    assert "removed the conflict copy" in out


def test_a_file_that_is_not_a_conflict_copy_is_merged_and_kept(
    book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = other_device(book, tmp_path / "desktop")

    status, _, _ = run(capsys, "merge", "--from", str(other), "--db", str(book.path))

    assert status == 0
    assert "Ana Souza" in names(book.path)
    assert other.exists()


def test_a_broken_conflict_copy_is_reported_and_kept(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = book.path.parent / SYNCTHING
    copy.write_text('{"contacts": ')
    before = book.path.read_bytes()

    status, _, err = run(capsys, "merge", "--from", str(copy), "--db", str(book.path))

    assert status == 2
    assert SYNCTHING in err
    assert copy.exists()
    assert book.path.read_bytes() == before


def test_merge_stops_while_another_session_holds_the_book(
    book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = other_device(book, tmp_path / "desktop")
    with Store(book.path):
        status, _, err = run(capsys, "merge", "--from", str(other), "--db", str(book.path))
    assert status == 2
    assert "already open for writing" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["merge"],
        ["merge", "one.json"],
        ["merge", "--git", "a", "b"],
        ["merge", "--from", "x.json", "y.json"],
    ],
)
def test_a_wrong_call_says_how_to_call_it(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "merge:" in err


def test_only_the_book_s_own_conflict_copies_are_found(book: Book) -> None:
    folder = book.path.parent
    for name in (
        SYNCTHING,
        "book.json.journal",
        "book.json.lock",
        "book.json.20261207T101500000.bak",
        "other.sync-conflict-20261207-101500-ABCDEFG.json",
        "book.sync-conflict-20261207-101500-ABCDEFG.json.journal",
        "notes (conflicted copy 2026-12-07 101500).json",
    ):
        (folder / name).write_text("{}")
    assert conflict_copies(book.path) == [folder / SYNCTHING]
