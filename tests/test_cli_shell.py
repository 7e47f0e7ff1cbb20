"""The shell side: bchan find, reach, log and query, as a person (or a mail
client) runs them. Most tests call the CLI in-process; a few run it in a
subprocess end to end."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Rung, Store
from bchan_tui.data import book_reader as reader_module
from bchan_tui.data.demo_book import build_demo_book
from bchan_tui.data.search import ContactSearch

NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")


@dataclass(frozen=True)
class Book:
    path: Path
    marta: str
    priya: str
    kwame: str
    ann: str
    olga: str
    jonas: tuple[str, str]
    signal: str


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the real user's book or settings."""
    monkeypatch.delenv("BCHAN_DB", raising=False)
    monkeypatch.delenv("BCHAN_QUERY_PRIVATE", raising=False)
    monkeypatch.setenv("BCHAN_CONFIG", str(tmp_path / "no-settings.toml"))


@pytest.fixture
def book(db_path: Path, frozen: pendulum.DateTime) -> Book:
    """A small book, written and closed, so commands may take the lock."""
    with Store(db_path) as store:
        marta = store.add_contact(
            "Marta Lindqvist", org="Northwind Logistics", role="CIO", tags=["buyer"]
        )
        store.add_channel(marta.id, Rung.RELATIONSHIP, "in_person", label="coffee")
        signal = store.add_channel(marta.id, Rung.PRIVATE, "signal", "+46 70 555 0142")
        store.add_channel(marta.id, Rung.PUBLIC, "email", "marta.lindqvist@northwind.example")
        # The back channel was used two days ago: hot until 5 Dec.
        store.log_touch(marta.id, signal.id, reason="board deck", at=frozen.subtract(days=2))

        priya = store.add_contact("Priya Raman", org="Northwind Logistics", role="Architect")
        store.add_channel(priya.id, Rung.PRIVATE, "email", "priya.r@fastmail.example")
        store.add_channel(priya.id, Rung.PUBLIC, "email", "priya.raman@northwind.example")

        kwame = store.add_contact("Kwame Mensah", org="Atlas Ventures")
        store.add_channel(kwame.id, Rung.PRIVATE, "signal", "+44 7700 900123")
        store.add_channel(kwame.id, Rung.PUBLIC, "linkedin", "linkedin.com/in/kmensah")

        ann = store.add_contact("Ann Lee", org="Gartner")
        store.add_channel(ann.id, Rung.PUBLIC, "email", "ann.lee@gartner.example")
        anna = store.add_contact("Anna Berg", org="Forrester")
        store.add_channel(anna.id, Rung.PUBLIC, "email", "anna.berg@forrester.example")

        jonas_a = store.add_contact("Jonas Weber", org="Northwind Logistics")
        jonas_b = store.add_contact("Jonas Weber", org="Globex Bank")

        olga = store.add_contact("Olga Ivanova", org="Umbrella Pharma")
        store.add_channel(olga.id, Rung.PUBLIC, "email", "olga@umbrella.example")
        store.archive_contact(olga.id)
    return Book(
        db_path, marta.id, priya.id, kwame.id, ann.id, olga.id, (jonas_a.id, jonas_b.id), signal.id
    )


def bchan(capsys: pytest.CaptureFixture[str], book: Book, *argv: str) -> tuple[int, str, str]:
    status = main([*argv, "--db", str(book.path)])
    out, err = capsys.readouterr()
    return status, out, err


# --- find -------------------------------------------------------------------


def test_find_lists_matches_with_state_and_routine_channel(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(capsys, book, "find", "northwind")
    assert status == 0, err
    lines = out.splitlines()
    # Equally good matches come by name.
    assert [line.split("  ")[0] for line in lines] == [
        book.jonas[0][:8],
        book.marta[:8],
        book.priya[:8],
    ]
    marta = next(line for line in lines if "Marta Lindqvist" in line)
    assert "Northwind Logistics" in marta
    assert "fresh" in marta
    assert "relationship in person (coffee): cool" in marta
    priya = next(line for line in lines if "Priya Raman" in line)
    # Routine matters never use the private address.
    assert "public email: cool" in priya


def test_find_says_when_there_is_no_channel_for_routine_matters(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bchan(capsys, book, "find", "Jonas")
    assert status == 0
    assert out.count("no channel for routine matters") == 2


def test_find_exits_1_when_nothing_matches(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = bchan(capsys, book, "find", "zzyzx")
    assert status == 1
    assert out == ""
    assert err == "bchan: no contact matches 'zzyzx'\n"


def test_find_leaves_archived_contacts_out(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = bchan(capsys, book, "find", "--json", "Olga Ivanova")
    assert json.loads(out) == []
    _, out, _ = bchan(capsys, book, "find", "umbrella")
    assert "Olga" not in out


def test_find_json_prints_the_documented_fields(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bchan(capsys, book, "find", "--json", "marta")
    assert status == 0
    found = json.loads(out)
    assert isinstance(found, list)
    marta = found[0]
    assert set(marta) == {
        "id",
        "name",
        "org",
        "role",
        "tags",
        "state",
        "last_touch",
        "routine",
        "private_band",
    }
    assert marta["id"] == book.marta
    assert marta["name"] == "Marta Lindqvist"
    assert marta["tags"] == ["buyer"]
    assert marta["state"] == "fresh"
    assert marta["last_touch"].startswith("2026-11-21T12:00:00")
    assert marta["private_band"] == "hot"
    assert marta["routine"] == {
        "channel_id": marta["routine"]["channel_id"],
        "rung": "relationship",
        "kind": "in_person",
        "label": "coffee",
        "address": "",
        "band": "cool",
    }


def test_find_json_prints_an_empty_list_and_exits_1_for_no_match(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bchan(capsys, book, "find", "--json", "zzyzx")
    assert status == 1
    assert json.loads(out) == []


def test_find_finds_whom_the_dashboard_filter_shows(
    db_path: Path, frozen: pendulum.DateTime, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(db_path) as store:
        build_demo_book(store)
        search = ContactSearch(store.contacts())
    for query in ("north", "analyst", "mlq", "garcia", "press editor"):
        main(["find", "--json", query, "--db", str(db_path)])
        found = {item["id"] for item in json.loads(capsys.readouterr().out)}
        assert found == search.matching_ids(query), query


def test_find_ranks_close_matches_above_scattered_letters(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    # "ann" is part of "Ann Lee" and "Anna Berg", and only letters of "Marta Lindqvist ..."
    status, out, _ = bchan(capsys, book, "find", "--json", "ann")
    assert status == 0
    names = [item["name"] for item in json.loads(out)]
    assert names[:2] == ["Ann Lee", "Anna Berg"]


def test_find_does_not_derive_every_contacts_row(
    book: Book, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("find must derive rows for the matches only")

    # The whole-book derivation behind Store.contact_rows() without ids.
    monkeypatch.setattr(reader_module, "contact_rows", refuse)
    status, out, _ = bchan(capsys, book, "find", "marta")
    assert status == 0
    assert "Marta Lindqvist" in out


# --- reach ------------------------------------------------------------------


def test_reach_prints_the_channel_its_address_and_the_reason(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bchan(capsys, book, "reach", "Priya")
    assert status == 0
    assert out.splitlines() == [
        "Priya Raman (Northwind Logistics)",
        "routine: public email  priya.raman@northwind.example",
        "public email: cool, and public is enough for this",
    ]


def test_reach_masks_a_private_address_unless_revealed(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bchan(capsys, book, "reach", "kwame", "--urgency", "urgent")
    assert status == 0
    assert "urgent: private signal  +••• •••23  (masked; --reveal shows it)" in out
    assert "7700" not in out
    status, out, _ = bchan(capsys, book, "reach", "kwame", "--urgency", "urgent", "--reveal")
    assert status == 0
    assert "urgent: private signal  +44 7700 900123\n" in out


def test_reach_takes_an_id_or_its_prefix(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    for given in (book.kwame, book.kwame[:6]):
        status, out, _ = bchan(capsys, book, "reach", given)
        assert status == 0
        assert out.startswith("Kwame Mensah (Atlas Ventures)\n")


def test_reach_finds_an_archived_contact_by_id_only(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bchan(capsys, book, "reach", "Olga Ivanova")[0] == 1
    status, out, _ = bchan(capsys, book, "reach", book.olga)
    assert status == 0
    assert "olga@umbrella.example" in out


def test_reach_exits_1_when_the_name_matches_nobody(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(capsys, book, "reach", "Nobody Atall")
    assert status == 1
    assert out == ""
    assert err == "bchan: no contact matches 'Nobody Atall'\n"


def test_reach_exits_3_and_lists_them_when_the_name_matches_several(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(capsys, book, "reach", "Jonas Weber")
    assert status == 3
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == "bchan: 'Jonas Weber' matches 2 contacts"
    assert {line.strip() for line in lines[1:3]} == {
        f"{book.jonas[0][:8]}  Jonas Weber  (Northwind Logistics)",
        f"{book.jonas[1][:8]}  Jonas Weber  (Globex Bank)",
    }
    assert lines[3] == "Give more of the name, or the id."


def test_reach_prefers_an_exact_name_over_a_longer_one(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bchan(capsys, book, "reach", "ann lee")
    assert status == 0
    assert out.startswith("Ann Lee (Gartner)\n")
    assert bchan(capsys, book, "reach", "ann")[0] == 3


def test_reach_with_no_channel_says_why(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = bchan(capsys, book, "reach", book.jonas[0])
    assert status == 0
    assert out.splitlines()[1:] == [
        "routine: no channel",
        "no active channel: add one to reach this person",
    ]


# --- log --------------------------------------------------------------------


def touches_of(book: Book, contact_id: str) -> list[tuple[str, str, str, str]]:
    with Store(book.path, read_only=True) as store:
        return [
            (store.channel(t.channel_id).describe(), t.direction.value, t.urgency.value, t.note)
            for t in store.touches_of(contact_id)
        ]


def test_log_records_a_touch_on_the_channel_named_by_kind(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(
        capsys, book, "log", "Kwame", "--channel", "linkedin", "--urgency", "important",
        "--note", "sent the benchmark",
    )  # fmt: skip
    assert status == 0, err
    assert out.splitlines() == [
        "logged an outgoing important touch to Kwame Mensah on public linkedin",
        "public linkedin is now cool",
    ]
    assert touches_of(book, book.kwame) == [
        ("public linkedin", "out", "important", "sent the benchmark")
    ]


def test_log_records_an_incoming_touch(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = bchan(capsys, book, "log", "Kwame", "--channel", "signal", "--in")
    assert status == 0
    assert out.startswith("logged an incoming routine touch from Kwame Mensah on private signal")
    assert touches_of(book, book.kwame) == [("private signal", "in", "routine", "")]


def test_log_takes_an_address_for_the_channel(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = bchan(
        capsys, book, "log", "Priya", "--channel", "PRIYA.RAMAN@northwind.example"
    )
    assert status == 0, err
    assert touches_of(book, book.priya) == [("public email", "out", "routine", "")]


def test_log_on_a_private_channel_needs_a_reason(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(capsys, book, "log", "Kwame", "--channel", "signal")
    assert status == 1
    assert out == ""
    assert err == (
        "bchan: not logged: a private channel needs a reason: why not a public one? (--reason)\n"
    )
    assert touches_of(book, book.kwame) == []
    status, _, _ = bchan(
        capsys, book, "log", "Kwame", "--channel", "signal", "--reason", "urgent and cool"
    )
    assert status == 0
    assert touches_of(book, book.kwame) == [("private signal", "out", "routine", "")]


def test_log_lists_the_channels_when_the_kind_is_ambiguous(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(capsys, book, "log", "Priya", "--channel", "email")
    assert status == 3
    assert out == ""
    assert err.splitlines() == [
        "bchan: 'email' matches 2 of Priya Raman's channels; name one of them",
        "Its channels:",
        "  private email  p•••@•••.example  --channel private:email",
        "  public email  priya.raman@northwind.example  --channel public:email",
    ]
    assert touches_of(book, book.priya) == []


def test_log_refuses_a_channel_the_contact_does_not_have(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = bchan(capsys, book, "log", "Priya", "--channel", "whatsapp")
    assert status == 1
    assert err.startswith("bchan: Priya Raman has no active channel matching 'whatsapp'\n")
    assert "--channel private:email" in err


HOT_WARNING = (
    "private signal is hot (ready again on 5 Dec 2026); another use spends more of a back channel"
)


def test_log_refuses_a_hot_channel_without_yes_when_it_cannot_ask(
    book: Book, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # not a terminal: never read
    status, out, err = bchan(
        capsys, book, "log", "Marta", "--channel", "signal", "--reason", "deal at risk"
    )
    assert status == 1
    assert out == ""
    assert err == f"bchan: not logged: {HOT_WARNING}. Pass --yes to log it anyway.\n"
    assert len(touches_of(book, book.marta)) == 1


def test_log_uses_a_hot_channel_with_yes_and_still_warns(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(
        capsys, book, "log", "Marta", "--channel", "signal", "--reason", "deal at risk", "--yes"
    )
    assert status == 0
    assert err == f"bchan: warning: {HOT_WARNING}\n"
    assert out.splitlines()[1].startswith("private signal is now hot until ")
    assert len(touches_of(book, book.marta)) == 2


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "status", "touches"), [("y\n", 0, 2), ("\n", 1, 1)])
def test_log_asks_on_a_terminal_before_using_a_hot_channel(
    book: Book,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    status: int,
    touches: int,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    result, _, err = bchan(
        capsys, book, "log", "Marta", "--channel", "private", "--reason", "deal at risk"
    )
    assert result == status
    assert f"bchan: {HOT_WARNING}.\nLog it anyway? [y/N] " in err
    assert len(touches_of(book, book.marta)) == touches


def test_log_does_not_warn_for_an_incoming_touch_on_a_hot_channel(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = bchan(capsys, book, "log", "Marta", "--channel", "signal", "--in")
    assert status == 0
    assert err == ""


def test_log_is_refused_while_another_bchan_writes(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(book.path):
        status, out, err = bchan(capsys, book, "log", "Kwame", "--channel", "linkedin")
        # Reading needs no lock.
        assert bchan(capsys, book, "find", "Kwame")[0] == 0
    assert status == 2
    assert out == ""
    assert f"process {os.getpid()}" in err
    assert err.count("\n") == 1


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


# --- end to end ----------------------------------------------------------------


def run_bchan(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    environment.pop("BCHAN_QUERY_PRIVATE", None)
    return subprocess.run(
        [sys.executable, "-m", "bchan_tui", *argv],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.fixture
def real_time_book(tmp_path: Path) -> Iterator[Path]:
    # Subprocesses run at the real time, so this book's heat does not matter.
    path = tmp_path / "e2e.json"
    with Store(path) as store:
        person = store.add_contact("Mateo García", org="Forrester")
        store.add_channel(person.id, Rung.PUBLIC, "email", "mateo.garcia@forrester.example")
        store.add_channel(person.id, Rung.PRIVATE, "email", "mateo@proton.example")
    yield path


def test_end_to_end_query_for_a_mail_client(real_time_book: Path, tmp_path: Path) -> None:
    env = {"BCHAN_DB": str(real_time_book), "BCHAN_CONFIG": str(tmp_path / "none.toml")}
    result = run_bchan("query", "garcia", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "bchan found 1 address (1 private left out)",
        "mateo.garcia@forrester.example\tMateo García\tForrester · public",
    ]
    nothing = run_bchan("query", "nobody", env=env)
    assert nothing.returncode == 1
    assert nothing.stdout == "bchan found no address\n"


def test_end_to_end_find_and_reach(real_time_book: Path) -> None:
    found = run_bchan("find", "--json", "mateo", "--db", str(real_time_book))
    assert found.returncode == 0, found.stderr
    assert [item["name"] for item in json.loads(found.stdout)] == ["Mateo García"]
    reach = run_bchan("--db", str(real_time_book), "reach", "garcia", "--urgency", "urgent")
    assert reach.returncode == 0, reach.stderr
    assert "private email  m•••@•••.example  (masked; --reveal shows it)" in reach.stdout


def test_end_to_end_broken_database_gives_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("not json")
    for argv in (["find", "x"], ["log", "x", "--channel", "email"]):
        result = run_bchan(*argv, "--db", str(broken))
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("bchan: cannot open")
        assert result.stdout == ""


def test_end_to_end_output_into_a_closed_pipe_is_quiet(real_time_book: Path) -> None:
    # The reader is gone before bchan writes a line.
    command = f"{sys.executable} -m bchan_tui find --db {real_time_book} mateo | true"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr
    assert "BrokenPipe" not in result.stderr


def test_end_to_end_a_terminal_without_unicode_gets_question_marks(real_time_book: Path) -> None:
    result = run_bchan(
        "reach", "mateo", "--urgency", "urgent", "--db", str(real_time_book),
        env={"PYTHONIOENCODING": "ascii"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "Mateo Garc?a (Forrester)",
        "urgent: private email  m???@???.example  (masked; --reveal shows it)",
    ]
