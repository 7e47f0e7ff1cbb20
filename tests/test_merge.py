"""Merging two copies of a book, rule by rule, on books the store wrote:
two devices start from one copy, each changes its own, and one merges the
other in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Rung, Store
from bchan_tui.data.errors import ValidationError
from bchan_tui.data.exchange.export_markdown import export_markdown
from bchan_tui.data.storage.book_file import read_database
from bchan_tui.data.storage.journal import journal_path
from bchan_tui.data.storage.merge import MergeProblem, merge_books

START = pendulum.datetime(2026, 12, 1, 9, 0, tz="UTC")


@contextmanager
def at(hours: float) -> Iterator[None]:
    """The clock ``hours`` after the start: which device changed a record
    last is told by the time of the change."""
    with pendulum.travel_to(START.add(minutes=round(hours * 60)), freeze=True):
        yield


class Devices:
    """One book copied to a laptop and a desktop; ``base`` stays as it was."""

    def __init__(self, folder: Path) -> None:
        self.base = folder / "base.json"
        self.laptop = folder / "laptop" / "book.json"
        self.desktop = folder / "desktop" / "book.json"
        with at(0), Store(self.base) as store:
            marta = store.add_contact("Marta Lindqvist", org="Northwind", notes="met at the fair")
            self.marta = marta.id
            self.email = store.add_channel(marta.id, Rung.PUBLIC, "email", "marta@northwind.io").id
            self.signal = store.add_channel(marta.id, Rung.PRIVATE, "signal", "+46 70 555 0142").id
            first = store.log_touch(marta.id, self.email, note="intro", at=START.subtract(days=3))
            self.first_touch = first.id
            store.index()
        for copy in (self.laptop, self.desktop):
            copy.parent.mkdir()
            shutil.copy(self.base, copy)

    def merge_desktop_into_laptop(self, *, with_base: bool = True) -> Store:
        store = Store(self.laptop)
        base = read_database(self.base) if with_base else None
        store.merge_in(read_database(self.desktop), base)
        return store


@pytest.fixture
def devices(tmp_path: Path) -> Devices:
    return Devices(tmp_path)


def test_records_are_matched_by_id_never_by_document_number(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.add_contact("Priya Raman")
    with at(2), Store(devices.desktop) as desktop:
        desktop.add_contact("Kwame Mensah")
    # Both devices numbered their new contact 2.
    for copy in (devices.laptop, devices.desktop):
        assert "2" in read_database(copy)["contacts"]

    with at(3), devices.merge_desktop_into_laptop() as merged:
        names = sorted(contact.name for contact in merged.contacts())
    assert names == ["Kwame Mensah", "Marta Lindqvist", "Priya Raman"]


def test_touches_and_intel_are_a_union(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.log_touch(devices.marta, devices.email, note="from the laptop")
        laptop.record_intel(devices.marta, "given", "our roadmap")
    with at(2), Store(devices.desktop) as desktop:
        desktop.log_touch(devices.marta, devices.email, note="from the desktop")
        desktop.record_intel(devices.marta, "received", "budget moved to Q1")

    with at(3), devices.merge_desktop_into_laptop() as merged:
        notes = sorted(touch.note for touch in merged.touches_of(devices.marta))
        intel = sorted(item.summary for item in merged.intel_of(devices.marta))
    assert notes == ["from the desktop", "from the laptop", "intro"]
    assert intel == ["budget moved to Q1", "our roadmap"]


def test_a_field_changed_on_one_side_only_takes_that_change(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.update_contact(devices.marta, org="Northwind Logistics")
    with at(2), Store(devices.desktop) as desktop:
        # Changed later, but another field: the laptop's org still holds.
        desktop.update_contact(devices.marta, notes="prefers mornings")

    with at(3), devices.merge_desktop_into_laptop() as merged:
        marta = merged.contact(devices.marta)
        assert (marta.org, marta.notes) == ("Northwind Logistics", "prefers mornings")
        assert merged.conflicts() == []


def test_a_field_changed_on_both_sides_keeps_the_newer_and_lists_the_other(
    devices: Devices,
) -> None:
    with at(2), Store(devices.laptop) as laptop:
        laptop.update_contact(devices.marta, org="Globex")
    with at(1), Store(devices.desktop) as desktop:
        desktop.update_contact(devices.marta, org="Initech")

    with at(3), devices.merge_desktop_into_laptop() as merged:
        assert merged.contact(devices.marta).org == "Globex"
        [conflict] = merged.conflicts()
        assert (conflict.table, conflict.record_id, conflict.field, conflict.value) == (
            "contacts",
            devices.marta,
            "org",
            "Initech",
        )
        [item] = [i for i in merged.needs_attention() if i.conflict_id]
        assert item.contact_id == devices.marta
        assert "Globex" in item.text and "Initech" in item.text
        assert item.screen_safe_text is not None and "Initech" not in item.screen_safe_text


def test_the_newer_side_wins_whichever_side_merges(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.update_contact(devices.marta, org="Globex")
    with at(2), Store(devices.desktop) as desktop:
        desktop.update_contact(devices.marta, org="Initech")

    with at(3), devices.merge_desktop_into_laptop() as merged:
        assert merged.contact(devices.marta).org == "Initech"
        assert [c.value for c in merged.conflicts()] == ["Globex"]


def test_an_archive_is_kept_together_with_edits_from_the_other_side(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.archive_contact(devices.marta)
        laptop.retire_channel(devices.signal)
    with at(2), Store(devices.desktop) as desktop:
        desktop.update_contact(devices.marta, role="CFO")
        desktop.update_channel(devices.signal, label="evenings only")

    with at(3), devices.merge_desktop_into_laptop() as merged:
        marta = merged.contact(devices.marta)
        signal = merged.channel(devices.signal)
        assert (marta.archived, marta.role) == (True, "CFO")
        assert (signal.is_active, signal.label) == (False, "evenings only")
        assert merged.conflicts() == []


def test_a_touch_deleted_on_one_side_stays_deleted(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.delete_touch(devices.first_touch)
    with at(2), Store(devices.desktop) as desktop:
        desktop.log_touch(devices.marta, devices.email, note="follow-up")

    with at(3), devices.merge_desktop_into_laptop() as merged:
        assert [t.note for t in merged.touches_of(devices.marta)] == ["follow-up"]


def test_a_deleted_touch_the_other_side_linked_intel_to_is_kept(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.delete_touch(devices.first_touch)
    with at(2), Store(devices.desktop) as desktop:
        desktop.record_intel(
            devices.marta, "received", "the RFP slips", touch_id=devices.first_touch
        )

    with at(3), devices.merge_desktop_into_laptop() as merged:
        assert [t.id for t in merged.touches_of(devices.marta)] == [devices.first_touch]
        [item] = merged.intel_of(devices.marta)
        assert item.touch_id == devices.first_touch


def test_without_a_base_nothing_is_removed_and_differences_are_conflicts(
    devices: Devices,
) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.delete_touch(devices.first_touch)
        laptop.update_contact(devices.marta, org="Globex")

    with at(3), devices.merge_desktop_into_laptop(with_base=False) as merged:
        # Without the base, the deleted touch is as likely to be new on the desktop.
        assert [t.id for t in merged.touches_of(devices.marta)] == [devices.first_touch]
        assert merged.contact(devices.marta).org == "Globex"
        assert [c.value for c in merged.conflicts()] == ["Northwind"]


def test_settling_a_conflict_keeps_or_takes_the_other_value(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.update_contact(devices.marta, org="Globex", notes="laptop notes")
    with at(2), Store(devices.desktop) as desktop:
        desktop.update_contact(devices.marta, org="Initech", notes="desktop notes")
    with at(3), devices.merge_desktop_into_laptop() as merged:
        conflicts = {c.field: c for c in merged.conflicts()}
        assert {c.value for c in conflicts.values()} == {"Globex", "laptop notes"}
        merged.settle_conflict(conflicts["org"].id, take_other=True)
        merged.settle_conflict(conflicts["notes"].id, take_other=False)
        marta = merged.contact(devices.marta)
        assert (marta.org, marta.notes) == ("Globex", "desktop notes")
        assert merged.conflicts() == []
    # Durable: the next session sees the same.
    with Store(devices.laptop, read_only=True) as reopened:
        assert reopened.contact(devices.marta).org == "Globex"
        assert reopened.conflicts() == []


def test_taking_a_codename_another_contact_holds_is_refused(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.update_contact(devices.marta, codename="OSPREY")
    with at(2), Store(devices.desktop) as desktop:
        desktop.update_contact(devices.marta, codename="HAWK")
        desktop.add_contact("Priya Raman", codename="osprey")
    with at(3), Store(devices.laptop) as merged:
        report = merged.merge_in(read_database(devices.desktop), read_database(devices.base))
        # The laptop's codename is the other value of Marta's, and Priya's codename.
        assert report.shared_codenames == []
        [conflict] = merged.conflicts()
        assert conflict.value == "OSPREY"
        with pytest.raises(ValidationError, match="taken by another contact"):
            merged.settle_conflict(conflict.id, take_other=True)
        assert merged.contact(devices.marta).codename == "HAWK"
        assert merged.conflicts() == [conflict]


def test_merging_twice_or_in_the_other_order_gives_the_same_records(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.update_contact(devices.marta, org="Globex")
        laptop.add_contact("Priya Raman")
    with at(2), Store(devices.desktop) as desktop:
        desktop.update_contact(devices.marta, org="Initech")
        desktop.log_touch(devices.marta, devices.email, note="desktop")
    laptop_book, desktop_book = read_database(devices.laptop), read_database(devices.desktop)
    base = read_database(devices.base)

    one_way = merge_books(laptop_book, desktop_book, base).data
    other_way = merge_books(desktop_book, laptop_book, base).data
    assert records(one_way) == records(other_way)
    assert records(merge_books(one_way, desktop_book, desktop_book).data) == records(one_way)
    assert records(merge_books(one_way, one_way).data) == records(one_way)


def test_a_second_merge_of_the_same_copy_writes_nothing(devices: Devices) -> None:
    with at(1), Store(devices.desktop) as desktop:
        desktop.add_contact("Priya Raman")
    with at(2), devices.merge_desktop_into_laptop() as merged:
        merged.close()
    written = devices.laptop.read_bytes()
    with at(3), devices.merge_desktop_into_laptop() as again:
        report = again.merge_in(read_database(devices.desktop), read_database(devices.base))
        assert not report.changes_anything
    assert devices.laptop.read_bytes() == written


def test_a_copy_that_is_not_a_book_is_refused_and_nothing_is_written(
    devices: Devices,
) -> None:
    before = devices.laptop.read_bytes()
    other = read_database(devices.desktop)
    other["contacts"]["1"]["strength"] = 99
    with Store(devices.laptop) as laptop, pytest.raises(MergeProblem, match="strength"):
        laptop.merge_in(other)
    assert devices.laptop.read_bytes() == before


def test_the_journal_is_folded_into_the_merged_book(devices: Devices) -> None:
    with at(0.5), Store(devices.laptop) as laptop:
        laptop.add_contact("Jonas Weber")
    # A touch logged from the shell waits in the journal beside the book
    # (a command about one of two people reads only that one, so does not
    # check the whole book, which folding needs).
    with at(1):
        logged = main(
            [
                "log",
                "Marta",
                "--channel",
                "email",
                "--note",
                "in the journal",
                "--db",
                str(devices.laptop),
            ]
        )
    assert logged == 0
    assert b"in the journal" not in devices.laptop.read_bytes()
    assert b"in the journal" in journal_path(devices.laptop).read_bytes()

    with at(2), devices.merge_desktop_into_laptop():
        # The merged book was written whole, the journal's change in it.
        assert b"in the journal" in devices.laptop.read_bytes()
        journal = journal_path(devices.laptop)
        assert not journal.exists() or b"in the journal" not in journal.read_bytes()


def records(book: dict[str, dict[str, dict[str, object]]]) -> dict[str, dict[object, object]]:
    return {
        table: {doc["id"]: doc for doc in docs.values()}
        for table, docs in book.items()
        if table != "_meta"
    }


def test_a_redacted_export_shows_neither_value_of_a_private_address_in_conflict(
    devices: Devices,
) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.update_channel(devices.signal, address="+46 70 111 2222")
    with at(2), Store(devices.desktop) as desktop:
        desktop.update_channel(devices.signal, address="+46 70 333 4444")

    with at(3), devices.merge_desktop_into_laptop() as merged:
        [conflict] = merged.conflicts()
        assert (conflict.field, conflict.value) == ("address", "+46 70 111 2222")
        redacted = export_markdown(merged, now=START.add(hours=3))
        revealed = export_markdown(merged, reveal=True, now=START.add(hours=3))
    assert "merge conflict: channel address has two values" in redacted
    for number in ("111 2222", "333 4444", "1112222", "3334444"):
        assert number not in redacted
    assert "other copy '+46 70 111 2222'" in revealed


def test_a_codename_each_side_gave_to_another_person_is_reported(devices: Devices) -> None:
    with at(1), Store(devices.laptop) as laptop:
        laptop.update_contact(devices.marta, codename="OSPREY")
    with at(2), Store(devices.desktop) as desktop:
        desktop.add_contact("Priya Raman", codename="osprey")

    with at(3), Store(devices.laptop) as merged:
        report = merged.merge_in(read_database(devices.desktop), read_database(devices.base))
    assert report.shared_codenames == ["OSPREY"]
    assert any("codename 'OSPREY' is now held by two contacts" in line for line in report.lines())
