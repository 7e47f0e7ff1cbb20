"""The accounts screen: each account's official process beside its people,
split into the official process and back channels, with its intel; and
assigning a contact to an account from quick add and from edit."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from bchan_tui.screens import (
    ContactScreen,
    DashboardScreen,
    EditContactModal,
    QuickAddModal,
)

from .account_helpers import (
    account_id,
    accounts_screen,
    names,
    open_accounts,
)
from .helpers import highlighted_name, make_app, settle, visible_text


async def test_the_dashboard_key_shows_each_accounts_process_and_people(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_accounts(app, pilot)
        # Accounts by name: Globex Bank first.
        text = visible_text(app)
        assert "Steering committee signs off; security review first, budget in Q2" in text
        assert names(screen.official_people) == ["Daniel Cho", "Sofia Rossi"]
        assert names(screen.back_channels) == ["Elena Petrova", "Hiro Tanaka"]
        await pilot.press("down", "down")
        await settle(pilot)
        text = visible_text(app)
        assert "RFP run by Purchasing; shortlist in January, decision in March" in text
        assert names(screen.official_people) == ["Jonas Weber", "Tom Okafor"]
        assert names(screen.back_channels) == ["Marta Lindqvist", "Priya Raman"]
        # Each back channel with strength, state, heat and what they gain.
        assert "In the official process (2)" in text and "Back channels (2)" in text
        marta = next(line for line in text.splitlines() if "Marta Lindqvist" in line)
        for part in ("●●●●○", "fresh", "█ hot", "wants a modern stack"):
            assert part in marta
        # The intel its people gave or were given, with its status.
        assert "the shortlist is down to us and one other" in text
        assert "← contradicted" in text
        # Not the intel of people outside the account.
        assert "two peers are moving to cloud-only vendors" not in text
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_the_palette_opens_the_accounts_screen(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"accounts")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        accounts_screen(app)
        assert "Globex Bank" in visible_text(app)


async def test_enter_opens_the_highlighted_person_and_escape_comes_back(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_accounts(app, pilot)
        # Enter on an account goes to its back channels; j moves; Enter opens.
        await pilot.press("enter")
        assert app.focused is screen.back_channels
        await pilot.press("j", "enter")
        await settle(pilot)
        contact_screen = app.screen
        assert isinstance(contact_screen, ContactScreen)
        assert app.store.contact(contact_screen.contact_id).name == "Hiro Tanaka"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        # The official process too, reached with tab.
        await pilot.press("shift+tab", "enter")
        await settle(pilot)
        official = app.screen
        assert isinstance(official, ContactScreen)
        assert app.store.contact(official.contact_id).name == "Daniel Cho"


async def test_screen_safe_shows_codenames_and_withholds_confidential_intel(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("A", "down", "down")
        await settle(pilot)
        text = visible_text(app)
        assert "Marta Lindqvist" in text and "Priya Raman" in text
        assert "Purchasing will push for a 12% discount" in text
        await pilot.press("m")
        await settle(pilot)
        text = visible_text(app)
        assert "HERON" in text and "KESTREL" in text
        assert "Marta Lindqvist" not in text and "Priya Raman" not in text
        assert "Purchasing will push for a 12% discount" not in text
        assert "SCREEN-SAFE" in text
        # A source without a codename is not named beside what they said.
        assert "Jonas Weber: the RFP closes on 15 January" not in text
        assert "the RFP closes on 15 January" in text
        await pilot.press("m")
        await settle(pilot)
        assert "Marta Lindqvist" in visible_text(app)


async def test_a_book_without_accounts_says_so(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_accounts(app, pilot)
        text = visible_text(app)
        assert "No accounts yet." in text
        assert "No accounts in this book yet." in text
        assert "Press n to add one." in text


async def test_quick_add_assigns_the_account_chosen(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Ada Quinn", "tab", *"Helios Energy", "tab")
        modal = app.screen
        assert isinstance(modal, QuickAddModal)
        account = modal.query_one("#account", Select)
        assert account.has_focus
        # The accounts by name after "none": Globex, Helios, Northwind.
        await pilot.press("space", "down", "down", "enter")
        assert account.value == account_id(app, "Helios Energy")
        # Enter on the menu would open it again: ctrl+s saves from anywhere.
        await pilot.press("ctrl+s")
        await settle(pilot)
        ada = next(c for c in app.store.contacts() if c.name == "Ada Quinn")
        assert ada.account_id == account_id(app, "Helios Energy")
        await pilot.press("A", "down")
        await settle(pilot)
        assert "Ada Quinn" in names(accounts_screen(app).official_people)


async def test_edit_assigns_and_clears_the_account(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"whitfield", "enter", "e")
        modal = app.screen
        assert isinstance(modal, EditContactModal)
        # Name, codename, organisation, role, strength, cadence, then the account.
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")
        account = modal.query_one("#account", Select)
        assert account.has_focus and account.value is Select.NULL
        await pilot.press("space", "down", "down", "down", "enter", "ctrl+s")
        await settle(pilot)
        sam = next(c for c in app.store.contacts() if c.name == "Sam Whitfield")
        assert sam.account_id == account_id(app, "Northwind Logistics")

        await pilot.press("e")
        modal = app.screen
        assert isinstance(modal, EditContactModal)
        account = modal.query_one("#account", Select)
        assert account.value == account_id(app, "Northwind Logistics")
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")
        await pilot.press("space", "home", "enter", "ctrl+s")
        await settle(pilot)
        assert app.store.contact(sam.id).account_id is None


async def test_quick_add_from_the_accounts_screen_comes_back_to_the_new_contact(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_accounts(app, pilot)
        await pilot.press("a", *"Bo Lind", "tab", "tab", "space", "down", "enter", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert highlighted_name(app) == "Bo Lind"
        bo = next(c for c in app.store.contacts() if c.name == "Bo Lind")
        assert bo.account_id == account_id(app, "Globex Bank")
