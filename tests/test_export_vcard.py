"""The vCard export: cards other address books read, and a round trip back
into bchan that loses no channel."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pendulum
import pytest
import vobject

from bchan_tui.cli import main
from bchan_tui.data import Channel, Rung, Store
from bchan_tui.data.exchange.export_vcard import export_vcards
from bchan_tui.data.exchange.importing import import_file
from bchan_tui.data.samples.demo_book import build_demo_book

ChannelShape = tuple[str, str, str, str, bool]


def shape(channel: Channel) -> ChannelShape:
    return (
        channel.rung.value,
        channel.kind.value,
        channel.address,
        channel.label,
        channel.their_preference,
    )


def ladders(store: Store) -> dict[str, list[ChannelShape]]:
    return {c.name: sorted(shape(ch) for ch in store.channels_of(c.id)) for c in store.contacts()}


def people(store: Store) -> dict[str, tuple[str, str, str, str, tuple[str, ...]]]:
    return {c.name: (c.codename, c.org, c.role, c.notes, c.tags) for c in store.contacts()}


def round_trip(store: Store, folder: Path) -> Store:
    card_file = folder / "book.vcf"
    card_file.write_text(export_vcards(store), encoding="utf-8")
    back = Store(folder / "back.json")
    report = import_file(back, card_file)
    assert report.skipped == 0
    assert report.added == len(store.contacts())
    return back


def test_a_round_trip_through_vcards_loses_no_channel(store: Store, tmp_path: Path) -> None:
    build_demo_book(store)
    back = round_trip(store, tmp_path)
    assert ladders(back) == ladders(store)
    assert people(back) == people(store)
    back.close()


def test_awkward_text_survives_the_round_trip(store: Store, tmp_path: Path) -> None:
    contact = store.add_contact(
        "Zoë O'Brien-Ng; Jr., [bold]",
        org="Acme; Inc, \\ Ltd",
        role="VP, Sales: EMEA",
        notes="line one\nline two; with, commas \\ and a backslash",
        tags=["a;b", "c"],
        codename="WREN",
    )
    store.add_channel(contact.id, Rung.RELATIONSHIP, "in_person", label="lunch, Fridays; 1pm")
    store.add_channel(contact.id, Rung.RELATIONSHIP, "call", "+1 555 0109")
    store.add_channel(contact.id, Rung.PRIVATE, "signal", "+44 7700 900123", their_preference=True)
    store.add_channel(contact.id, Rung.PRIVATE, "email", "zoe@home.example", label='"home"')
    store.add_channel(contact.id, Rung.PUBLIC, "im", "xmpp:zoe@jabber.example")
    store.add_channel(contact.id, Rung.PUBLIC, "sms", "+44 7700 900124")
    store.add_channel(contact.id, Rung.PUBLIC, "mastodon", "@zoe@mastodon.social")
    store.add_channel(contact.id, Rung.PUBLIC, "other", "https://zoe.example")
    retired = store.add_channel(contact.id, Rung.PUBLIC, "email", "old@acme.example")
    store.retire_channel(retired.id)
    back = round_trip(store, tmp_path)
    assert ladders(back) == ladders(store)
    assert people(back) == people(store)
    back.close()


def test_the_cards_use_standard_properties_other_address_books_read(store: Store) -> None:
    build_demo_book(store)
    cards = list(vobject.readComponents(export_vcards(store)))
    assert len(cards) == len(store.contacts())
    marta = next(card for card in cards if card.fn.value == "Marta Lindqvist")
    assert marta.org.value == ["Northwind Logistics"]
    assert marta.title.value == "CIO"
    assert marta.categories.value == ["buyer", "champion"]
    email = marta.email_list[0]
    assert email.value == "marta.lindqvist@northwind.example"
    assert email.params["TYPE"] == ["WORK", "pref"]
    signal = marta.impp_list[0]
    assert signal.value == "signal:+46 70 555 0142"
    assert "HOME" in signal.params["TYPE"]
    assert signal.params["X-SERVICE-TYPE"] == ["Signal"]
    assert marta.x_socialprofile.value == "linkedin.com/in/mlindqvist"
    assert marta.x_socialprofile.params["TYPE"] == ["linkedin", "WORK"]


def test_only_the_chosen_contacts_are_written(store: Store) -> None:
    build_demo_book(store)
    chosen = [c for c in store.contacts() if c.org == "Gartner"]
    cards = list(vobject.readComponents(export_vcards(store, contact_ids=[c.id for c in chosen])))
    assert sorted(card.fn.value for card in cards) == sorted(c.name for c in chosen)


@pytest.fixture
def demo_file(db_path: Path, frozen: pendulum.DateTime) -> Path:
    with Store(db_path) as opened:
        build_demo_book(opened)
    return db_path


def test_bchan_export_vcard_needs_reveal(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "book.vcf"
    assert main(["export", "--db", str(demo_file), "--format", "vcard", "-o", str(target)]) == 2
    assert "add --reveal" in capsys.readouterr().err
    assert not target.exists()
    command = ["export", "--db", str(demo_file), "--format", "vcard", "--reveal"]
    assert main([*command, "-o", str(target)]) == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert len(list(vobject.readComponents(target.read_text()))) == 30


def test_bchan_export_vcard_then_import_into_an_empty_book(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "book.vcf"
    command = ["export", "--db", str(demo_file), "--format", "vcard", "--reveal"]
    assert main([*command, "-o", str(target)]) == 0
    empty = tmp_path / "empty.json"
    assert main(["import", str(target), "--db", str(empty)]) == 0
    assert "30 added, 0 merged, 0 skipped" in capsys.readouterr().out
    with Store(demo_file, read_only=True) as before, Store(empty, read_only=True) as after:
        assert ladders(after) == ladders(before)


def test_no_email_line_of_the_export_is_folded(store: Store) -> None:
    """A mail client that does not unfold lines (abook) reads every address:
    an ordinary EMAIL line carries no parameter bchan can do without."""
    build_demo_book(store)
    lines = export_vcards(store).split("\r\n")
    emails = [line for line in lines if line.startswith(("EMAIL", "item")) and "EMAIL" in line]
    assert len(emails) >= 20
    for number, line in enumerate(lines):
        if line in emails:
            assert not lines[number + 1].startswith(" "), line
            assert "INTERNET" not in line and "X-BCHAN" not in line, line
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    # Only what the standard parameters cannot say carries bchan's own.
    assert any("X-BCHAN-RUNG=relationship" in line for line in lines)
