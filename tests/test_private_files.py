"""Every file bchan writes is private (mode 0600, its folder 0700), even
under a permissive umask; and an export aimed at a symlink replaces the link
instead of writing through it into the file it points at."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Rung, Store
from bchan_tui.data.samples.demo_book import build_demo_book

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Files made without an explicit mode would come out world-writable."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def test_every_file_of_a_session_is_private(
    tmp_path: Path,
    frozen: pendulum.DateTime,
    open_umask: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "books"
    db = folder / "book.json"
    seen: dict[str, int] = {}

    def note_modes() -> None:
        for path in folder.iterdir():
            seen[path.name] = mode(path)

    with Store(db) as store:
        marta = store.add_contact("Marta Lindqvist")
        signal = store.add_channel(marta.id, Rung.PRIVATE, "signal", "+46 70 555 0142")
        store.log_touch(marta.id, signal.id, reason="board deck")
        note_modes()  # the book, its lock and the journal of single changes
    with pendulum.travel_to(frozen.add(days=1), freeze=True):
        with Store(db) as store:
            store.contacts()  # the day's backup
            note_modes()
        assert (
            main(["log", "Marta", "--channel", "signal", "--reason", "x", "--yes", "--db", str(db)])
            == 0
        )
        assert main(["import", str(FIXTURES / "google.csv"), "--db", str(db)]) == 0
        assert main(["export", "--db", str(db), "-o", str(folder / "book.md")]) == 0
        vcard = ["export", "--db", str(db), "--format", "vcard", "--reveal"]
        assert main([*vcard, "-o", str(folder / "book.vcf")]) == 0
    capsys.readouterr()
    note_modes()
    names = set(seen)
    assert {"book.json", "book.json.lock", "book.md", "book.vcf"} <= names
    assert any(name.endswith(".bak") for name in names)
    assert any(name.endswith(".journal") for name in names)
    assert {name: m for name, m in seen.items() if m != 0o600} == {}
    assert mode(folder) == 0o700


@pytest.fixture
def demo_file(db_path: Path, frozen: pendulum.DateTime) -> Path:
    with Store(db_path) as store:
        build_demo_book(store)
    return db_path


@pytest.mark.parametrize("format_", ["markdown", "vcard"])
def test_an_export_onto_a_symlink_replaces_the_link_not_its_target(
    demo_file: Path, tmp_path: Path, format_: str, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours")
    victim.chmod(0o644)
    link = tmp_path / "export.out"
    link.symlink_to(victim)
    command = ["export", "--db", str(demo_file), "--format", format_, "--reveal", "-o", str(link)]
    assert main(command) == 1  # it exists: not replaced without --force
    assert main([*command, "--force"]) == 0
    capsys.readouterr()
    assert victim.read_text() == "not yours"
    assert mode(victim) == 0o644
    assert not link.is_symlink()
    assert mode(link) == 0o600
    assert link.read_text().startswith("# Back channels" if format_ == "markdown" else "BEGIN")


def test_an_export_onto_a_dangling_symlink_does_not_create_its_target(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "planted.md"
    link = tmp_path / "export.md"
    link.symlink_to(target)
    assert main(["export", "--db", str(demo_file), "-o", str(link)]) == 0
    capsys.readouterr()
    assert not target.exists()
    assert not link.is_symlink()
    assert mode(link) == 0o600
