"""Helpers for the accounts screen's tests."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from bchan_tui.app import BchanApp
from bchan_tui.screens import (
    AccountFormModal,
    AccountsScreen,
)
from bchan_tui.widgets import AccountPeople, AccountProcess

from .helpers import settle

# Markup a name could hide: shown as typed, never run.
MARKUP_NAME = "[bold]Acme[/] [@click=app.quit]x[/]"
EDIT_TITLE = "Edit the account: its name, official process and notes"


def accounts_screen(app: BchanApp) -> AccountsScreen:
    screen = app.screen
    assert isinstance(screen, AccountsScreen)
    return screen


async def open_accounts(app: BchanApp, pilot: Pilot[None]) -> AccountsScreen:
    """The accounts screen, opened from the dashboard with ``A`` once the
    book is read."""
    await settle(pilot)
    await pilot.press("A")
    await settle(pilot)
    return accounts_screen(app)


def names(people: AccountPeople) -> list[str]:
    return [person.contact.name for person in people.people]


def account_id(app: BchanApp, name: str) -> str:
    return next(a.id for a in app.store.accounts() if a.name == name)


def account_form(app: BchanApp) -> AccountFormModal:
    modal = app.screen
    assert isinstance(modal, AccountFormModal)
    return modal


def process_text(app: BchanApp) -> str:
    """What the official process panel says, as plain text."""
    return str(accounts_screen(app).query_one(AccountProcess).render())


def form_error(app: BchanApp) -> str:
    error = account_form(app).query_one("#form-error", Static)
    return str(error.render()) if error.display else ""
