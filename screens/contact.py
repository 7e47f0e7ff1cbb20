"""One contact: who they are, their ladder with heat, what to use now and
why, and the recent touches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer

from bchan_tui.data import Channel, Contact, ContactDetail, Store, Urgency
from bchan_tui.widgets import ContactHeader, LadderView, ReachNow, RecentTouches
from bchan_tui.widgets.display import channel_title

from .book_screen import BookScreen
from .channel_form import ChannelEntry, ChannelFormModal
from .confirm import ConfirmModal

MOVE = Binding.Group("move", compact=True)


@dataclass(frozen=True, slots=True)
class ContactOutcome:
    """What happened while the contact screen was open, for the dashboard."""

    contact_id: str
    changed: bool = False
    archived: Contact | None = None


class ContactScreen(BookScreen[ContactOutcome]):
    """A contact's page; Escape goes back to the dashboard."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="contact.back", tooltip="Back to the dashboard"),
        Binding("l", "log_touch", "Log", id="contact.log-touch", tooltip="Log a touch"),
        Binding("e", "edit", "Edit", id="contact.edit", tooltip="Edit the contact"),
        Binding("d", "archive", "Archive", id="contact.archive", tooltip="Archive the contact"),
        Binding(
            "c",
            "add_channel",
            "New channel",
            id="contact.add-channel",
            tooltip="Add a channel to the ladder",
        ),
        Binding(
            "enter",
            "edit_channel",
            "Edit channel",
            id="contact.edit-channel",
            tooltip="Edit the highlighted channel",
        ),
        Binding(
            "x",
            "retire_channel",
            "Retire",
            id="contact.retire-channel",
            tooltip="Retire the highlighted channel",
        ),
        Binding(
            "K,shift+up",
            "move_channel(-1)",
            "up",
            group=MOVE,
            show=False,
            id="contact.move-up",
            tooltip="Move the highlighted channel up its rung",
        ),
        Binding(
            "J,shift+down",
            "move_channel(1)",
            "down",
            group=MOVE,
            show=False,
            id="contact.move-down",
            tooltip="Move the highlighted channel down its rung",
        ),
    ]

    AUTO_FOCUS = "#ladder"

    def __init__(self, store: Store, contact_id: str) -> None:
        super().__init__(store)
        self.contact_id = contact_id
        self.detail: ContactDetail | None = None
        self.channels: dict[str, Channel] = {}
        self.changed = False

    def compose(self) -> ComposeResult:
        yield ContactHeader(id="contact-header")
        with Horizontal(id="contact-body"):
            ladder = LadderView(id="ladder")
            ladder.border_title = "Ladder"
            yield ladder
            with Vertical(id="contact-side"):
                reach = ReachNow(id="reach-now")
                reach.border_title = "Reach now"
                yield reach
                with VerticalScroll(id="touches-pane") as touches:
                    touches.border_title = "Recent touches"
                    yield RecentTouches(id="touches")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(LadderView).focus()
        self.load()

    def watch_screen_safe(self, value: bool) -> None:
        if not self.is_mounted:
            return
        self.query_one(ContactHeader).screen_safe = value
        self.query_one(LadderView).screen_safe = value

    # --- loading ------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="load", exclusive=True)
    def load(self, select_channel: str | None = None) -> None:
        detail = self.store.contact_detail(self.contact_id)
        channels = self.store.channels_of(self.contact_id, include_retired=True)
        self.app.call_from_thread(self._show, detail, channels, select_channel)

    def _show(
        self, detail: ContactDetail, channels: list[Channel], select_channel: str | None
    ) -> None:
        self.detail = detail
        self.channels = {channel.id: channel for channel in channels}
        self.query_one(ContactHeader).detail = detail
        self.query_one(ReachNow).detail = detail
        self.query_one(RecentTouches).show(detail.touches, self.channels)
        ladder = self.query_one(LadderView)
        if select_channel is not None:
            ladder.select_channel(select_channel)
        ladder.steps = detail.ladder
        self.refresh_bindings()

    def contact_changed(self, contact_id: str) -> None:
        self.changed = True
        self.load()

    def contact_archived(self, contact: Contact) -> None:
        self.dismiss(ContactOutcome(self.contact_id, changed=True, archived=contact))

    # --- leaving --------------------------------------------------------------------

    def close(self) -> None:
        """Go back to the dashboard, telling it what changed."""
        self.dismiss(ContactOutcome(self.contact_id, changed=self.changed))

    def action_back(self) -> None:
        self.close()

    # --- the contact --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"log_touch", "edit", "archive", "add_channel"}:
            return True if self.detail is not None else None
        if action in {"edit_channel", "retire_channel", "move_channel"}:
            return True if self._highlighted_channel() is not None else None
        return True

    def action_log_touch(self) -> None:
        self.log_touch(self.contact_id, Urgency.ROUTINE)

    def action_edit(self) -> None:
        if self.detail is not None:
            self.edit_contact(self.detail.contact)

    def action_archive(self) -> None:
        if self.detail is not None:
            self.archive_contact(self.detail.contact)

    # --- the ladder ---------------------------------------------------------------------

    def _highlighted_channel(self) -> Channel | None:
        if not self.is_mounted:
            return None
        step = self.query_one(LadderView).highlighted_step
        return step.channel if step is not None else None

    @on(LadderView.Highlighted)
    def _channel_highlighted(self) -> None:
        self.refresh_bindings()

    def _contact_name(self) -> str:
        return self.name_of(self.detail.contact) if self.detail else ""

    def action_add_channel(self) -> None:
        self.app.push_screen(ChannelFormModal(self._contact_name()), self._channel_entered)

    def action_edit_channel(self) -> None:
        channel = self._highlighted_channel()
        if channel is not None:
            modal = ChannelFormModal(self._contact_name(), channel)
            self.app.push_screen(modal, self._channel_entered)

    def _channel_entered(self, entry: ChannelEntry | None) -> None:
        if entry is not None:
            self._save_channel(entry)

    @work(thread=True, exit_on_error=False, group="write")
    def _save_channel(self, entry: ChannelEntry) -> None:
        fields = {
            "label": entry.label,
            "terms": entry.terms,
            "their_preference": entry.their_preference,
        }
        if entry.channel_id is None:
            channel = self.store.add_channel(
                self.contact_id, entry.rung, entry.kind, entry.address, **fields
            )
        else:
            channel = self.store.update_channel(
                entry.channel_id, rung=entry.rung, kind=entry.kind, address=entry.address, **fields
            )
        self.app.call_from_thread(self._channel_saved, channel)

    def _channel_saved(self, channel: Channel) -> None:
        self.changed = True
        self.notify(f"Saved the {channel.describe()}.", title="Saved", markup=False)
        self.load(channel.id)

    def action_retire_channel(self) -> None:
        channel = self._highlighted_channel()
        if channel is None:
            return
        question = Content.assemble(
            "Retire ",
            (channel_title(channel, screen_safe=self.screen_safe), "bold"),
            "?\nIt leaves the ladder; its history stays.",
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._retire(channel.id)

        self.app.push_screen(
            ConfirmModal("Retire channel", question, confirm="Retire", safe_default=True),
            answered,
        )

    @work(thread=True, exit_on_error=False, group="write")
    def _retire(self, channel_id: str) -> None:
        channel = self.store.retire_channel(channel_id)
        self.app.call_from_thread(self._retired, channel)

    def _retired(self, channel: Channel) -> None:
        self.changed = True
        self.notify(f"Retired the {channel.describe()}.", title="Retired", markup=False)
        self.load()

    def action_move_channel(self, offset: int) -> None:
        channel = self._highlighted_channel()
        if channel is not None:
            self._move(channel.id, offset)

    @work(thread=True, exit_on_error=False, group="write")
    def _move(self, channel_id: str, offset: int) -> None:
        self.store.move_channel(channel_id, offset)
        self.app.call_from_thread(self._moved, channel_id)

    def _moved(self, channel_id: str) -> None:
        self.changed = True
        self.load(channel_id)
