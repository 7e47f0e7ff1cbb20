"""`bchan query` for mail clients, and what every shell command shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from bchan_tui.cli import main

from .helpers import Book, bchan, touches_of

# --- query ------------------------------------------------------------------


def test_query_prints_a_status_line_then_address_name_note(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bchan(capsys, book, "query", "marta")
    assert status == 0
    assert out.splitlines() == [
        "bchan found 1 address",
        "marta.lindqvist@northwind.example\tMarta Lindqvist\tNorthwind Logistics · public",
    ]


def test_query_matches_an_address_and_leaves_private_ones_out(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bchan(capsys, book, "query", "priya")
    assert status == 0
    assert out.splitlines() == [
        "bchan found 1 address (1 private left out)",
        "priya.raman@northwind.example\tPriya Raman\tNorthwind Logistics · public",
    ]
    status, out, _ = bchan(capsys, book, "query", "gartner.exam")
    assert out.splitlines()[1].split("\t") == [
        "ann.lee@gartner.example",
        "Ann Lee",
        "Gartner · public",
    ]


def test_query_never_matches_a_private_address_it_would_not_show(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    # Priya's private address is the only one with "fastmail" in it: an
    # answer naming her would say whose it is.
    status, out, _ = bchan(capsys, book, "query", "fastmail")
    assert status == 1
    assert out == "bchan found no address\n"
    status, out, _ = bchan(capsys, book, "query", "--private", "fastmail")
    assert status == 0
    assert "priya.r@fastmail.example\tPriya Raman\tNorthwind Logistics · private" in out


def test_query_exits_1_with_a_status_line_when_nothing_matches(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(capsys, book, "query", "zzyzx")
    assert status == 1
    assert out == "bchan found no address\n"
    assert err == ""


def test_query_includes_private_addresses_when_configured(
    book: Book, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text("[query]\ninclude_private = true\n")
    monkeypatch.setenv("BCHAN_CONFIG", str(settings))
    status, out, _ = bchan(capsys, book, "query", "priya")
    assert status == 0
    assert out.splitlines() == [
        "bchan found 2 addresses",
        "priya.raman@northwind.example\tPriya Raman\tNorthwind Logistics · public",
        "priya.r@fastmail.example\tPriya Raman\tNorthwind Logistics · private",
    ]
    # The command line wins over the settings.
    status, out, _ = bchan(capsys, book, "query", "--no-private", "priya")
    assert "fastmail" not in out


def test_query_private_addresses_from_the_environment(
    book: Book, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BCHAN_QUERY_PRIVATE", "1")
    _, out, _ = bchan(capsys, book, "query", "priya")
    assert "priya.r@fastmail.example" in out


def test_query_marks_a_hot_address(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(3):
        main(["log", "Priya", "--channel", "public:email", "--db", str(book.path)])
    capsys.readouterr()
    _, out, _ = bchan(capsys, book, "query", "priya")
    assert out.splitlines()[1].endswith("\tNorthwind Logistics · public · hot")


def test_query_with_broken_settings_exits_2(
    book: Book, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text("[query\n")
    monkeypatch.setenv("BCHAN_CONFIG", str(settings))
    status, out, err = bchan(capsys, book, "query", "priya")
    assert status == 2
    assert out == ""
    assert err.startswith(f"bchan: cannot read settings {settings}: not valid TOML")


# --- every command -----------------------------------------------------------


def test_bchan_db_chooses_the_book(
    book: Book, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BCHAN_DB", str(book.path))
    assert main(["reach", "Priya"]) == 0
    assert "priya.raman@northwind.example" in capsys.readouterr().out
    assert main(["query", "Priya"]) == 0
    assert main(["log", "Priya", "--channel", "public:email"]) == 0
    assert main(["find", "Priya"]) == 0
    assert "Priya Raman" in capsys.readouterr().out
    assert touches_of(book, book.priya) == [("public email", "out", "routine", "")]


def test_db_before_the_command_is_honoured(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(book.path), "reach", "Priya"]) == 0
    assert "priya.raman@northwind.example" in capsys.readouterr().out


def test_read_only_commands_take_no_lock(
    book: Book, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy = tmp_path / "copy" / "book.json"
    copy.parent.mkdir()
    copy.write_bytes(book.path.read_bytes())
    for argv in (["find", "marta"], ["reach", "marta"], ["query", "marta"]):
        assert main([*argv, "--db", str(copy)]) == 0
    assert sorted(p.name for p in copy.parent.iterdir()) == ["book.json"]


@pytest.mark.parametrize(
    "argv",
    [["find", "x"], ["reach", "x"], ["query", "x"], ["log", "x", "--channel", "email"]],
)
def test_a_broken_database_exits_2_with_one_line(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"contacts": [')
    status = main([*argv, "--db", str(broken)])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.startswith(f"bchan: cannot open {broken}: it is not valid JSON")
    assert err.count("\n") == 1
    assert broken.read_text() == '{"contacts": ['


def test_a_missing_database_is_not_created_by_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.json"
    assert main(["find", "x", "--db", str(missing)]) == 2
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists()
