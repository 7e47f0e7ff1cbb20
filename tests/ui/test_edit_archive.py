"""Editing and archiving: nothing destructive happens on one unconfirmed key,
and an archive can be undone."""

from __future__ import annotations

from pathlib import Path

from bchan_tui.screens import ConfirmModal, ContactScreen, DashboardScreen, EditContactModal

from .helpers import contact_list, highlighted_name, make_app, settle, shown_names, visible_text


async def test_edit_changes_the_contact_and_its_row(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lindqvist", "enter", "e")
        modal = app.screen
        assert isinstance(modal, EditContactModal)
        # Name -> codename -> organisation: clear it and type the new one.
        await pilot.press("tab", "tab", "home", "ctrl+k", *"Northwind Group")
        await pilot.press("tab", "tab", "home", "ctrl+k", "5", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        marta = next(c for c in app.store.contacts() if c.name == "Marta Lindqvist")
        assert marta.org == "Northwind Group"
        assert marta.strength == 5
        assert marta.codename == "HERON"
        assert highlighted_name(app) == "Marta Lindqvist"
        row = contact_list(app).highlighted_row
        assert row is not None and row.contact.org == "Northwind Group"
        assert "Northwind G" in visible_text(app)


async def test_an_invalid_strength_is_marked_and_not_saved(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("e", "tab", "tab", "tab", "tab", "home", "ctrl+k", "9", "enter")
        assert isinstance(app.screen, EditContactModal)
        assert "strength is a whole number from 0 to 5" in visible_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert all(c.strength <= 5 for c in app.store.contacts())


async def test_a_codename_another_contact_has_is_refused_in_the_form(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"priya", "enter", "e")
        assert isinstance(app.screen, EditContactModal)
        # Marta Lindqvist is HERON: another contact may not be.
        await pilot.press("tab", "home", "ctrl+k", *"heron", "tab", *" Group", "enter")
        assert isinstance(app.screen, EditContactModal)  # nothing typed is lost
        assert "that codename is taken by another contact" in visible_text(app)
        assert "Marta" not in visible_text(app)
        app.screen.query_one("#codename").focus()
        await pilot.press("home", "ctrl+k", *"KITE", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        priya = next(c for c in app.store.contacts() if c.name == "Priya Raman")
        assert priya.codename == "KITE"
        assert priya.org == "Group"  # what was typed with the refused codename


async def test_archive_asks_first_and_undo_restores(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        first = highlighted_name(app)
        second = shown_names(app)[1]
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert first not in shown_names(app)
        assert len(shown_names(app)) == 29
        # The cursor lands on the neighbour, and a notification offers undo.
        assert highlighted_name(app) == second
        assert any("Press u to undo" in n.message for n in app._notifications)
        archived = [c for c in app.store.contacts(include_archived=True) if c.archived]
        assert [c.name for c in archived] == [first]

        await pilot.press("u")
        await settle(pilot)
        assert len(shown_names(app)) == 30
        assert highlighted_name(app) == first
        assert not any(c.archived for c in app.store.contacts(include_archived=True))


async def test_a_stray_d_or_enter_archives_nothing(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # d then Enter: the question starts on "Cancel".
        await pilot.press("d", "enter")
        await settle(pilot)
        await pilot.press("d", "escape")
        await settle(pilot)
        await pilot.press("d", "n")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len(shown_names(app)) == 30
        assert not any(c.archived for c in app.store.contacts(include_archived=True))


async def test_u_without_an_archive_does_nothing(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.dashboard.check_action("undo_archive", ()) is False
        await pilot.press("u")
        await settle(pilot)
        assert len(shown_names(app)) == 30


async def test_archive_from_the_contact_screen_returns_and_offers_undo(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lindqvist", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("d", "y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "Marta Lindqvist" not in shown_names(app)
        await pilot.press("escape", "u")
        await settle(pilot)
        assert highlighted_name(app) == "Marta Lindqvist"
