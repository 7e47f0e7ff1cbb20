"""A file to import is read one card or row at a time, as the plan asks for
them: no list of every line or every record is built, so a large vCard file
costs little more than its own text while it is read."""

from __future__ import annotations

import gc
import tracemalloc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from bchan_tui.data.exchange.import_records import ContactRecord
from bchan_tui.data.exchange.import_vcard import read_vcards
from bchan_tui.data.exchange.importing import read_import_file

FIXTURES = Path(__file__).parent / "fixtures" / "import"
# Big enough that a list of its lines or records is several times its text,
# small enough that vobject parses it in about a second under tracemalloc.
MEASURED_CARDS = 250
# The file's bytes and its decoded text are both held while it is read (a list
# of every record or line, as the reader once built, took about eight times it).
MEMORY_PER_BYTE_OF_FILE = 3


def card(number: int) -> list[str]:
    """The lines of one realistic card, told apart by ``number``."""
    return [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:Marta Lindqvist {number}",
        f"N:Lindqvist {number};Marta;;;",
        "ORG:Northwind Logistics;IT",
        "TITLE:CIO",
        f"EMAIL;TYPE=INTERNET,WORK:marta.{number}@northwind.example",
        f"EMAIL;TYPE=INTERNET,HOME,pref:marta.{number}@proton.example",
        f"TEL;TYPE=CELL,HOME:+46 70 555 {number:04d}",
        f"TEL;TYPE=WORK,VOICE:+46 8 555 {number:04d}",
        f"NOTE:Met at the Gothenburg fair\\, card {number}.\\nPrefers mornings.",
        "END:VCARD",
    ]


def test_the_first_card_is_read_before_the_rest_of_the_file() -> None:
    consumed = 0

    def lines() -> Iterator[str]:
        nonlocal consumed
        for number in range(1000):
            for line in card(number):
                consumed += 1
                yield line

    records = read_vcards(lines())
    first = next(records)
    assert isinstance(first, ContactRecord)
    assert (first.line, first.name) == (1, "Marta Lindqvist 0")
    assert consumed == len(card(0))


def test_the_cards_keep_their_line_numbers_as_they_stream() -> None:
    lines = [line for number in range(3) for line in card(number)]
    lines[len(card(0)) + 4] = "not a property"
    first, damaged, third = read_vcards(iter(lines))
    assert isinstance(first, ContactRecord)
    assert isinstance(damaged, ContactRecord)
    assert isinstance(third, ContactRecord)
    assert [first.line, damaged.line, third.line] == [1, 13, 25]
    # The line that is not a property is left out, and the card imports.
    assert damaged.problems == ["line 17 is not a vCard property"]


@pytest.mark.parametrize("fixture", ["contacts-v3.vcf", "google.csv"])
def test_a_record_is_not_kept_once_it_was_handed_over(fixture: str) -> None:
    records = read_import_file(FIXTURES / fixture).records
    first = next(records)
    assert isinstance(first, ContactRecord)
    handed_over = weakref.ref(first)
    del first
    next(records)
    gc.collect()
    assert handed_over() is None


def test_reading_a_file_holds_little_more_than_its_text(tmp_path: Path) -> None:
    path = tmp_path / "many.vcf"
    text = "".join(f"{line}\r\n" for number in range(MEASURED_CARDS) for line in card(number))
    path.write_text(text, encoding="utf-8", newline="")
    # vobject builds its lookup tables on the first card it reads: not the file's cost.
    next(read_import_file(FIXTURES / "contacts-v3.vcf").records)
    tracemalloc.start()
    try:
        read = sum(1 for _ in read_import_file(path).records)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == MEASURED_CARDS
    size = path.stat().st_size
    assert peak < MEMORY_PER_BYTE_OF_FILE * size, f"{peak} bytes at the peak for {size}"
