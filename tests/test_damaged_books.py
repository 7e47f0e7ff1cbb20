"""A book written by another program with damaged keys or values: ``bchan
check`` names the damage and exits 2, and no command lets an exception out.

Each damaged book starts as a small valid book, is parsed with Python's
``json``, has one key or value damaged and is written back as JSON text, as
another program would write it (``NaN`` and ``Infinity`` included).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Store

NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")
# Every table's first document is Marta's, or one of hers (see ``valid_book``).
NAME = "Marta"

Book = dict[str, Any]
# Either changes the parsed book in place, or returns the book's JSON text.
Damage = Callable[[Book], str | None]


def _set(table: str, field: str, value: object) -> Damage:
    def damage(book: Book) -> None:
        book[table]["1"][field] = value

    return damage


def _rekey(table: str, old: str, new: str) -> Damage:
    def damage(book: Book) -> None:
        book[table][new] = book[table].pop(old)

    return damage


def _raw(table: str, field: str, text: str) -> Damage:
    """The field's value replaced by ``text`` in the JSON text itself:
    what Python's ``json`` cannot write."""

    def damage(book: Book) -> str:
        book[table]["1"][field] = "<damaged>"
        return json.dumps(book).replace('"<damaged>"', text, 1)

    return damage


DEEP = 100_000

# name: (damage, what ``bchan check`` says about it)
DAMAGES: dict[str, tuple[Damage, str]] = {
    # Document keys: TinyDB's doc ids, "1", "2", ...
    "key with a leading zero": (_rekey("contacts", "2", "01"), "table 'contacts': key '01'"),
    "key of a superscript two": (_rekey("touches", "1", "²"), "table 'touches': key '²'"),
    "key of an Arabic-Indic one": (
        _rekey("contacts", "2", "\u0661"),
        "table 'contacts': key '\u0661'",
    ),
    "negative key": (_rekey("channels", "2", "-1"), "table 'channels': key '-1'"),
    "key with a space": (_rekey("intel", "1", " 1"), "table 'intel': key ' 1'"),
    "key with a decimal point": (_rekey("accounts", "1", "1.0"), "table 'accounts': key '1.0'"),
    "key zero": (_rekey("contacts", "2", "0"), "table 'contacts': key '0'"),
    "key of 400 digits": (_rekey("touches", "1", "9" * 400), "table 'touches': key '999"),
    # vCard lines kept from an import.
    "vcard lines not text": (_set("contacts", "vcard", ["N:Doe"]), "field 'vcard' has the wrong"),
    "vcard line with a control character": (
        _set("contacts", "vcard", "N:Doe\x1b[31m"),
        "field 'vcard' holds a control character",
    ),
    "vcard line that is no property": (
        _set("contacts", "vcard", "N:Doe\nnot a property"),
        "field 'vcard' holds a line that is not a vCard property",
    ),
    "vcard lines past the cap": (
        _set("contacts", "vcard", "NOTE:" + "x" * 200_000),
        "field 'vcard' is 200,005 characters long; the limit is 200,000",
    ),
    # Numbers out of the bounds input validation keeps.
    "capacity 0": (_set("channels", "capacity", 0), "document 1: field 'capacity' is 0"),
    "subnormal capacity": (_set("channels", "capacity", 1e-320), "field 'capacity' is 1e-320"),
    "capacity 1e308": (_set("channels", "capacity", 1e308), "field 'capacity' is 1e+308"),
    "capacity over 64 bits": (_set("channels", "capacity", 2**70), "field 'capacity' is a"),
    "capacity of 400 digits": (
        _raw("channels", "capacity", "1" + "0" * 400),
        "field 'capacity' is a 1329-bit integer",
    ),
    "capacity NaN as null": (_set("channels", "capacity", None), "missing field 'capacity'"),
    "capacity NaN": (_set("channels", "capacity", float("nan")), "not valid JSON"),
    "capacity Infinity": (_set("channels", "capacity", float("inf")), "not valid JSON"),
    "capacity 1e400": (_raw("channels", "capacity", "1e400"), "not valid JSON"),
    "negative half-life": (
        _set("channels", "half_life_days", -7),
        "field 'half_life_days' is -7",
    ),
    "half-life of 100 years": (
        _set("channels", "half_life_days", 36500),
        "field 'half_life_days' is 36500",
    ),
    "strength over 64 bits": (_set("contacts", "strength", 2**64), "field 'strength' is a"),
    "negative strength": (_set("contacts", "strength", -1), "field 'strength' is -1"),
    "strength 99": (_set("contacts", "strength", 99), "field 'strength' is 99"),
    "cadence 0": (_set("contacts", "cadence_days", 0), "field 'cadence_days' is 0"),
    "negative cadence": (_set("contacts", "cadence_days", -30), "field 'cadence_days' is -30"),
    "cadence of a billion days": (
        _set("contacts", "cadence_days", 10**9),
        "field 'cadence_days' is 1000000000",
    ),
    "negative rank": (_set("channels", "rank", -1), "field 'rank' is -1"),
    "rank over 64 bits": (_set("channels", "rank", 10**20), "field 'rank' is a"),
    # Times that do not parse, or are out of range.
    "created_at in words": (_set("contacts", "created_at", "yesterday"), "'created_at'"),
    "touch in month 13": (_set("touches", "at", "2026-13-01T00:00:00Z"), "field 'at'"),
    "intel time without a zone": (_set("intel", "at", "2026-11-01T00:00:00"), "field 'at'"),
    "granted_at in words": (_set("channels", "granted_at", "soon"), "field 'granted_at'"),
    "touch past year 9999 in UTC": (
        _set("touches", "at", "9999-12-31T23:00:00-14:00"),
        "field 'at'",
    ),
    "updated_at before year 1 in UTC": (
        _set("contacts", "updated_at", "0001-01-01T00:00:00+14:00"),
        "field 'updated_at'",
    ),
    "touch at the last microsecond of 9999": (
        _set("touches", "at", "9999-12-31T23:59:59.999999Z"),
        "field 'at'",
    ),
    "contact created in year 1": (
        _set("contacts", "created_at", "0001-01-01T00:00:00Z"),
        "field 'created_at'",
    ),
    # References to records that are not there.
    "channel of a missing contact": (
        _set("channels", "contact_id", "gone"),
        "belongs to a missing contact gone",
    ),
    "touch of a missing contact": (
        _set("touches", "contact_id", "gone"),
        "names a missing contact gone",
    ),
    "touch on a missing channel": (
        _set("touches", "channel_id", "gone"),
        "names a missing channel gone",
    ),
    "intel of a missing contact": (
        _set("intel", "contact_id", "gone"),
        "names a missing contact gone",
    ),
    "intel of a missing touch": (_set("intel", "touch_id", "gone"), "names a missing touch gone"),
    "contact with an empty name": (_set("contacts", "name", " "), "document 1: empty name"),
    "contact of a missing account": (
        _set("contacts", "account_id", "gone"),
        "names a missing account gone",
    ),
    # The parser recurses once per level.
    "notes nested 100,000 deep": (
        _raw("contacts", "notes", "[" * DEEP + "]" * DEEP),
        "cannot open",
    ),
}

COMMANDS = [["find", NAME], ["query", NAME.lower()], ["reach", NAME], ["export"]]


def _case(name: str, command: list[str]) -> Any:
    """A damaged book and a command as a pytest parameter."""
    return pytest.param(name, command, id=f"{name}: bchan {' '.join(command)}")


@pytest.fixture(scope="module")
def valid_book(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The JSON text of a small book: Marta (with an account, two channels,
    a touch and an item of intel, each the first of its table) and Priya."""
    path = tmp_path_factory.mktemp("valid") / "book.json"
    with pendulum.travel_to(NOW, freeze=True), Store(path) as store:
        account = store.add_account("Northwind Logistics")
        marta = store.add_contact(
            "Marta Lindqvist", account_id=account.id, strength=3, cadence_days=30
        )
        signal = store.add_channel(marta.id, "private", "signal", "+46 70 555 0142")
        store.add_channel(marta.id, "public", "email", "marta@northwind.example")
        touch = store.log_touch(marta.id, signal.id, reason="board deck", at=NOW.subtract(days=2))
        store.record_intel(marta.id, "received", "the shortlist is down to two", touch_id=touch.id)
        priya = store.add_contact("Priya Raman")
        store.add_channel(priya.id, "public", "email", "priya@northwind.example")
    return path.read_text()


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No test reads the real user's settings; the time is the book's."""
    monkeypatch.delenv("BCHAN_DB", raising=False)
    monkeypatch.delenv("BCHAN_QUERY_PRIVATE", raising=False)
    monkeypatch.setenv("BCHAN_CONFIG", str(tmp_path / "no-settings.toml"))
    with pendulum.travel_to(NOW, freeze=True):
        yield


def damaged_book(valid_book: str, name: str, folder: Path) -> Path:
    """The valid book with damage ``name``, alone in ``folder``."""
    book = json.loads(valid_book)
    damage, _ = DAMAGES[name]
    text = damage(book)
    path = folder / "book.json"
    path.write_text(json.dumps(book) if text is None else text)
    return path


def bchan(capsys: pytest.CaptureFixture[str], path: Path, *argv: str) -> tuple[int, str, str]:
    status = main([*argv, "--db", str(path)])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_valid_book_is_healthy_and_every_command_answers(
    valid_book: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "book.json"
    path.write_text(valid_book)
    status, out, _ = bchan(capsys, path, "check")
    assert status == 0, out
    for command in COMMANDS:
        status, out, err = bchan(capsys, path, *command)
        assert (status, err) == (0, ""), command
        assert out


@pytest.mark.parametrize(("name", "command"), [_case(name, ["check"]) for name in DAMAGES])
def test_check_names_the_damage_and_exits_2(
    valid_book: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    command: list[str],
) -> None:
    path = damaged_book(valid_book, name, tmp_path)
    status, out, err = bchan(capsys, path, *command)
    assert status == 2, out + err
    assert DAMAGES[name][1] in out, out


@pytest.mark.parametrize(
    ("name", "command"), [_case(name, command) for name in DAMAGES for command in COMMANDS]
)
def test_no_command_lets_an_exception_out_of_a_damaged_book(
    valid_book: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    command: list[str],
) -> None:
    path = damaged_book(valid_book, name, tmp_path)
    before = path.read_bytes()
    # An exception escaping main() fails the test with its traceback.
    status, out, err = bchan(capsys, path, *command)
    if status == 0:
        assert err == ""
        assert out
    else:
        # Refused (2), or an answer such as "no contact matches" (1).
        assert status in (1, 2)
        (line,) = err.splitlines()
        assert line.startswith("bchan: "), err
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_bchan_log_on_a_damaged_book_logs_and_says_so_or_logs_nothing(
    valid_book: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = damaged_book(valid_book, name, tmp_path)
    before = path.read_bytes()
    journal = path.with_name(path.name + ".journal")
    argv = ("log", NAME, "--channel", "email", "--yes", "--note", "after the damage")
    # An exception escaping main() fails the test with its traceback.
    status, out, err = bchan(capsys, path, *argv)
    written = journal.exists() and b"after the damage" in journal.read_bytes()
    if status == 0:
        assert out.startswith("logged ") and written
    else:
        # Never "logged", then a failure; and nothing written.
        assert "logged" not in out and not written
        assert status in (1, 2)
        assert err.splitlines()[0].startswith("bchan: "), err
    # The book itself is never rewritten by a single touch.
    assert path.read_bytes() == before
