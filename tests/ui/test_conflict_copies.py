"""Conflict copies a synced folder left beside the book: offered once at
start, merged (and then removed) with y, left for later with escape; a copy
that is not a book is reported and kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Store
from bchan_tui.screens import ConfirmModal, DashboardScreen

from .helpers import make_app, settle, shown_names, visible_text

GOOD_COPY = "book.sync-conflict-20261207-101500-ABCDEFG.json"
BROKEN_COPY = "book.sync-conflict-20261206-094500-ZZZZZZZ.json"


@pytest.fixture
def book_with_copies(db_path: Path, frozen: pendulum.DateTime) -> Path:
    """The book (Marta), a Syncthing conflict copy in which Hiro was added
    on the other device, and a second "copy" that is not a book."""
    with Store(db_path) as store:
        store.add_contact("Marta Lindqvist", org="Northwind")
        store.index()  # closing folds the journal in: the file is the whole book
    other = db_path.parent / "other-device" / db_path.name
    other.parent.mkdir()
    shutil.copy(db_path, other)
    with Store(other) as store:
        store.add_contact("Hiro Tanaka", org="Umbrella")
        store.index()
    shutil.copy(other, db_path.parent / GOOD_COPY)
    (db_path.parent / BROKEN_COPY).write_text('{"contacts": [', encoding="utf-8")
    return db_path


async def test_copies_are_offered_merged_and_removed_and_a_broken_one_kept(
    book_with_copies: Path,
) -> None:
    folder = book_with_copies.parent
    app = make_app(book_with_copies)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        text = visible_text(app)
        assert GOOD_COPY in text and BROKEN_COPY in text
        assert str(folder) not in text  # file names only
        # The footer says what the keys do here, as the buttons do.
        assert "y Now" in text and "n Later" in text
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert shown_names(app) == ["Hiro Tanaka", "Marta Lindqvist"]
        assert not (folder / GOOD_COPY).exists()
        assert (folder / BROKEN_COPY).exists()
        merged = [n for n in app._notifications if n.title == f"Merged {GOOD_COPY}"]
        assert len(merged) == 1
        assert "added: 1 contacts" in merged[0].message
        [refused] = [n for n in app._notifications if n.title == f"Not merged: {BROKEN_COPY}"]
        assert refused.severity == "error"
        assert "left where it is" in refused.message
    # The merge is in the book itself, not only on screen.
    with Store(book_with_copies, read_only=True) as store:
        assert sorted(c.name for c in store.contacts()) == ["Hiro Tanaka", "Marta Lindqvist"]


async def test_later_leaves_the_copies_and_is_not_asked_again(book_with_copies: Path) -> None:
    folder = book_with_copies.parent
    app = make_app(book_with_copies)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert shown_names(app) == ["Marta Lindqvist"]
        assert (folder / GOOD_COPY).exists() and (folder / BROKEN_COPY).exists()
        # The dashboard reads the book again (as it does every 15 minutes):
        # the copies are still there, and it does not ask again.
        app.dashboard.load_book()
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert not any("Merged" in (n.title or "") for n in app._notifications)
