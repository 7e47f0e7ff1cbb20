"""The archive view: the archived contacts, one key away from the dashboard,
and a key that brings one back to it."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from bchan_tui.app import BchanApp
from bchan_tui.screens import ArchiveScreen, DashboardScreen
from bchan_tui.widgets import ArchivedList

from .helpers import highlighted_name, make_app, settle, shown_names, visible_text


def archived_names(app: BchanApp) -> list[str]:
    """The names the archive view lists, in their order."""
    rows = app.screen.query_one(ArchivedList)
    return [row.contact.name for cid in rows.shown_ids if (row := rows.row(cid))]


async def archive(pilot: Pilot[None], name: str) -> None:
    """Archive ``name`` from the dashboard, answering yes."""
    await pilot.press("slash", *name, "enter", "d", "y")
    await settle(pilot)
    await pilot.press("escape")  # the filter cleared, every contact shown
    # The toast names the contact: what a test reads next is the screen's own.
    pilot.app.clear_notifications()
    await settle(pilot)


async def test_an_archived_contact_is_restored_from_the_archive_view(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await archive(pilot, "lindqvist")
        await archive(pilot, "priya")
        assert "Marta Lindqvist" not in shown_names(app)

        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ArchiveScreen)
        # The archived contacts only, by name, and how many in the status line.
        assert archived_names(app) == ["Marta Lindqvist", "Priya Raman"]
        assert "2 archived contacts" in visible_text(app)

        await pilot.press("u")
        await settle(pilot)
        assert archived_names(app) == ["Priya Raman"]
        assert "1 archived contact\n" in visible_text(app)
        assert any(n.message == "Restored Marta Lindqvist." for n in app._notifications)
        marta = next(c for c in app.store.contacts() if c.name == "Marta Lindqvist")
        assert not marta.archived

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        # Listed again, under the cursor; Priya is still archived.
        assert "Marta Lindqvist" in shown_names(app)
        assert "Priya Raman" not in shown_names(app)
        assert highlighted_name(app) == "Marta Lindqvist"
        assert len(shown_names(app)) == 29


async def test_undo_on_the_dashboard_skips_what_the_archive_view_restored(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await archive(pilot, "lindqvist")
        await pilot.press("v", "u")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        # Nothing is left to undo: the only archive was restored already.
        assert app.dashboard.check_action("undo_archive", ()) is False
        assert len(shown_names(app)) == 30


async def test_v_toggles_the_archive_view(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ArchiveScreen)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ArchiveScreen)


async def test_an_empty_archive_says_so_and_offers_nothing_to_restore(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ArchiveScreen)
        text = visible_text(app)
        assert "No archived contacts." in text
        assert "0 archived contacts" in text
        assert app.screen.check_action("restore", ()) is None
        await pilot.press("u", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArchiveScreen)
        assert not any(c.archived for c in app.store.contacts(include_archived=True))


async def test_enter_opens_nothing_in_the_archive_view(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await archive(pilot, "lindqvist")
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        # Still the archive view, and the footer does not offer Open.
        assert isinstance(app.screen, ArchiveScreen)
        assert "Open" not in visible_text(app).splitlines()[-1]
        assert archived_names(app) == ["Marta Lindqvist"]


async def test_screen_safe_shows_the_codename_in_the_archive_view(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await archive(pilot, "lindqvist")
        await pilot.press("m", "v")
        await settle(pilot)
        text = visible_text(app)
        assert "HERON" in text
        assert "SCREEN-SAFE" in text
        assert "Marta" not in text and "Lindqvist" not in text

        # Switched off and on again while the view is open.
        await pilot.press("m")
        await settle(pilot)
        assert "Marta Lindqvist" in visible_text(app)
        await pilot.press("m", "u")
        await settle(pilot)
        restored = [n.message for n in app._notifications if n.message.startswith("Restored")]
        assert restored == ["Restored HERON."]
        assert "Marta" not in visible_text(app)


async def test_quick_add_from_the_archive_view_shows_the_new_contact(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("a", *"Nora Quinn", "enter")
        await settle(pilot)
        # The view closes, so the new contact is seen where it was added.
        assert isinstance(app.screen, DashboardScreen)
        assert highlighted_name(app) == "Nora Quinn"
