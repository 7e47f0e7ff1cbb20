"""Adding and editing accounts on the accounts screen: the form, what it
refuses and why, and markup in a name shown literally."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from bchan_tui.commands import BchanCommands
from bchan_tui.screens import (
    AccountFormModal,
    AccountsScreen,
    QuickAddModal,
)

from .account_helpers import (
    EDIT_TITLE,
    MARKUP_NAME,
    account_form,
    account_id,
    accounts_screen,
    form_error,
    names,
    open_accounts,
    process_text,
)
from .helpers import make_app, settle, visible_text


async def test_n_adds_the_first_account_of_an_empty_book(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_accounts(app, pilot)
        assert "Press n to add one." in visible_text(app)
        await pilot.press("n")
        modal = account_form(app)
        assert "New account" in visible_text(app)
        await pilot.press(*"Northwind Logistics", "tab", *"RFP run by Purchasing", "tab")
        await pilot.press(*"Jonas runs the RFP.", "enter", *"Marta is the champion.", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen and not modal.is_attached
        [account] = app.store.accounts()
        assert account.name == "Northwind Logistics"
        assert account.official_process == "RFP run by Purchasing"
        assert account.notes == "Jonas runs the RFP.\nMarta is the champion."
        assert screen.account_list.highlighted_id == account.id
        assert app.focused is screen.account_list
        text = visible_text(app)
        assert "1 account" in text
        assert process_text(app).splitlines() == [
            "Northwind Logistics  RFP run by Purchasing",
            "Jonas runs the RFP.",
            "Marta is the champion.",
        ]
        assert "Press n to add one." not in text
        assert any(
            n.message == "Added the account Northwind Logistics." for n in app._notifications
        )


async def test_a_new_account_is_highlighted_in_its_place_by_name(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_accounts(app, pilot)
        await pilot.press("n", *"Initech", "enter")
        await settle(pilot)
        screen = accounts_screen(app)
        # Globex, Helios, Initech, Northwind: the cursor is on the new one.
        assert screen.account_list.cursor == 2
        assert screen.account_list.highlighted_id == account_id(app, "Initech")
        text = visible_text(app)
        assert "4 accounts" in text
        assert process_text(app) == "Initech  not written down yet"
        assert "Nobody in the official process." in text


async def test_e_edits_the_highlighted_account(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("A", "down", "down")
        await settle(pilot)
        screen = accounts_screen(app)
        northwind = account_id(app, "Northwind Logistics")
        await pilot.press("e")
        modal = account_form(app)
        name = modal.query_one("#account-form-name", Input)
        process = modal.query_one("#account-form-process", Input)
        assert name.value == "Northwind Logistics" and name.has_focus
        assert process.value == "RFP run by Purchasing; shortlist in January, decision in March"
        assert "Edit Northwind Logistics" in visible_text(app)
        await pilot.press("home", "ctrl+k", *"Northwind Group", "tab")
        await pilot.press("home", "ctrl+k", *"RFP run by Purchasing; decision moved to April")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        account = app.store.account(northwind)
        assert account.name == "Northwind Group"
        assert account.official_process == "RFP run by Purchasing; decision moved to April"
        assert screen.account_list.highlighted_id == northwind
        assert process_text(app).startswith(
            "Northwind Group  RFP run by Purchasing; decision moved to April"
        )
        assert "Northwind Group" in visible_text(app)
        # Its people are still there.
        assert names(screen.back_channels) == ["Marta Lindqvist", "Priya Raman"]


async def test_escape_leaves_the_account_as_it_was(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_accounts(app, pilot)
        before = app.store.accounts()
        await pilot.press("e", *" and more", "escape")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
        await pilot.press("n", *"Initech", "escape")
        await settle(pilot)
        assert app.store.accounts() == before


async def test_the_form_says_what_is_wrong_with_a_name(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_accounts(app, pilot)
        before = app.store.accounts()
        await pilot.press("n", "enter")
        modal = account_form(app)
        name = modal.query_one("#account-form-name", Input)
        assert name.has_class("-invalid") and name.has_focus
        assert form_error(app) == "a name is required"
        assert "a name is required" in visible_text(app)
        # Another account's name, in another case.
        await pilot.press(*"northwind logistics ", "enter")
        assert form_error(app) == 'there is already an account named "Northwind Logistics"'
        # One character too many, pasted with Ctrl+V: typed, the 201 keys
        # took most of this test's 20 seconds.
        app.copy_to_clipboard("N" * 201)
        await pilot.press("home", "ctrl+k", "ctrl+v")
        assert name.value == "N" * 201
        await pilot.press("enter")
        assert form_error(app) == "a name is at most 200 characters"
        assert app.screen is modal
        # A name of its own clears the message and saves.
        await pilot.press("home", "ctrl+k", *"Northwind Freight")
        assert form_error(app) == "" and not name.has_class("-invalid")
        await pilot.press("enter")
        await settle(pilot)
        assert len(app.store.accounts()) == len(before) + 1


async def test_editing_keeps_its_own_name_and_refuses_anothers(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_accounts(app, pilot)
        # Globex Bank may keep its name, in another case too...
        await pilot.press("e", "home", "ctrl+k", *"GLOBEX BANK", "enter")
        await settle(pilot)
        assert app.store.account(account_id(app, "GLOBEX BANK")).name == "GLOBEX BANK"
        # ...but not take Helios Energy's.
        await pilot.press("e", "home", "ctrl+k", *"helios energy", "enter")
        assert form_error(app) == 'there is already an account named "Helios Energy"'


async def test_a_name_the_store_refuses_brings_the_form_back_with_the_reason(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_accounts(app, pilot)
        # An account the screen has not listed yet: only the store knows it.
        app.store.add_account("Initech")
        await pilot.press("n", *"INITECH", "tab", *"Tender in June", "enter")
        await settle(pilot)
        modal = account_form(app)
        assert form_error(app) == 'there is already an account named "Initech"'
        # What was typed is still there to correct.
        assert modal.query_one("#account-form-name", Input).value == "INITECH"
        assert modal.query_one("#account-form-process", Input).value == "Tender in June"
        assert [a.name for a in app.store.accounts()].count("Initech") == 1
        await pilot.press("home", "ctrl+k", *"Initrode", "enter")
        await settle(pilot)
        assert app.store.account(account_id(app, "Initrode")).official_process == "Tender in June"


async def test_markup_in_an_account_name_is_shown_literally(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("A", "n", *MARKUP_NAME, "tab", *"[b]RFP[/b]", "enter")
        await settle(pilot)
        assert app.is_running
        [account] = app.store.accounts()
        assert account.name == MARKUP_NAME
        text = visible_text(app)
        assert f"{MARKUP_NAME}" in text and "[b]RFP[/b]" in text
        assert process_text(app) == f"{MARKUP_NAME}  [b]RFP[/b]"
        assert any(n.message == f"Added the account {MARKUP_NAME}." for n in app._notifications)
        await pilot.press("e")
        assert f"Edit {MARKUP_NAME}" in visible_text(app)
        # Clicking along the title runs nothing.
        for x in range(8, 40, 4):
            await pilot.click("#account-form", offset=(x, 0))
        assert app.is_running
        assert isinstance(app.screen, AccountFormModal)


async def test_the_palette_offers_adding_and_editing_accounts(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_accounts(app, pilot)
        titles = {c.title for c in BchanCommands(app.screen).commands()}
        assert "Add an account" in titles
        # Nothing to edit in an empty book.
        assert EDIT_TITLE not in titles
        await pilot.press("n", *"Northwind", "enter")
        await settle(pilot)
        titles = {c.title for c in BchanCommands(app.screen).commands()}
        assert EDIT_TITLE in titles


async def test_quick_add_offers_an_account_made_on_the_accounts_screen(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("A", "n", *"Northwind", "enter")
        await settle(pilot)
        await pilot.press("escape", "a", *"Ada Quinn", "tab", "tab")
        modal = app.screen
        assert isinstance(modal, QuickAddModal)
        account = modal.query_one("#account", Select)
        assert account.has_focus
        await pilot.press("space", "down", "enter", "ctrl+s")
        await settle(pilot)
        ada = next(c for c in app.store.contacts() if c.name == "Ada Quinn")
        assert ada.account_id == account_id(app, "Northwind")
