"""A full disk or a read-only folder under ``bchan log`` and ``bchan import``:
one clear line on stderr, a non-zero exit status, no traceback, and every
file of the book byte for byte as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from faults import FAULTS, REASONS, assert_unchanged, fault, folder_state

from bchan_tui.data import Store

from .helpers import Book, bchan

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"

# (fault, whether today's backup exists): without one, the session's first
# act is the backup, which a full disk or a read-only folder refuses
# without stopping the command.
CASES = [(kind, backed_up) for kind in FAULTS for backed_up in (False, True)]


def back_up(book: Book) -> None:
    """A session that reads the whole book (as the dashboard does): the day's backup is made."""
    with Store(book.path) as store:
        store.contact_rows()
    assert any(p.suffix == ".bak" for p in book.path.parent.iterdir())


def touches_in(book: Book) -> int:
    with Store(book.path, read_only=True) as store:
        return store.counts()["touches"]


def check_refused(status: int, out: str, err: str, kind: str) -> None:
    assert status == 2
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith("bchan: ")
    assert REASONS[kind] in line
    assert "Traceback" not in err


@pytest.mark.parametrize(("kind", "backed_up_today"), CASES)
def test_log_on_a_full_or_read_only_disk_says_so_and_changes_nothing(
    book: Book, capsys: pytest.CaptureFixture[str], kind: str, backed_up_today: bool
) -> None:
    if backed_up_today:
        # Today's backup exists: the touch itself is the first write.
        back_up(book)
    before = folder_state(book.path.parent)
    count = touches_in(book)
    with fault(kind, book.path.parent):
        status, out, err = bchan(capsys, book, "log", "Priya", "--channel", "public", "--yes")
    check_refused(status, out, err, kind)
    assert_unchanged(before, folder_state(book.path.parent), book.path.name)
    assert touches_in(book) == count
    # With room again, the same command logs the touch.
    status, out, _ = bchan(capsys, book, "log", "Priya", "--channel", "public", "--yes")
    assert status == 0
    assert touches_in(book) == count + 1


@pytest.mark.parametrize(("kind", "backed_up_today"), CASES)
def test_import_on_a_full_or_read_only_disk_says_so_and_imports_nothing(
    book: Book, capsys: pytest.CaptureFixture[str], kind: str, backed_up_today: bool
) -> None:
    if backed_up_today:
        back_up(book)
    before = folder_state(book.path.parent)
    with fault(kind, book.path.parent):
        status, out, err = bchan(capsys, book, "import", str(FIXTURES / "google.csv"))
    check_refused(status, out, err, kind)
    assert_unchanged(before, folder_state(book.path.parent), book.path.name)
    status, out, _ = bchan(capsys, book, "import", str(FIXTURES / "google.csv"))
    assert status == 0
    assert "3 added, 1 merged" in out
