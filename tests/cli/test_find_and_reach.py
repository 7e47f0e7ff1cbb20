"""`bchan find` and `bchan reach`."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Store
from bchan_tui.data.domain.search import ContactSearch
from bchan_tui.data.samples.demo_book import build_demo_book
from bchan_tui.data.storage import questions as questions_module

from .helpers import Book, bchan

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
        search = ContactSearch.of(store.contacts(), store.channels())
    for query in ("north", "analyst", "mlq", "garcia", "press editor", "tag:press", "@proton"):
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
    monkeypatch.setattr(questions_module, "contact_rows", refuse)
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


def test_reach_names_an_archived_contact_only_with_archived(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    for text in ("Olga Ivanova", book.olga):
        status, out, err = bchan(capsys, book, "reach", text)
        assert (status, out) == (1, "")
        assert "archived: Olga Ivanova (add --archived)" in err
        status, out, _ = bchan(capsys, book, "reach", text, "--archived")
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
