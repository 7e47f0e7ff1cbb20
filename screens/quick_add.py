"""Quick add: a name is enough; an organisation, an account and one channel
optionally."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Select, Static

from bchan_tui.data import Account, ChannelKind, Rung
from bchan_tui.widgets import KeyFooter
from bchan_tui.widgets.display import kind_name

from .form import FormModal, account_select, address_validators, chosen_account, optional, required


@dataclass(frozen=True, slots=True)
class NewChannel:
    """A channel to add with a new contact."""

    rung: Rung
    kind: ChannelKind
    address: str = ""


@dataclass(frozen=True, slots=True)
class NewContact:
    """What quick add returns: the caller saves it."""

    name: str
    org: str = ""
    account_id: str | None = None
    channel: NewChannel | None = None


RUNG_OPTIONS = [(rung.value, rung) for rung in Rung]
KIND_OPTIONS = [(kind_name(kind), kind) for kind in ChannelKind]


class QuickAddModal(FormModal[NewContact]):
    """Add a contact in one breath; returns a ``NewContact`` or None.
    ``accounts`` are those the contact can be assigned to."""

    def __init__(self, accounts: Sequence[Account] = ()) -> None:
        super().__init__()
        self.accounts = tuple(accounts)

    def compose(self) -> ComposeResult:
        with Vertical(id="quick-add", classes="form-box") as box:
            box.border_title = "Quick add"
            box.border_subtitle = "Enter or ^s saves · Esc cancels"
            with Grid(classes="form-grid"):
                yield Static("Name", classes="form-label")
                yield Input(
                    id="name",
                    name="name",
                    placeholder="required",
                    validators=required("a name"),
                    validate_on=["changed", "submitted"],
                )
                yield Static("Organisation", classes="form-label")
                yield Input(
                    id="org",
                    name="organisation",
                    placeholder="optional",
                    validators=optional("the organisation"),
                    validate_on=["changed", "submitted"],
                )
                yield Static("Account", classes="form-label")
                yield account_select(self.accounts)
                yield Static("Channel", classes="form-label")
                with Grid(classes="form-pair"):
                    yield Select(RUNG_OPTIONS, id="rung", prompt="rung (optional)")
                    yield Select(KIND_OPTIONS, id="kind", prompt="kind")
                yield Static("Address", classes="form-label")
                yield Input(
                    id="address",
                    name="address",
                    placeholder="email, number, handle… (optional)",
                    validators=address_validators(),
                    validate_on=["changed", "submitted"],
                )
            yield Static(id="form-error", classes="form-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_error("")
        self.query_one("#name", Input).focus()

    def result(self) -> NewContact | None:
        name = self.query_one("#name", Input).value.strip()
        org = self.query_one("#org", Input).value.strip()
        address = self.query_one("#address", Input).value.strip()
        rung = self.query_one("#rung", Select).value
        kind = self.query_one("#kind", Select).value
        has_rung = isinstance(rung, Rung)
        has_kind = isinstance(kind, ChannelKind)
        if has_rung != has_kind or (address and not has_rung):
            self.show_error("a channel needs both a rung and a kind (or leave all three blank)")
            self.query_one("#kind" if has_rung else "#rung", Select).focus()
            return None
        channel = None
        if isinstance(rung, Rung) and isinstance(kind, ChannelKind):
            channel = NewChannel(rung, kind, address)
        account_id = chosen_account(self.query_one("#account", Select))
        return NewContact(name=name, org=org, account_id=account_id, channel=channel)
