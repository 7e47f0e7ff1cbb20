"""Importing vCard and CSV files: every format's mapping, merging instead of
doubling, broken entries reported by line, dry runs, and all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bchan_tui.data import Channel, Contact, Rung, Store, WriteFailedError
from bchan_tui.data.exchange.import_plan import ImportReport
from bchan_tui.data.exchange.import_records import ImportFailedError
from bchan_tui.data.exchange.importing import (
    apply_import,
    import_file,
    plan_import,
    read_import_file,
)

FIXTURES = Path(__file__).parent / "fixtures" / "import"
GOOD = ["contacts-v3.vcf", "contacts-v4.vcf", "google.csv", "google-old.csv", "outlook.csv"]
BROKEN = ["broken.vcf", "broken.csv"]

Ladder = set[tuple[str, str, str, bool]]


def contact_named(store: Store, name: str) -> Contact:
    found = [c for c in store.contacts(include_archived=True) if c.name == name]
    assert len(found) == 1, f"{len(found)} contacts named {name!r}"
    return found[0]


def ladder(store: Store, name: str) -> Ladder:
    """(rung, kind, address, their preference) of each channel."""
    return {
        (c.rung.value, c.kind.value, c.address, c.their_preference)
        for c in store.channels_of(contact_named(store, name).id)
    }


def labels(store: Store, name: str) -> dict[str, str]:
    return {c.address: c.label for c in store.channels_of(contact_named(store, name).id)}


def imported(store: Store, fixture: str, *, dry_run: bool = False) -> ImportReport:
    return import_file(store, FIXTURES / fixture, dry_run=dry_run)


# --- each format -------------------------------------------------------------------------


def test_a_vcard_3_file_maps_every_field_and_channel(store: Store) -> None:
    report = imported(store, "contacts-v3.vcf")
    assert (report.added, report.merged, report.skipped) == (3, 0, 0)
    marta = contact_named(store, "Marta Lindqvist")
    assert (marta.org, marta.role, marta.tags) == (
        "Northwind Logistics",
        "CIO",
        ("buyer", "champion"),
    )
    assert marta.notes == "Met at the Gothenburg fair, likes long walks.\nPrefers mornings."
    assert ladder(store, "Marta Lindqvist") == {
        ("private", "email", "marta@proton.example", True),
        ("private", "phone", "+46 70 555 0142", False),
        ("private", "signal", "+46 70 555 0142", False),
        ("public", "email", "marta.lindqvist@northwind.example", False),
        ("public", "phone", "+46 8 555 0100", False),
        ("public", "linkedin", "https://www.linkedin.com/in/mlindqvist", False),
        ("public", "x", "@mlindqvist", False),
    }
    # The fax number is not a channel; the label came from Apple's X-ABLabel.
    assert labels(store, "Marta Lindqvist")["https://www.linkedin.com/in/mlindqvist"] == "LinkedIn"
    # A web page that is not a social profile is not a channel either.
    assert ladder(store, "Jonas Weber") == {("public", "email", "j.weber@northwind.example", False)}
    # No FN: the name is built from N; IMPP and X-SKYPE for one account are one channel.
    assert ladder(store, "Tom Okafor") == {
        ("public", "email", "cfo.office@northwind.example", False),
        ("public", "im", "tom.okafor", False),
    }


def test_a_vcard_4_file_reads_pref_uris_and_social_profiles(store: Store) -> None:
    report = imported(store, "contacts-v4.vcf")
    assert (report.added, report.skipped) == (2, 0)
    elena = contact_named(store, "Elena Petrova")
    assert elena.tags == ("risk", "globex")
    assert ladder(store, "Elena Petrova") == {
        ("private", "email", "elena.p@mail.example", True),
        ("private", "whatsapp", "+447700900321", False),
        ("public", "email", "elena.petrova@globex.example", False),
        ("public", "phone", "+44-7700-900321", True),
        ("public", "phone", "+44-20-7946-0000", False),
        ("public", "linkedin", "https://www.linkedin.com/in/epetrova", False),
        ("public", "mastodon", "https://mastodon.social/@epetrova", False),
        ("public", "im", "elena@jabber.example", True),
    }
    assert ladder(store, "Hiro Tanaka") == {
        ("public", "email", "h.tanaka@globex.example", False),
        ("public", "x", "https://twitter.com/hirotanaka", False),
        ("public", "telegram", "hiro_t", False),
    }


def test_a_google_csv_splits_multi_values_and_reads_the_preferred_mark(store: Store) -> None:
    report = imported(store, "google.csv")
    assert report.format == "Google Contacts CSV"
    assert (report.added, report.skipped) == (4, 0)
    priya = contact_named(store, "Priya Raman")
    assert (priya.org, priya.role) == ("Northwind Logistics", "Enterprise Architect")
    assert priya.notes == "Knows the shortlist.\nAsk about the pilot."
    assert priya.tags == ("Northwind", "sources")
    assert ladder(store, "Priya Raman") == {
        ("private", "email", "priya.r@fastmail.example", True),
        ("private", "email", "priya@home.example", False),
        ("public", "email", "priya.raman@northwind.example", False),
        ("public", "phone", "+46 70 555 0177", False),
        ("public", "linkedin", "https://www.linkedin.com/in/priyaraman", False),
    }
    assert labels(store, "Priya Raman")["+46 70 555 0177"] == "Mobile"
    assert ladder(store, "Claire Dubois") == {
        ("public", "email", "cdubois@forrester.example", False),
        ("private", "phone", "+33 6 55 55 01 23", True),
    }
    # A row with only an organisation is named by it.
    assert ladder(store, "Initech") == {("public", "email", "frontdesk@initech.example", False)}
    assert ladder(store, "Zara Ahmed") == {
        ("public", "email", "z.ahmed@initech.example", True),
        ("public", "phone", "+1 212 555 0101", False),
        ("public", "phone", "+1 212 555 0102", False),
    }


def test_an_older_google_csv_reads_types_groups_and_im(store: Store) -> None:
    report = imported(store, "google-old.csv")
    assert report.format == "Google Contacts CSV (older format)"
    nadia = contact_named(store, "Nadia Haddad")
    assert (nadia.org, nadia.role, nadia.tags) == ("Bloomberg", "Reporter", ("press",))
    assert nadia.notes == "Deadline on Thursdays"
    assert ladder(store, "Nadia Haddad") == {
        ("public", "email", "nhaddad@bloomberg.example", True),
        ("private", "email", "nadia.h@mail.example", False),
        ("private", "telegram", "@nadiah", False),
        ("public", "phone", "+44 7700 900555", False),
        ("public", "x", "https://twitter.com/nadiah", False),
    }
    assert ladder(store, "Kwame Mensah") == {
        ("public", "email", "kwame@atlas.example", True),
        ("public", "im", "kwame.m", False),
        ("private", "phone", "+1 212 555 0188", False),
    }


def test_an_outlook_csv_in_windows_1252_reads_phones_and_categories(store: Store) -> None:
    report = imported(store, "outlook.csv")
    assert report.format == "Outlook CSV"
    victor = contact_named(store, "Victor Moreau")
    assert (victor.org, victor.role) == ("Moreau Advisory", "Founder")
    assert victor.notes == "Old friend of the CIO; café on Fridays"
    assert victor.tags == ("advisors", "paris")
    assert ladder(store, "Victor Moreau") == {
        ("public", "email", "victor@moreau.example", False),
        ("public", "email", "v.moreau@mail.example", False),
        ("public", "phone", "+33 1 55 55 07 00", False),
        ("private", "phone", "+33 7 55 55 07 70", True),
        ("public", "phone", "+33 6 55 55 07 71", False),
        ("public", "linkedin", "https://www.linkedin.com/in/victormoreau", False),
    }
    assert labels(store, "Victor Moreau")["+33 6 55 55 07 71"] == "mobile"
    assert ladder(store, "Leila Farah") == {
        ("public", "email", "leila@summitforum.example", False),
        ("public", "phone", "+44 20 5555 0123", False),
        ("public", "phone", "+44 7700 900777", True),
    }


# --- merging, not doubling ------------------------------------------------------------------


@pytest.mark.parametrize("fixture", GOOD + BROKEN)
def test_importing_the_same_file_again_adds_nothing(store: Store, fixture: str) -> None:
    first = imported(store, fixture)
    counts = store.counts()
    again = imported(store, fixture)
    assert store.counts() == counts
    assert again.added == 0
    assert again.merged == first.added + first.merged
    assert all("nothing new" in line.text for line in again.lines if line.outcome == "merged")


def test_a_contact_in_the_book_is_matched_by_phone_and_filled_in(store: Store) -> None:
    known = store.add_contact("M. Lindqvist")
    store.add_channel(known.id, Rung.PRIVATE, "phone", "+46705550142")
    report = imported(store, "contacts-v3.vcf")
    assert report.merged == 1
    line = next(line for line in report.lines if line.line == 1)
    assert line.text.startswith('into "M. Lindqvist", same number +46 70 555 0142: 6 new channels')
    merged = store.contact(known.id)
    assert merged.name == "M. Lindqvist"
    assert (merged.org, merged.role, merged.tags) == (
        "Northwind Logistics",
        "CIO",
        ("buyer", "champion"),
    )
    assert len(store.channels_of(known.id)) == 7


def test_a_contact_is_matched_by_exact_name_and_organisation(store: Store) -> None:
    known = store.add_contact("jonas  WEBER", org="northwind logistics", role="Buyer")
    other = store.add_contact("Jonas Weber", org="Another Company")
    imported(store, "contacts-v3.vcf")
    assert store.contact(known.id).role == "Buyer"
    assert [c.address for c in store.channels_of(known.id)] == ["j.weber@northwind.example"]
    assert store.channels_of(other.id) == []


def test_an_archived_contact_is_merged_into_not_doubled(store: Store) -> None:
    known = store.add_contact("Hiro T.")
    store.add_channel(known.id, Rung.PUBLIC, "email", "H.Tanaka@Globex.example")
    store.archive_contact(known.id)
    report = imported(store, "contacts-v4.vcf")
    assert "(archived)" in next(line.text for line in report.lines if line.line == 18)
    assert len(store.contacts(include_archived=True)) == 2


def test_the_same_person_twice_in_one_file_is_one_contact(store: Store, tmp_path: Path) -> None:
    twice = tmp_path / "twice.vcf"
    twice.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ines Moreno\nEMAIL:ines@hooli.example\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ines Moreno\nORG:Hooli\nEMAIL:INES@hooli.example\n"
        "TEL;TYPE=HOME:+34 600 555 000\nEND:VCARD\n"
    )
    report = import_file(store, twice)
    assert (report.added, report.merged) == (1, 1)
    assert report.lines[1].text == (
        'into "Ines Moreno" (line 1), same email INES@hooli.example: 1 new channel, organisation'
    )
    assert contact_named(store, "Ines Moreno").org == "Hooli"
    assert ladder(store, "Ines Moreno") == {
        ("public", "email", "ines@hooli.example", False),
        ("private", "phone", "+34 600 555 000", False),
    }


def test_a_retired_address_is_not_brought_back(store: Store) -> None:
    known = store.add_contact("Jonas Weber", org="Northwind Logistics")
    old = store.add_channel(known.id, Rung.PUBLIC, "email", "j.weber@northwind.example")
    store.retire_channel(old.id)
    report = imported(store, "contacts-v3.vcf")
    line = next(line for line in report.lines if line.line == 19)
    # Matched by the retired address; only the empty role (and the card's lines) filled in.
    assert line.text == (
        'into "Jonas Weber", same email j.weber@northwind.example: role, vCard details'
    )
    assert store.channels_of(known.id) == []
    assert len(store.channels_of(known.id, include_retired=True)) == 1


def test_a_social_profile_is_the_same_however_it_is_written(store: Store) -> None:
    known = store.add_contact("Marta Lindqvist", org="Northwind Logistics")
    store.add_channel(known.id, Rung.PUBLIC, "linkedin", "linkedin.com/in/mlindqvist/")
    store.add_channel(known.id, Rung.PUBLIC, "x", "https://x.com/MLindqvist")
    imported(store, "contacts-v3.vcf")
    kinds = [c.kind.value for c in store.channels_of(known.id)]
    assert kinds.count("linkedin") == 1
    assert kinds.count("x") == 1


# --- broken input -----------------------------------------------------------------------------


def test_broken_cards_are_reported_by_line_and_the_rest_imports(store: Store) -> None:
    report = imported(store, "broken.vcf")
    assert (report.added, report.merged, report.skipped) == (4, 0, 3)
    skipped = {line.line: line.text for line in report.lines if line.outcome == "skipped"}
    assert skipped == {
        12: "the card has no name (FN or N) and no address to name it by",
        24: "the card has no END:VCARD before the next card",
        34: "the file ends inside this card (no END:VCARD)",
    }
    # A line that is not a property is left out of its card, which imports.
    added = {line.line: line.text for line in report.lines if line.outcome == "added"}
    assert added[7] == '"Nobody Readable" with 0 channels; left out: line 9 is not a vCard property'
    names = {c.name for c in store.contacts()}
    assert names == {"Grace Liu", "Nobody Readable", "Oliver Hart", "Sam Whitfield"}


def test_broken_rows_are_reported_by_line_and_the_rest_imports(store: Store) -> None:
    report = imported(store, "broken.csv")
    assert (report.added, report.skipped) == (2, 4)
    skipped = {line.line: line.text for line in report.lines if line.outcome == "skipped"}
    assert set(skipped) == {3, 4, 6, 9}
    assert "7 fields and the header 6" in skipped[3]
    assert "cannot be read as CSV" in skipped[4]
    assert "no name, organisation or address" in skipped[6]
    assert "never closed" in skipped[9]
    # A quoted note over two lines is one row, numbered by its first line.
    hannah = contact_named(store, "Hannah Berg")
    assert hannah.notes == "a note\nover two lines"
    assert [line.line for line in report.lines if line.outcome == "added"] == [2, 7]


def test_a_record_that_breaks_a_rule_is_skipped_with_the_reason(
    store: Store, tmp_path: Path
) -> None:
    long_name = tmp_path / "long.vcf"
    long_name.write_text(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{'x' * 250}\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Fine\nEMAIL:fine@example.com\nEND:VCARD\n"
    )
    report = import_file(store, long_name)
    assert report.lines[0].text == "name is 250 characters long; the limit is 200"
    assert [c.name for c in store.contacts()] == ["Fine"]


def test_a_file_of_unknown_format_is_refused(store: Store) -> None:
    with pytest.raises(ImportFailedError, match="is not one bchan knows: it reads Google Contacts"):
        read_import_file(FIXTURES / "unknown.csv")


def test_an_unsupported_vcard_version_is_reported(store: Store, tmp_path: Path) -> None:
    card = tmp_path / "v5.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:5.0\nFN:Future\nEND:VCARD\n")
    report = import_file(store, card)
    assert report.lines[0].text == "vCard version 5.0 is not supported (2.1, 3.0 and 4.0 are)"


# --- dry runs and atomicity ---------------------------------------------------------------------


def test_a_dry_run_reports_the_same_and_writes_nothing(store: Store, db_path: Path) -> None:
    before = db_path.read_bytes()
    dry = imported(store, "google.csv", dry_run=True)
    assert db_path.read_bytes() == before
    assert store.contacts() == []
    real = imported(store, "google.csv")
    assert dry.lines == real.lines
    assert dry.render().splitlines()[2:] == real.render().splitlines()[1:]
    assert dry.render().startswith("would import")
    assert "dry run: nothing was written" in dry.render()


def test_a_failed_write_imports_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    existing = store.add_contact("Zara Ahmed", org="Initech")
    counts = store.counts()
    plan = plan_import(store, read_import_file(FIXTURES / "google.csv"), "google.csv")

    def refuse(path: Path, payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("bchan_tui.data.storage.tinydb_storage.write_atomically", refuse)
    with pytest.raises(WriteFailedError):
        apply_import(store, plan)
    assert store.counts() == counts
    assert [c.name for c in store.contacts()] == ["Zara Ahmed"]
    assert store.channels_of(existing.id) == []


def _channels(store: Store) -> list[Channel]:
    return [ch for c in store.contacts() for ch in store.channels_of(c.id)]


def test_every_fixture_together_builds_one_book_without_doubles(store: Store) -> None:
    for fixture in GOOD + BROKEN:
        imported(store, fixture)
    names = [c.name for c in store.contacts()]
    assert len(names) == len(set(names))
    keys = [(ch.contact_id, ch.kind, ch.address.casefold()) for ch in _channels(store)]
    assert len(keys) == len(set(keys))
