"""What every form modal shares: Enter saves from any field, Escape cancels,
fields are checked by Textual validators and a bad one is marked inline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.validation import Function, Length, Validator
from textual.widgets import Button, Input, Select, Static, TextArea

from bchan_tui.data import Account
from bchan_tui.data.domain.search_text import fold
from bchan_tui.data.domain.text import ADDRESS_MAX, NAME_MAX, SHORT_MAX

ResultT = TypeVar("ResultT")


def required(field: str, limit: int = NAME_MAX) -> list[Validator]:
    """A field that must have text, like a name."""
    return [
        Function(lambda value: bool(value.strip()), f"{field} is required"),
        Length(maximum=limit, failure_description=f"{field} is at most {limit} characters"),
    ]


def optional(field: str, limit: int = SHORT_MAX) -> list[Validator]:
    """A field that may be blank but has a length limit."""
    return [Length(maximum=limit, failure_description=f"{field} is at most {limit} characters")]


def unused_codename(taken: frozenset[str]) -> list[Validator]:
    """A codename no other contact has (``taken``: theirs, folded). Checked
    in the form, so a refused codename loses nothing else typed."""
    return [
        *optional("the codename"),
        Function(
            lambda value: fold(value.strip()) not in taken,
            "that codename is taken by another contact",
        ),
    ]


def address_validators() -> list[Validator]:
    return optional("the address", ADDRESS_MAX)


def whole_number(field: str, low: int, high: int) -> list[Validator]:
    """A whole number between ``low`` and ``high``."""

    def in_range(value: str) -> bool:
        text = value.strip()
        return text.isdigit() and low <= int(text) <= high

    return [Function(in_range, f"{field} is a whole number from {low} to {high}")]


def account_select(accounts: Sequence[Account], current: str | None = None) -> Select[str]:
    """A choice of the book's accounts by name, blank ("none") for no account."""
    options = [(Content(account.name), account.id) for account in accounts]
    known = current is not None and any(account.id == current for account in accounts)
    return Select(
        options,
        id="account",
        prompt="none",
        allow_blank=True,
        value=current if known and current is not None else Select.NULL,
    )


def chosen_account(select: Select[str]) -> str | None:
    """The account id chosen in an ``account_select``, or None for none."""
    value = select.value
    return value if isinstance(value, str) else None


class FormModal(ModalScreen[ResultT]):
    """A form in a box. Subclasses compose the fields (each ``Input`` with a
    ``name`` that says what it is) and implement ``result``.

    Enter saves from any field except where Enter means something else: in
    a multi-line note, on a button, or on a drop-down menu, which it opens
    (a press meant to open one must never save the form). Ctrl+S saves from
    anywhere.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("enter", "submit", "Save", priority=True, id="form.save"),
        Binding("ctrl+s", "save", "Save", show=False, priority=True, id="form.save-anywhere"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            focused = self.focused
            if isinstance(focused, TextArea | Button):
                return False
            if focused is not None:
                for node in (focused, *focused.ancestors):
                    if isinstance(node, Select):
                        return False
        return True

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        if not self.check_fields():
            return
        outcome = self.result()
        if outcome is not None:
            self.dismiss(outcome)

    def result(self) -> ResultT | None:
        """The typed result from the fields, or None after showing what is wrong."""
        raise NotImplementedError

    def check_fields(self) -> bool:
        """Validate every shown input; mark the bad ones and explain the first."""
        first: tuple[Input, str] | None = None
        for field in self.query(Input):
            if not field.display:
                continue
            outcome = field.validate(field.value)
            if outcome is not None and not outcome.is_valid and first is None:
                first = (field, outcome.failure_descriptions[0])
        if first is None:
            self.show_error("")
            return True
        field, problem = first
        self.show_error(problem)
        field.focus()
        return False

    def show_error(self, text: str) -> None:
        """Say what is wrong (literally) under the form; blank clears it."""
        error = self.query_one("#form-error", Static)
        error.update(Content(text))
        error.display = bool(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        outcome = event.validation_result
        if outcome is not None and outcome.is_valid:
            self.show_error("")
