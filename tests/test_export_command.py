"""``bchan export``: to stdout or a new 0600 file, for chosen contacts or
accounts, and without taking the session lock."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pendulum
import pytest
from markdown_tokens import parse, texts_of

from bchan_tui.cli import main
from bchan_tui.data import Store
from bchan_tui.data.samples.demo_book import build_demo_book


@pytest.fixture
def demo_file(db_path: Path, frozen: pendulum.DateTime) -> Path:
    with Store(db_path) as opened:
        build_demo_book(opened)
    return db_path


def test_bchan_export_writes_stdout_by_default_and_with_dash(
    demo_file: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", "--db", str(demo_file)]) == 0
    default = capsysbinary.readouterr().out.decode()
    assert default.startswith("# Back channels, 23 Nov 2026\n")
    assert main(["export", "--db", str(demo_file), "-o", "-"]) == 0
    assert capsysbinary.readouterr().out.decode() == default


def test_bchan_export_writes_a_0600_file_and_keeps_an_existing_one(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    assert main(["export", "--db", str(demo_file), "-o", str(target)]) == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_text().startswith("# Back channels")
    target.write_text("mine")
    assert main(["export", "--db", str(demo_file), "-o", str(target)]) == 1
    assert "exists; pass --force" in capsys.readouterr().err
    assert target.read_text() == "mine"
    assert main(["export", "--db", str(demo_file), "-o", str(target), "--force"]) == 0
    assert target.read_text().startswith("# Back channels")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_bchan_export_picks_contacts_and_accounts(
    demo_file: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", "--db", str(demo_file), "--contact", "Jonas Weber"]) == 0
    document = capsysbinary.readouterr().out.decode()
    assert texts_of(parse(document), "heading_open")[3:-1] == ["Jonas Weber"]
    assert main(["export", "--db", str(demo_file), "--contact", "heron", "--contact", "wren"]) == 0
    document = capsysbinary.readouterr().out.decode()
    assert texts_of(parse(document), "heading_open")[3:-1] == ["HERON", "WREN"]
    assert main(["export", "--db", str(demo_file), "--account", "globex", "--reveal"]) == 0
    document = capsysbinary.readouterr().out.decode()
    names = texts_of(parse(document), "heading_open")[3:]
    assert set(names) == {"Elena Petrova", "Hiro Tanaka", "Sofia Rossi", "Daniel Cho"}


def test_bchan_export_reports_an_unknown_contact_or_account(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(demo_file), "--contact", "Qxz Zqx"]) == 1
    assert "no contact matches" in capsys.readouterr().err
    assert main(["export", "--db", str(demo_file), "--account", "Acme"]) == 1
    assert "no account matches 'Acme'" in capsys.readouterr().err


def test_bchan_export_reads_without_taking_the_lock(demo_file: Path, tmp_path: Path) -> None:
    with Store(demo_file):
        # The dashboard holds the session lock; an export still works.
        assert main(["export", "--db", str(demo_file), "-o", str(tmp_path / "x.md")]) == 0
    assert (tmp_path / "x.md").exists()
