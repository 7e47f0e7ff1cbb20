"""One codename, one person; and an import merges only the same person:
a shared switchboard, household phone or team mailbox is not a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from bchan_tui.data import Store, ValidationError
from bchan_tui.data.exchange.importing import import_file, same_person
from bchan_tui.data.storage.integrity import check_database


def test_a_codename_is_unique_ignoring_case_across_the_book(store: Store) -> None:
    marta = store.add_contact("Marta Lindqvist", codename="OSPREY")
    store.archive_contact(marta.id)
    with pytest.raises(ValidationError) as taken:
        store.add_contact("Priya Raman", codename="osprey")
    assert taken.value.field == "codename"
    # The message does not say whose it is: it may be read while screen-safe.
    assert "Marta" not in str(taken.value)
    priya = store.add_contact("Priya Raman", codename="HERON")
    with pytest.raises(ValidationError):
        store.update_contact(priya.id, codename="Osprey")
    assert store.contact(priya.id).codename == "HERON"
    # A contact keeps its own codename through an edit.
    assert store.update_contact(marta.id, codename="OSPREY", org="Northwind").org == "Northwind"


def test_check_reports_a_codename_two_contacts_share(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add_contact("Marta Lindqvist", codename="OSPREY")
        priya = store.add_contact("Priya Raman")
    raw = db_path.read_text()
    # Another tool wrote the same codename on a second contact.
    # One document per line, keys sorted: Priya's line is the one with her id.
    raw = "\n".join(
        line.replace('"codename":""', '"codename":"osprey"') if priya.id in line else line
        for line in raw.split("\n")
    )
    assert '"codename":"osprey"' in raw
    db_path.write_text(raw)
    report = check_database(db_path)
    assert any("codename 'OSPREY' is shared" in p for p in report.problems), report.problems


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text.replace("\n", "\r\n"))
    return path


SWITCHBOARD = """\
BEGIN:VCARD
VERSION:3.0
FN:Anna Svensson
ORG:Northwind Logistics
EMAIL;TYPE=WORK:anna.svensson@northwind.example
TEL;TYPE=WORK:+46 8 555 000 00
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Björn Ek
ORG:Northwind Logistics
EMAIL;TYPE=WORK:bjorn.ek@northwind.example
TEL;TYPE=WORK:+46 8 555 000 00
TEL;TYPE=CELL:+46 70 111 22 33
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Carin Holm
ORG:Northwind Logistics
EMAIL;TYPE=WORK:carin.holm@northwind.example
TEL;TYPE=WORK:+46 (0)8-555 000 00
END:VCARD
"""


def test_colleagues_sharing_a_switchboard_stay_three_people(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "colleagues.vcf", SWITCHBOARD)
    report = import_file(store, path)
    people = {c.name: c for c in store.contacts()}
    assert set(people) == {"Anna Svensson", "Björn Ek", "Carin Holm"}
    for name, contact in people.items():
        emails = [ch.address for ch in store.channels_of(contact.id) if ch.kind.value == "email"]
        assert len(emails) == 1 and emails[0].split("@")[0].replace(".", " ") in (
            "anna svensson",
            "bjorn ek",
            "carin holm",
        ), name
    # Björn's mobile stayed his.
    bjorn = store.channels_of(people["Björn Ek"].id)
    assert any("111 22 33" in ch.address for ch in bjorn)
    anna = store.channels_of(people["Anna Svensson"].id)
    assert not any("111 22 33" in ch.address for ch in anna)
    assert 'possible duplicate of "Anna Svensson" (same number' in report.render()
    # Importing the same file again adds nothing.
    again = import_file(store, path)
    assert len(store.contacts()) == 3
    assert again.added == 0


HOUSEHOLD = """\
BEGIN:VCARD
VERSION:3.0
FN:Anna Berg
TEL;TYPE=HOME:+46 8 640 12 34
EMAIL;TYPE=HOME:anna.berg@home.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Erik Berg
TEL;TYPE=HOME:08-640 12 34
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Berg, Anna
EMAIL;TYPE=WORK:ANNA.BERG@home.example
TEL;TYPE=CELL:+46 70 999 88 77
END:VCARD
"""


def test_a_household_number_is_two_people_and_the_same_email_is_one(
    store: Store, tmp_path: Path
) -> None:
    import_file(store, write(tmp_path, "home.vcf", HOUSEHOLD))
    people = {c.name: c for c in store.contacts()}
    assert set(people) == {"Anna Berg", "Erik Berg"}
    # "Berg, Anna" with Anna's email (in other case) is Anna: her mobile joins her.
    anna = [ch.address for ch in store.channels_of(people["Anna Berg"].id)]
    assert "+46 70 999 88 77" in anna
    erik = [ch.address for ch in store.channels_of(people["Erik Berg"].id)]
    assert "+46 70 999 88 77" not in erik


def test_an_import_never_gives_a_codename_to_a_second_person(store: Store, tmp_path: Path) -> None:
    store.add_contact("Marta Lindqvist", codename="OSPREY")
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Priya Raman\nX-BCHAN-CODENAME:osprey\nEND:VCARD\n"
    report = import_file(store, write(tmp_path, "coded.vcf", card))
    assert [c.name for c in store.contacts()] == ["Marta Lindqvist"]
    assert report.skipped == 1


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Marta Lindqvist", "Lindqvist, Marta", True),
        ("Marta L.", "Marta Lindqvist", True),
        ("Siobhán O'Brien", "Siobhan O'Brien", True),
        ("Anna Berg", "Erik Berg", False),
        ("Northwind Switchboard", "Anna Svensson", False),
        ("", "Anna", False),
    ],
)
def test_names_that_may_be_one_persons(one: str, other: str, same: bool) -> None:
    assert same_person(one, other) is same
