"""Add a channel to a contact's ladder, or change one."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, Select, Static

from bchan_tui.data import Channel, ChannelKind, Rung
from bchan_tui.data.domain.validate import check_address
from bchan_tui.data.errors import ValidationError
from bchan_tui.widgets import KeyFooter

from .form import FormModal, address_validators, optional
from .quick_add import KIND_OPTIONS, RUNG_OPTIONS


@dataclass(frozen=True, slots=True)
class ChannelEntry:
    """What the channel form returns; ``channel_id`` is None for a new channel."""

    channel_id: str | None
    rung: Rung
    kind: ChannelKind
    address: str = ""
    label: str = ""
    terms: str = ""
    their_preference: bool = False


class ChannelFormModal(FormModal[ChannelEntry]):
    """The channel form: empty to add one, filled to edit ``channel``."""

    def __init__(self, contact_name: str, channel: Channel | None = None) -> None:
        super().__init__()
        self.contact_name = contact_name
        self.channel = channel

    def compose(self) -> ComposeResult:
        channel = self.channel
        with Vertical(id="channel-form", classes="form-box") as box:
            verb = "Add a channel for " if channel is None else "Edit a channel of "
            box.border_title = Content.assemble(verb, self.contact_name)
            box.border_subtitle = "Enter or ^s saves · Esc cancels"
            with Grid(classes="form-grid"):
                yield Static("Rung and kind", classes="form-label")
                with Grid(classes="form-pair"):
                    yield Select(
                        RUNG_OPTIONS,
                        id="rung",
                        prompt="rung",
                        value=channel.rung if channel else Select.NULL,
                    )
                    yield Select(
                        KIND_OPTIONS,
                        id="kind",
                        prompt="kind",
                        value=channel.kind if channel else Select.NULL,
                    )
                yield Static("Address", classes="form-label")
                yield Input(
                    channel.address if channel else "",
                    id="address",
                    placeholder="email, number, handle… (optional)",
                    validators=address_validators(),
                    validate_on=["changed", "submitted"],
                )
                yield Static("Label", classes="form-label")
                yield Input(
                    channel.label if channel else "",
                    id="label",
                    placeholder="e.g. work, mobile (optional)",
                    validators=optional("the label", 100),
                    validate_on=["changed", "submitted"],
                )
                yield Static("Terms", classes="form-label")
                yield Input(
                    channel.terms if channel else "",
                    id="terms",
                    placeholder="what you promised when it was given (optional)",
                    validators=optional("the terms", 2000),
                    validate_on=["changed", "submitted"],
                )
                yield Static("", classes="form-spacer")
                yield Checkbox(
                    "they prefer this channel",
                    channel.their_preference if channel else False,
                    id="preference",
                )
            yield Static(id="form-error", classes="form-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_error("")
        self.query_one("#rung" if self.channel is None else "#address").focus()

    def result(self) -> ChannelEntry | None:
        rung = self.query_one("#rung", Select).value
        kind = self.query_one("#kind", Select).value
        if not isinstance(rung, Rung):
            self.show_error("choose a rung: relationship, private or public")
            self.query_one("#rung", Select).focus()
            return None
        if not isinstance(kind, ChannelKind):
            self.show_error("choose what kind of channel it is")
            self.query_one("#kind", Select).focus()
            return None
        address = self.query_one("#address", Input)
        try:
            check_address(kind, address.value)
        except ValidationError as problem:
            # Said here, so nothing typed is lost to a refused save.
            self.show_error(str(problem))
            address.focus()
            return None
        return ChannelEntry(
            channel_id=self.channel.id if self.channel else None,
            rung=rung,
            kind=kind,
            address=self.query_one("#address", Input).value.strip(),
            label=self.query_one("#label", Input).value.strip(),
            terms=self.query_one("#terms", Input).value.strip(),
            their_preference=self.query_one("#preference", Checkbox).value,
        )
