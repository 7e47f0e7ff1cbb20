"""Inputs the property tests found that once broke the store, kept as
plain examples so they stay fixed whatever the generators draw."""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import pytest

from bchan_tui.data import Store, ValidationError
from bchan_tui.data.domain.text import clean_block, clean_line
from bchan_tui.data.exchange.export_markdown import export_markdown
from bchan_tui.data.exchange.import_records import ContactRecord
from bchan_tui.data.exchange.importing import read_import_file


def test_a_lone_surrogate_is_dropped_and_the_book_stays_writable(db_path: Path) -> None:
    # What a stray byte in a command-line argument decodes to. It cannot be
    # written as UTF-8: kept, it made this and every later save of the
    # session fail with a TypeError.
    with Store(db_path) as store:
        contact = store.add_contact("Marta\udcff", notes="a\ud800b")
        assert (contact.name, contact.notes) == ("Marta", "ab")
        store.add_contact("Jonas")
    with Store(db_path, read_only=True) as again:
        assert sorted(c.name for c in again.contacts()) == ["Jonas", "Marta"]


def test_a_name_of_only_surrogates_is_refused_as_empty(db_path: Path) -> None:
    with Store(db_path) as store, pytest.raises(ValidationError, match="name is required"):
        store.add_contact("\ud800\udfff")


@pytest.mark.parametrize("clean", [clean_line, clean_block])
def test_cleaning_twice_changes_nothing(clean: object) -> None:
    # A control character between a letter and its accent kept them from
    # composing; the stored text was not NFC, and saving it again changed it.
    assert callable(clean)
    once = clean("e\x00\u0301")
    assert once == "\u00e9"
    assert unicodedata.is_normalized("NFC", once)
    assert clean(once) == once


def test_line_separators_end_no_line_in_a_one_line_field() -> None:
    assert clean_line("Marta\u2028Lindqvist\u2029") == "Marta Lindqvist"
    assert clean_block("first\u2028second") == "first\nsecond"


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_an_infinite_strength_is_refused_not_an_overflow(db_path: Path, value: float) -> None:
    with Store(db_path) as store, pytest.raises(ValidationError, match="whole number"):
        store.add_contact("Marta", strength=value)


def test_a_capacity_too_large_for_a_float_is_refused_not_an_overflow(db_path: Path) -> None:
    with Store(db_path) as store:
        contact = store.add_contact("Marta")
        with pytest.raises(ValidationError, match="capacity must be a number"):
            store.add_channel(contact.id, "public", "email", capacity=10**400)
        assert store.channels() == []


def test_a_utf16_file_cut_off_mid_character_is_read_not_a_crash(tmp_path: Path) -> None:
    # An odd number of bytes after the byte-order mark raised UnicodeDecodeError.
    text = "Name,E-mail 1 - Value\r\nGrace Liu,grace@example.org\r\n"
    path = tmp_path / "cut.csv"
    path.write_bytes(text.encode("utf-16")[:-1])
    parsed = read_import_file(path)
    assert [r.name for r in parsed.records if isinstance(r, ContactRecord)] == ["Grace Liu"]


def test_a_line_break_in_a_one_line_field_becomes_a_space(db_path: Path) -> None:
    # Removed outright, it glued words together: "Northwind\nmarta@..." became
    # one word, and an address inside it was no longer recognised.
    with Store(db_path) as store:
        contact = store.add_contact("Marta\r\nLindqvist", org="Northwind\nmarta@proton.example")
    assert contact.name == "Marta Lindqvist"
    assert contact.org == "Northwind marta@proton.example"


def test_a_contact_named_by_a_private_address_is_masked_in_a_redacted_export(
    db_path: Path,
) -> None:
    # An imported card without a name is named by its first address.
    with Store(db_path) as store:
        hana = store.add_contact("hana@proton.example")
        store.add_channel(hana.id, "private", "email", "hana@proton.example")
        document = export_markdown(store)
        assert "hana" not in document
        assert "### h•••\\@•••.example" in document
        assert "hana\\@proton.example" in export_markdown(store, reveal=True)


def test_a_private_number_run_together_with_more_digits_is_masked(db_path: Path) -> None:
    with Store(db_path) as store:
        bob = store.add_contact("Bob")
        signal = store.add_channel(bob.id, "private", "signal", "+46 70 555 0142")
        store.log_touch(bob.id, signal.id, reason="called +46 70 555 0142 2 times")
        document = export_markdown(store)
    assert "555 0142" not in document
    assert "called +••• •••42 times" in document


def test_a_codenamed_name_in_the_possessive_is_replaced_too(db_path: Path) -> None:
    # "Marta's" was one word to the name scrubber, so it kept the real name.
    with Store(db_path) as store:
        marta = store.add_contact("Marta Lindqvist", codename="HERON")
        email = store.add_channel(marta.id, "public", "email", "m@northwind.example")
        store.log_touch(marta.id, email.id, note="Marta's budget; Marta Lindqvist\u2019s team")
        document = export_markdown(store)
    assert "Marta" not in document and "Lindqvist" not in document
    assert "HERON's budget; HERON\u2019s team" in document
