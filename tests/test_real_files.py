"""Every file of ``tests/fixtures/real`` (address books other programs
wrote) imported, and the result checked field by field against what the file
says (``real_files_expected``); then written out as vCards and read back,
which must change nothing a phone would show."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_files_expected import EXPECTED, NOTES, REFUSED, REFUSED_ROWS, SKIPPED, Card

from bchan_tui.data import Store
from bchan_tui.data.exchange.export_vcard import export_vcards
from bchan_tui.data.exchange.import_records import ImportFailedError
from bchan_tui.data.exchange.importing import import_file

REAL = Path(__file__).parent / "fixtures" / "real"
FILES = sorted(
    str(path.relative_to(REAL)) for path in REAL.rglob("*") if path.suffix in (".vcf", ".csv")
)


def test_the_corpus_is_large_and_every_file_has_an_expectation() -> None:
    assert len(FILES) >= 60
    assert set(FILES) == set(EXPECTED) | set(REFUSED)
    listed = (REAL / "SOURCES").read_text(encoding="utf-8")
    assert all(f"\n{name} | " in listed for name in FILES)


def as_read(store: Store) -> list[Card]:
    cards = []
    for contact in store.contacts():
        channels = frozenset(
            f"{c.rung.value} {c.kind.value} {c.address}" for c in store.channels_of(contact.id)
        )
        cards.append(Card(contact.name, contact.org, contact.role, channels, (), contact.tags))
    return sorted(cards, key=lambda c: c.name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_imports_as_it_says(store: Store, name: str) -> None:
    report = import_file(store, REAL / name)
    expected = EXPECTED[name]
    skipped = [(line.line, line.text) for line in report.lines if line.outcome == "skipped"]
    assert skipped == SKIPPED.get(name, [])
    assert report.added == len(expected)
    plain = sorted(
        (Card(c.name, c.org, c.role, c.channels, (), c.tags) for c in expected),
        key=lambda c: c.name,
    )
    assert as_read(store) == plain
    by_name = {contact.name: contact for contact in store.contacts()}
    for card in expected:
        kept = by_name[card.name].vcard.split("\n")
        for line in card.kept:
            assert line in kept, f"{line!r} not kept in {kept}"
        if (name, card.name) in NOTES:
            assert by_name[card.name].notes == NOTES[name, card.name]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_file_of_a_format_bchan_does_not_read_is_refused_naming_those_it_reads(
    store: Store, name: str
) -> None:
    with pytest.raises(ImportFailedError) as refused:
        import_file(store, REAL / name)
    message = str(refused.value)
    assert message.startswith(REFUSED[name])
    assert "Google Contacts" in message and "Thunderbird" in message and "LinkedIn" in message


def phone_view(store: Store) -> dict[str, tuple[object, ...]]:
    """What an address book shows of each contact: names, work, every channel
    with its rung, kind, label and preference, and every kept line."""
    view = {}
    for contact in store.contacts():
        channels = sorted(
            (c.rung.value, c.kind.value, c.address, c.label, c.their_preference)
            for c in store.channels_of(contact.id)
        )
        kept = sorted(contact.vcard.split("\n")) if contact.vcard else []
        view[contact.name] = (
            contact.org,
            contact.role,
            contact.notes,
            contact.tags,
            channels,
            kept,
        )
    return view


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.endswith(".vcf")))
def test_a_round_trip_through_bchan_changes_nothing_a_phone_shows(
    store: Store, tmp_path: Path, name: str
) -> None:
    import_file(store, REAL / name)
    out = tmp_path / "out.vcf"
    out.write_text(export_vcards(store), encoding="utf-8", newline="")
    with Store(tmp_path / "back.json") as back:
        report = import_file(back, out)
        assert report.skipped == 0
        assert phone_view(back) == phone_view(store)


def test_the_corpus_in_numbers(tmp_path: Path) -> None:
    """Cards in the corpus, cards imported and vCard lines kept, each file
    into a book of its own."""
    cards = sum(map(len, EXPECTED.values())) + sum(map(len, SKIPPED.values())) + REFUSED_ROWS
    imported = kept = 0
    for number, name in enumerate(EXPECTED):
        with Store(tmp_path / f"{number}.json") as book:
            imported += import_file(book, REAL / name).added
            kept += sum(len(c.vcard.split("\n")) for c in book.contacts() if c.vcard)
    assert (cards, imported, kept) == (93, 82, 291)
