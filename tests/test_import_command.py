"""``bchan import``: the report it prints, dry runs, the lock, and a file
it cannot read."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Store

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@pytest.fixture
def book(db_path: Path, frozen: pendulum.DateTime) -> Path:
    with Store(db_path):
        pass
    return db_path


def test_bchan_import_prints_the_report(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(FIXTURES / "broken.vcf"), "--db", str(book)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("broken.vcf (vCard): 4 added, 0 merged, 3 skipped")
    assert 'line 1: added: "Grace Liu" with 1 channel' in out
    assert "line 34: skipped: the file ends inside this card (no END:VCARD)" in out


def test_bchan_import_dry_run_writes_nothing(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = book.read_bytes()
    assert main(["import", str(FIXTURES / "outlook.csv"), "--db", str(book), "--dry-run"]) == 0
    assert "would import" in capsys.readouterr().out
    assert book.read_bytes() == before


def test_bchan_import_dry_run_into_a_book_not_made_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "new.json"
    assert main(["import", str(FIXTURES / "google.csv"), "--db", str(missing), "--dry-run"]) == 0
    assert "4 added" in capsys.readouterr().out
    assert not missing.exists()


def test_bchan_import_takes_the_lock_but_a_dry_run_does_not(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(book):
        assert main(["import", str(FIXTURES / "google.csv"), "--db", str(book)]) == 2
        assert "already open for writing" in capsys.readouterr().err
        command = ["import", str(FIXTURES / "google.csv"), "--db", str(book), "--dry-run"]
        assert main(command) == 0
    with Store(book, read_only=True) as after:
        assert after.contacts() == []


def test_bchan_import_refuses_an_unknown_file(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(FIXTURES / "unknown.csv"), "--db", str(book)]) == 1
    assert "is not one bchan knows: it reads Google Contacts" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "missing.vcf"), "--db", str(book)]) == 1
    assert "cannot read" in capsys.readouterr().err
