"""Edit a contact's own fields; returns only what changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Select, Static, TextArea

from bchan_tui.data import Account, Contact
from bchan_tui.data.domain.text import LONG_MAX
from bchan_tui.widgets import KeyFooter

from .form import (
    FormModal,
    account_select,
    chosen_account,
    optional,
    required,
    unused_codename,
    whole_number,
)


@dataclass(frozen=True, slots=True)
class ContactChanges:
    """The fields the user changed, ready for ``Store.update_contact``."""

    contact_id: str
    changes: dict[str, Any] = field(default_factory=dict)


# Input id -> (label, contact field, validators)
_LINE_FIELDS = (
    ("name", "Name", required("a name")),
    ("codename", "Codename", optional("the codename")),
    ("org", "Organisation", optional("the organisation")),
    ("role", "Role", optional("the role")),
    ("strength", "Strength 0-5", whole_number("strength", 0, 5)),
    ("cadence_days", "Cadence, days", whole_number("the cadence", 1, 3650)),
)


class EditContactModal(FormModal[ContactChanges]):
    """Change a contact's name, codename, organisation, role, strength,
    cadence, account, tags, intention and notes; ``accounts`` are those the
    contact can be assigned to."""

    def __init__(
        self,
        contact: Contact,
        accounts: Sequence[Account] = (),
        *,
        taken_codenames: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.contact = contact
        self.accounts = tuple(accounts)
        self.taken_codenames = taken_codenames

    def _value(self, key: str) -> str:
        value = getattr(self.contact, key)
        if key == "tags":
            return ", ".join(value)
        return str(value)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="edit-contact", classes="form-box") as box:
            box.border_title = Content.assemble("Edit ", self.contact.name)
            box.border_subtitle = "Enter or Ctrl+S saves · Esc cancels"
            with Grid(classes="form-grid form-grid-wide"):
                for key, label, validators in _LINE_FIELDS:
                    yield Static(label, classes="form-label")
                    yield Input(
                        self._value(key),
                        id=key,
                        name=label.lower(),
                        validators=(
                            unused_codename(self.taken_codenames)
                            if key == "codename"
                            else validators
                        ),
                        validate_on=["changed", "submitted"],
                        placeholder="days" if key == "cadence_days" else "",
                    )
                yield Static("Account", classes="form-label")
                yield account_select(self.accounts, self.contact.account_id)
            with Grid(classes="form-grid notes-grid"):
                yield Static("Tags", classes="form-label")
                yield Input(
                    self._value("tags"),
                    id="tags",
                    placeholder="comma-separated",
                    validators=optional("the tags", 2000),
                    validate_on=["changed", "submitted"],
                )
                yield Static("Their gain", classes="form-label")
                yield Input(
                    self.contact.intention,
                    id="intention",
                    placeholder="what the other side gains from the back channel",
                    validators=optional("the intention", 2000),
                    validate_on=["changed", "submitted"],
                )
                yield Static("Notes", classes="form-label")
                yield TextArea(self.contact.notes, id="notes", soft_wrap=True)
            yield Static(id="form-error", classes="form-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_error("")
        self.query_one("#name", Input).focus()

    def result(self) -> ContactChanges | None:
        notes = self.query_one("#notes", TextArea).text
        if len(notes) > LONG_MAX:
            self.show_error(f"the notes are at most {LONG_MAX:,} characters")
            return None
        entered: dict[str, Any] = {
            key: self.query_one(f"#{key}", Input).value.strip() for key, _, _ in _LINE_FIELDS
        }
        entered["strength"] = int(entered["strength"])
        entered["cadence_days"] = int(entered["cadence_days"])
        entered["tags"] = tuple(
            tag.strip() for tag in self.query_one("#tags", Input).value.split(",") if tag.strip()
        )
        entered["intention"] = self.query_one("#intention", Input).value.strip()
        entered["account_id"] = chosen_account(self.query_one("#account", Select))
        entered["notes"] = notes.strip()
        changes = {
            key: value for key, value in entered.items() if value != getattr(self.contact, key)
        }
        return ContactChanges(self.contact.id, changes)
