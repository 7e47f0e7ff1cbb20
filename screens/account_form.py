"""The account form: a name, the official process and notes, to add an
account or to edit one. A name another account has is refused in the form,
whatever the case, as the store would refuse it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Static, TextArea

from bchan_tui.data import Account, ValidationError
from bchan_tui.data.domain.text import LONG_MAX, clean_line
from bchan_tui.data.domain.validate import unique_name
from bchan_tui.widgets import KeyFooter

from .form import FormModal, optional, required

PROCESS_MAX = 2000


@dataclass(frozen=True, slots=True)
class AccountEntry:
    """What the account form returns: the caller saves it. ``account_id``
    is the account edited, or None for a new one."""

    name: str
    official_process: str = ""
    notes: str = ""
    account_id: str | None = None

    def changes_to(self, account: Account) -> dict[str, str]:
        """The fields that differ from ``account``, for ``Store.update_account``."""
        entered = {
            "name": self.name,
            "official_process": self.official_process,
            "notes": self.notes,
        }
        return {key: value for key, value in entered.items() if value != getattr(account, key)}


class NameNotTaken(Validator):
    """A name no other account has, compared as the store compares them."""

    def __init__(self, taken: Sequence[str]) -> None:
        super().__init__()
        self.taken = tuple(taken)

    def validate(self, value: str) -> ValidationResult:
        try:
            unique_name(clean_line(value), self.taken, "an account")
        except ValidationError as problem:
            return self.failure(str(problem))
        return self.success()


class AccountFormModal(FormModal[AccountEntry]):
    """Add an account (``account`` None) or edit ``account``; ``accounts``
    are the book's accounts, whose names a new name must not repeat.

    ``entered`` and ``problem`` bring back what was typed, and why the store
    refused it, when a save failed.
    """

    def __init__(
        self,
        accounts: Sequence[Account] = (),
        account: Account | None = None,
        *,
        entered: AccountEntry | None = None,
        problem: str = "",
    ) -> None:
        super().__init__()
        self.account = account
        self.taken = [a.name for a in accounts if account is None or a.id != account.id]
        self.entered = entered or AccountEntry(
            name=account.name if account else "",
            official_process=account.official_process if account else "",
            notes=account.notes if account else "",
            account_id=account.id if account else None,
        )
        self.problem = problem

    def compose(self) -> ComposeResult:
        entered = self.entered
        with VerticalScroll(id="account-form", classes="form-box") as box:
            if self.account is None:
                box.border_title = "New account"
            else:
                box.border_title = Content.assemble("Edit ", self.account.name)
            box.border_subtitle = "Enter or Ctrl+S saves · Esc cancels"
            with Grid(classes="form-grid notes-grid"):
                yield Static("Name", classes="form-label")
                yield Input(
                    entered.name,
                    id="account-form-name",
                    name="name",
                    placeholder="required, e.g. Northwind Logistics",
                    validators=[*required("a name"), NameNotTaken(self.taken)],
                    validate_on=["changed", "submitted"],
                )
                yield Static("Official process", classes="form-label")
                yield Input(
                    entered.official_process,
                    id="account-form-process",
                    name="official process",
                    placeholder="e.g. RFP run by Purchasing, decision in March",
                    validators=optional("the official process", PROCESS_MAX),
                    validate_on=["changed", "submitted"],
                )
                yield Static("Notes", classes="form-label")
                yield TextArea(entered.notes, id="notes", soft_wrap=True)
            yield Static(id="form-error", classes="form-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_error(self.problem)
        self.query_one("#account-form-name", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        # Each input reports the value it starts with; that is no edit, so a
        # refusal brought back stays shown until the user changes something.
        event.prevent_default()
        given = {
            "account-form-name": self.entered.name,
            "account-form-process": self.entered.official_process,
        }
        if self.problem and event.value == given.get(event.input.id or ""):
            return
        self.problem = ""
        super().on_input_changed(event)

    def result(self) -> AccountEntry | None:
        notes = self.query_one("#notes", TextArea).text
        if len(notes) > LONG_MAX:
            self.show_error(f"the notes are at most {LONG_MAX:,} characters")
            self.query_one("#notes", TextArea).focus()
            return None
        return AccountEntry(
            name=self.query_one("#account-form-name", Input).value.strip(),
            official_process=self.query_one("#account-form-process", Input).value.strip(),
            notes=notes.strip(),
            account_id=self.account.id if self.account else None,
        )
