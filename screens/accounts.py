"""The accounts screen: each account's official process, and beside it the
people — who sits in the official process and who is a back channel — with
the intel that concerns the account."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static
from textual.worker import get_current_worker

from bchan_tui.data import Account, AccountMap, AccountSummary, Store, ValidationError
from bchan_tui.data.book.screen_safe import safe_account, safe_account_map
from bchan_tui.data.domain.scrubber import Scrubber
from bchan_tui.widgets import KeyFooter
from bchan_tui.widgets.account_map import AccountIntel, AccountList, AccountPeople, AccountProcess

from .account_form import AccountEntry, AccountFormModal
from .book_screen import BookScreen
from .contact import ContactOutcome, ContactScreen
from .failures import report_failure

NO_ACCOUNTS = (
    "No accounts in this book yet. An account gathers the people of one deal: "
    "its official process beside its back channels. Press n to add one."
)


class AccountsScreen(BookScreen[None]):
    """Every account, and the map of the highlighted one. Enter on a person
    opens their contact screen; Escape goes back to the dashboard.

    ``contact_closed`` hears what happened on a contact opened from here, so
    the dashboard can bring its row up to date.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="accounts.back", tooltip="Back to the dashboard"),
        Binding("n", "new_account", "New", id="accounts.new", tooltip="Add an account"),
        Binding(
            "e",
            "edit_account",
            "Edit",
            id="accounts.edit",
            tooltip="Edit the account: its name, official process and notes",
        ),
    ]

    AUTO_FOCUS = "#account-list"
    CSS_PATH = "accounts.tcss"

    def __init__(
        self,
        store: Store,
        *,
        contact_closed: Callable[[ContactOutcome | None], None] | None = None,
    ) -> None:
        super().__init__(store, id="accounts")
        self.contact_closed = contact_closed
        self.summaries: list[AccountSummary] = []
        # Maps worked out so far, by account id; read again after a change.
        self.maps: dict[str, AccountMap] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="accounts-status")
        with Horizontal(id="accounts-body"):
            accounts = AccountList(id="account-list")
            accounts.border_title = "Accounts"
            yield accounts
            with Vertical(id="account-side"):
                process = AccountProcess(id="account-process")
                process.border_title = "Official process"
                yield process
                yield AccountPeople("Nobody in the official process.", id="official-people")
                yield AccountPeople("No back channel in this account.", id="back-channels")
                yield AccountIntel(id="account-intel")
        yield KeyFooter()

    @property
    def account_list(self) -> AccountList:
        return self.query_one("#account-list", AccountList)

    @property
    def official_people(self) -> AccountPeople:
        return self.query_one("#official-people", AccountPeople)

    @property
    def back_channels(self) -> AccountPeople:
        return self.query_one("#back-channels", AccountPeople)

    @property
    def account_intel(self) -> AccountIntel:
        return self.query_one("#account-intel", AccountIntel)

    def on_mount(self) -> None:
        super().on_mount()
        self.official_people.border_title = "In the official process"
        self.back_channels.border_title = "Back channels"
        self.account_intel.border_title = "Intel"
        # Opened with screen-safe already on: the watcher ran before mounting.
        for widget in (self.official_people, self.back_channels, self.account_intel):
            widget.screen_safe = self.screen_safe
        self._update_status()
        self.load()

    def watch_screen_safe(self, value: bool) -> None:
        if not self.is_mounted:
            return
        # The map again, its free text scrubbed (or not) before it is drawn.
        self._show_account(self.account_list.highlighted_account)
        for widget in (self.official_people, self.back_channels, self.account_intel):
            widget.screen_safe = value
        self._update_status()

    # --- loading ----------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="load", exclusive=True)
    def load(self) -> None:
        """The accounts, then the map of the highlighted one."""
        summaries = self.store.account_summaries()
        self.app.call_from_thread(self.use_scrubber, self.store.scrubber())
        self.app.call_from_thread(self._show_accounts, summaries)

    def _show_accounts(self, summaries: list[AccountSummary], chosen: str | None = None) -> None:
        self.summaries = summaries
        self.maps.clear()
        self.account_list.set_accounts(summaries, chosen=chosen)
        self._show_account(self.account_list.highlighted_account)
        self._update_status()
        self.refresh_bindings()

    def _show_account(self, account: Account | None) -> None:
        """Show the account's map, working it out first if it is not known yet."""
        known = self.maps.get(account.id) if account is not None else None
        if known is not None:
            self._show_map(known)
            return
        shown = safe_account(account, self.scrubber) if account and self.screen_safe else account
        self.query_one(AccountProcess).show(shown, empty=NO_ACCOUNTS)
        for people in (self.official_people, self.back_channels):
            people.set_people((), loading=account is not None)
        self.account_intel.set_intel((), {})
        if account is not None:
            self.load_map(account.id)

    @work(thread=True, exit_on_error=False, group="map", exclusive=True)
    def load_map(self, account_id: str) -> None:
        """One account's map: its people's heat and state, and its intel."""
        account_map = self.store.account_map(account_id)
        scrubber = self.store.scrubber()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._map_loaded, account_map, scrubber)

    def _map_loaded(self, account_map: AccountMap, scrubber: Scrubber) -> None:
        self.use_scrubber(scrubber)
        self.maps[account_map.account.id] = account_map
        if self.account_list.highlighted_id == account_map.account.id:
            self._show_map(account_map)

    def _show_map(self, account_map: AccountMap) -> None:
        if self.screen_safe:
            account_map = safe_account_map(account_map, self.scrubber)
        self.query_one(AccountProcess).show(account_map.account)
        official, back = account_map.official, account_map.back_channels
        self.official_people.set_people(official)
        self.official_people.border_title = f"In the official process ({len(official)})"
        self.back_channels.set_people(back)
        self.back_channels.border_title = f"Back channels ({len(back)})"
        contacts = {person.contact.id: person.contact for person in account_map.people}
        self.account_intel.set_intel(account_map.intel, contacts)
        self.account_intel.border_title = f"Intel ({len(account_map.intel)})"

    def _update_status(self) -> None:
        count = len(self.summaries)
        parts: list[str | tuple[str, str]] = [
            ("bchan", "bold $text-accent"),
            (" · ", "$text-muted"),
            "accounts",
            (" · ", "$text-muted"),
            f"{count} account" if count == 1 else f"{count} accounts",
        ]
        if self.screen_safe:
            parts += ["  ", (" SCREEN-SAFE ", "bold reverse $warning")]
        self.query_one("#accounts-status", Static).update(Content.assemble(*parts))

    # --- moving around ------------------------------------------------------------

    @on(AccountList.Highlighted)
    def _account_highlighted(self) -> None:
        self._show_account(self.account_list.highlighted_account)

    @on(AccountList.Selected)
    def _account_selected(self) -> None:
        # Enter on an account goes to its people, back channels first.
        for people in (self.back_channels, self.official_people):
            if people.item_count():
                people.focus()
                return

    def close(self) -> None:
        """Go back to the dashboard."""
        self.dismiss(None)

    def action_back(self) -> None:
        self.close()

    # --- adding and editing an account ---------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_account" and self.is_mounted:
            # Shown dimmed until there is an account to edit.
            return True if self.account_list.highlighted_account is not None else None
        return True

    def action_new_account(self) -> None:
        self.ask_account(None)

    def action_edit_account(self) -> None:
        account = self.account_list.highlighted_account
        if account is None:
            return
        if self.hides_any(account.name, account.official_process, account.notes):
            self.refuse_while_screen_safe("Editing this account")
            return
        self.ask_account(account)

    def ask_account(
        self, account: Account | None, entered: AccountEntry | None = None, problem: str = ""
    ) -> None:
        """The account form, empty for a new account or filled with ``account``;
        ``entered`` and ``problem`` bring back a save the store refused."""
        if isinstance(self.app.screen, AccountFormModal):
            return

        def answered(entry: AccountEntry | None) -> None:
            if entry is None:
                return
            if account is not None and not entry.changes_to(account):
                return
            self._save_account(account, entry)

        # The accounts already listed: the form checks a new name against them.
        accounts = [summary.account for summary in self.summaries]
        modal = AccountFormModal(accounts, account, entered=entered, problem=problem)
        self.app.push_screen(modal, answered)

    @work(thread=True, exit_on_error=False, group="write")
    def _save_account(self, account: Account | None, entry: AccountEntry) -> None:
        try:
            if account is None:
                saved = self.store.add_account(
                    entry.name, official_process=entry.official_process, notes=entry.notes
                )
                message = f"Added the account {saved.name}."
            else:
                saved = self.store.update_account(account.id, **entry.changes_to(account))
                message = f"Saved the account {saved.name}."
        except ValidationError as problem:
            # Back to the form with what was typed, and what the store said.
            self.app.call_from_thread(self._refused, account, entry, problem)
            return
        summaries = self.store.account_summaries()
        self.app.call_from_thread(self._account_saved, saved, summaries, message)

    def _refused(self, account: Account | None, entry: AccountEntry, problem: Exception) -> None:
        if self.is_attached:
            self.ask_account(account, entry, str(problem))
        else:
            # The screen was left meanwhile: say so the way other failures are said.
            report_failure(self.app, problem)

    def _account_saved(self, saved: Account, summaries: list[AccountSummary], message: str) -> None:
        # markup=False: the message holds a name the user typed.
        self.notify(message, title="Saved", markup=False)
        if self.is_attached:
            self._show_accounts(summaries, chosen=saved.id)
            self.account_list.focus()

    # --- opening a person -------------------------------------------------------------

    @on(AccountPeople.Selected)
    def _person_selected(self, event: AccountPeople.Selected) -> None:
        self.open_contact(event.contact_id)

    @on(AccountIntel.Selected)
    def _intel_selected(self, event: AccountIntel.Selected) -> None:
        self.open_contact(event.contact_id)

    def open_contact(self, contact_id: str) -> None:
        """Show the contact's screen; coming back, the map is read again."""
        self.app.push_screen(ContactScreen(self.store, contact_id), self._contact_closed)

    def _contact_closed(self, outcome: ContactOutcome | None) -> None:
        if self.contact_closed is not None:
            self.contact_closed(outcome)
        if outcome is not None and (outcome.changed or outcome.archived is not None):
            self.load()
