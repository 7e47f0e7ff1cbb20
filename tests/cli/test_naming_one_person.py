"""A contact named on the command line is the one meant, or nobody: a
command that writes never writes to someone it only guessed."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Store
from bchan_tui.data.samples.demo_book import build_demo_book


@pytest.fixture
def demo(db_path: Path, frozen: pendulum.DateTime) -> Path:
    with Store(db_path) as store:
        build_demo_book(store)
        oliver = next(c for c in store.contacts() if c.name == "Oliver Hart")
        store.archive_contact(oliver.id)
    return db_path


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    status = main([*argv, "--db", str(db)])
    out, err = capsys.readouterr()
    return status, out, err


def touch_count(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return sum(len(store.touches_of(c.id)) for c in store.contacts(include_archived=True))


def test_logging_to_someone_not_in_the_book_writes_nothing(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = touch_count(demo)
    status, out, err = run(capsys, demo, "log", "Oscar Wilde", "--channel", "email", "--yes")
    assert (status, out) == (1, "")
    assert err.startswith("bchan: no contact matches 'Oscar Wilde'")
    assert touch_count(demo) == before


def test_a_near_name_is_suggested_and_never_acted_on(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = touch_count(demo)
    status, out, err = run(capsys, demo, "log", "Marta Lindkvist", "--channel", "signal", "--yes")
    assert (status, out) == (1, "")
    assert "Did you mean: Marta Lindqvist?" in err
    assert touch_count(demo) == before
    status, out, err = run(capsys, demo, "reach", "Laura Kim")
    assert (status, out) == (1, "")


def test_an_archived_contact_needs_archived(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, demo, "reach", "Oliver Hart")
    assert (status, out) == (1, "")
    assert "archived: Oliver Hart (add --archived)" in err
    status, out, _ = run(capsys, demo, "reach", "Oliver Hart", "--archived")
    assert status == 0
    assert out.startswith("Oliver Hart")


def test_words_that_start_several_names_list_them_and_exit_3(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, demo, "reach", "northwind")
    assert (status, out) == (3, "")
    listed = err.splitlines()[1:-1]
    assert len(listed) >= 2
    assert all("Northwind Logistics" in line for line in listed)


def test_a_codename_names_its_contact_for_export(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(demo, read_only=True) as store:
        coded = next(c for c in store.contacts() if c.codename)
    status, out, err = run(capsys, demo, "export", "--contact", coded.codename.lower())
    assert status == 0, err
    assert f"### {coded.codename}" in out
    assert coded.name not in out


def test_demo_never_writes_into_the_users_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.json"
    monkeypatch.setenv("BCHAN_DB", str(mine))
    assert main(["demo"]) == 2
    assert "--db PATH" in capsys.readouterr().err
    assert not mine.exists()
    assert main(["demo", "--force"]) == 2
    assert not mine.exists()
    demo = tmp_path / "demo.json"
    assert main(["demo", "--db", str(demo)]) == 0
    assert demo.exists()
