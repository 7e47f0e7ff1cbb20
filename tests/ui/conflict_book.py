"""Books with merge conflicts for the dashboard's tests, made the way a user
makes them: two copies of one book, each changed its own way, merged.

Each copy is changed at its own moment before the tests' frozen one, so
which value the merge keeps (the newer) is known: this book's changes come
a day after the other copy's. The clock must be frozen already (the
``frozen`` fixture): it is moved, not started, and put back where it was.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pendulum

from bchan_tui.data import Rung, Sensitivity, Store
from bchan_tui.data.storage.book_file import read_database

# Marta's organisation: what this book kept and the other copy's, markup and all.
KEPT_ORG = "Globex"
OTHER_ORG = "[b]Acme[/b] & Co [@click=app.quit]x[/]"
# Her private address, as this book has it and as the other copy had it.
KEPT_ADDRESS = "marta@proton.example"
OTHER_ADDRESS = "lindqvist.m@secret.example"
# Jonas goes by a codename; the two copies spell his name differently.
CODENAME = "HERON"
KEPT_NAME = "Jonas Berg-Lund"
OTHER_NAME = "Jonas Bergström"
# The other copy gave Jonas the codename this book gave someone else since.
TAKEN_CODENAME = "KESTREL"
KEPT_ACCOUNT = "Initech Inc"
OTHER_ACCOUNT = "Initrode"
KEPT_SUMMARY = "the CFO leaves in March"
OTHER_SUMMARY = "the CFO leaves in April"


@dataclass(frozen=True)
class ConflictBook:
    marta_id: str
    jonas_id: str
    rachel_id: str
    account_id: str


@contextmanager
def days_before(now: pendulum.DateTime, days: int) -> Iterator[None]:
    """The frozen clock moved ``days`` back, then put back at ``now``.
    (A nested ``travel_to`` block would end with the clock running.)"""
    pendulum.travel_to(now.subtract(days=days), freeze=True)
    try:
        yield
    finally:
        pendulum.travel_to(now, freeze=True)


def write_conflict_book(
    db_path: Path, now: pendulum.DateTime, *, only_org: bool = False
) -> ConflictBook:
    """A book at ``db_path`` merged with another copy of itself.

    ``only_org``: the copies differ in Marta's organisation only (one
    conflict). Otherwise they also differ in her private address, Jonas's
    name and codename, an account's name and a summary of Rachel's intel.
    """
    other_path = db_path.parent / "other-device" / db_path.name
    with days_before(now, 3), Store(db_path) as store:
        account = store.add_account("Initech")
        marta = store.add_contact("Marta Lindqvist", org="Northwind", account_id=account.id)
        private = store.add_channel(marta.id, Rung.PRIVATE, "email", "marta@old.example")
        jonas = store.add_contact("Jonas Berg", codename=CODENAME, org="Hooli")
        rachel = store.add_contact("Rachel Green", org="Forrester")
        intel = store.record_intel(
            rachel.id, "received", "the CFO leaves", sensitivity=Sensitivity.NORMAL
        )
        store.index()  # so that closing folds the journal into the file copied next
    other_path.parent.mkdir()
    shutil.copy(db_path, other_path)
    with days_before(now, 2), Store(other_path) as other:
        other.update_contact(marta.id, org=OTHER_ORG)
        if not only_org:
            other.update_channel(private.id, address=OTHER_ADDRESS)
            other.update_contact(jonas.id, name=OTHER_NAME, codename=TAKEN_CODENAME)
            other.update_account(account.id, name=OTHER_ACCOUNT)
            other.update_intel(intel.id, summary=OTHER_SUMMARY)
        other.index()
    with days_before(now, 1), Store(db_path) as store:
        store.update_contact(marta.id, org=KEPT_ORG)
        if not only_org:
            store.update_channel(private.id, address=KEPT_ADDRESS)
            store.update_contact(jonas.id, name=KEPT_NAME)
            store.add_contact("Ana Ortiz", codename=TAKEN_CODENAME)
            store.update_account(account.id, name=KEPT_ACCOUNT)
            store.update_intel(intel.id, summary=KEPT_SUMMARY)
        store.merge_in(read_database(other_path))
    return ConflictBook(marta.id, jonas.id, rachel.id, account.id)
