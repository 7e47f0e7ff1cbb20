"""A full disk or a folder that became read-only while the app is open: the
user reads a clear notification, the files stay byte for byte as they were,
and the app shows nothing it failed to save: no contact that was not added,
no heat from a touch that was not logged."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from faults import FAULTS, REASONS, assert_unchanged, fault, fault_lifted, folder_state

from bchan_tui.app import BchanApp
from bchan_tui.data import Store
from bchan_tui.screens import DashboardScreen, LogTouchModal

from .helpers import contact_list, highlighted_name, make_app, settle, shown_names, visible_text

TITLE = "Not saved: the disk refused the write"
NOTE = "a quiet word at the fair"


def refusals(app: BchanApp) -> list[str]:
    """The messages of the error notifications that say a write was refused."""
    return [n.message for n in app._notifications if n.title == TITLE and n.severity == "error"]


def contact_id_of(app: BchanApp, name: str) -> str:
    return next(c.id for c in app.store.contacts() if c.name == name)


@pytest.mark.parametrize("kind", FAULTS)
async def test_a_failed_quick_add_is_reported_and_adds_no_contact(demo_db: Path, kind: str) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        before = folder_state(demo_db.parent)
        count = len(app.store.contacts())
        with fault(kind, demo_db.parent):
            await pilot.press("a", *"Zoë Adams", "tab", *"Quuxcorp", "enter")
            await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, DashboardScreen)
        (message,) = refusals(app)
        assert REASONS[kind] in message
        assert "Nothing was changed" in message
        assert folder_state(demo_db.parent) == before
        assert len(app.store.contacts()) == count
        assert "Zoë Adams" not in shown_names(app)
        assert "Zoë Adams" not in visible_text(app)
        # Once the disk takes writes again, the same add works.
        await pilot.press("a", *"Zoë Adams", "enter")
        await settle(pilot)
        assert highlighted_name(app) == "Zoë Adams"
    with Store(demo_db, read_only=True) as again:
        assert [c.name for c in again.contacts()].count("Zoë Adams") == 1
        assert not any(c.org == "Quuxcorp" for c in again.contacts())


@pytest.mark.parametrize("kind", FAULTS)
async def test_a_failed_log_is_reported_and_leaves_the_heat_as_it_was(
    demo_db: Path, kind: str, frozen: pendulum.DateTime
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lindqvist", "enter")
        await settle(pilot)
        marta = contact_id_of(app, "Marta Lindqvist")
        touches = app.store.touches_of(marta)
        heats = {c.id: app.store.channel_heat(c.id) for c in app.store.channels_of(marta)}
        row = contact_list(app).row(marta)
        screen_before = visible_text(app)
        before = folder_state(demo_db.parent)
        with fault(kind, demo_db.parent):
            await pilot.press("l")
            await settle(pilot)
            assert isinstance(app.screen, LogTouchModal)
            await pilot.press(*"coffee at the fair", "enter")
            await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, DashboardScreen)
        (message,) = refusals(app)
        assert REASONS[kind] in message
        assert folder_state(demo_db.parent) == before
        assert app.store.touches_of(marta) == touches
        assert {c.id: app.store.channel_heat(c.id) for c in app.store.channels_of(marta)} == heats
        assert contact_list(app).row(marta) == row
        # The list reads as before (the notification aside).
        for line in screen_before.splitlines()[:3]:
            assert line in visible_text(app)
    with Store(demo_db, read_only=True) as again:
        assert again.touches_of(marta) == touches


@pytest.mark.parametrize("kind", FAULTS)
async def test_a_fault_at_quit_loses_nothing_that_was_saved(demo_db: Path, kind: str) -> None:
    """The session's last act folds its journal into the book; when the disk
    refuses that, the journal keeps every saved change for the next session."""
    app = make_app(demo_db)
    with fault(kind, demo_db.parent):
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            with fault_lifted():
                # One touch: a single change, appended to the journal.
                await pilot.press("l", *NOTE, "enter")
                await settle(pilot)
            assert any(n.title == "Saved" for n in app._notifications)
            await pilot.press("q")
            await pilot.pause()
    assert not app.is_running
    # The fold failed: the book lacks the touch, the journal holds it.
    assert NOTE.encode() not in demo_db.read_bytes()
    with Store(demo_db, read_only=True) as again:
        notes = [t.note for c in again.contacts() for t in again.touches_of(c.id)]
        assert notes.count(NOTE) == 1


async def test_a_book_in_a_read_only_folder_opens_and_refuses_changes_clearly(
    demo_db: Path,
) -> None:
    """The first session of the day cannot make its backup there: the book
    still opens whole, and the first change says why it was not saved."""
    before = folder_state(demo_db.parent)
    with fault("read-only folder", demo_db.parent):
        app = make_app(demo_db)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert len(shown_names(app)) == len(app.store.contacts()) > 0
            await pilot.press("a", *"Zoë Adams", "enter")
            await settle(pilot)
            assert app.is_running
            (message,) = refusals(app)
            assert REASONS["read-only folder"] in message
            assert "Zoë Adams" not in shown_names(app)
    assert_unchanged(before, folder_state(demo_db.parent), demo_db.name)
