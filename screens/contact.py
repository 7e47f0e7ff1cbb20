"""One contact: who they are, their ladder with heat, what to use now and
why, the intel ledger, and the recent touches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content

from bchan_tui.data import (
    Channel,
    Contact,
    ContactDetail,
    Direction,
    Intel,
    IntelDirection,
    Store,
    Touch,
    Urgency,
)
from bchan_tui.data.book.screen_safe import safe_channel, safe_detail
from bchan_tui.data.domain.scrubber import Scrubber
from bchan_tui.widgets import (
    ContactHeader,
    IntelList,
    KeyFooter,
    LadderView,
    ReachNow,
    RecentTouches,
)
from bchan_tui.widgets.display import channel_title, hides_identity, shown_address, shown_name

from .channel_form import ChannelEntry, ChannelFormModal
from .contact_intel import IntelLedger
from .contact_keys import CONTACT_BINDINGS, LADDER_ACTIONS, TOUCH_ACTIONS
from .contact_touches import TouchHistory

# Terminal heights below which reach now is kept to one line per urgency.
SHORT_BELOW = 32


@dataclass(frozen=True, slots=True)
class ContactOutcome:
    """What happened while the contact screen was open, for the dashboard."""

    contact_id: str
    changed: bool = False
    archived: Contact | None = None


class ContactScreen(TouchHistory[ContactOutcome], IntelLedger[ContactOutcome]):
    """A contact's page; Escape goes back to the dashboard. The intel ledger
    and the recent touches have their keys in ``IntelLedger`` and
    ``TouchHistory``."""

    BINDINGS: ClassVar[list[BindingType]] = CONTACT_BINDINGS

    AUTO_FOCUS = "#ladder"

    def __init__(self, store: Store, contact_id: str) -> None:
        super().__init__(store)
        self.contact_id = contact_id
        self.detail: ContactDetail | None = None
        self.channels: dict[str, Channel] = {}
        self.changed = False
        self.deleted: list[Touch | Intel] = []

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
                intel = IntelList(id="intel")
                intel.border_title = "Intel"
                yield intel
                touches = RecentTouches(id="touches-pane")
                touches.border_title = "Recent touches"
                yield touches
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        # Opened with screen-safe already on: the watcher ran before mounting.
        self._apply_screen_safe(self.screen_safe)
        self.query_one(LadderView).focus()
        self.load()

    def on_resize(self, event: events.Resize) -> None:
        # On a short terminal the reasons of reach now take one line each, so
        # the intel ledger and the recent touches keep room below them.
        self.set_class(event.size.height < SHORT_BELOW, "-short")

    def watch_screen_safe(self, value: bool) -> None:
        if self.is_mounted:
            self._apply_screen_safe(value)

    def _apply_screen_safe(self, value: bool) -> None:
        # The free text first, so no frame shows it unscrubbed.
        if self.detail is not None:
            self._present()
        self.query_one(ContactHeader).screen_safe = value
        ladder = self.query_one(LadderView)
        ladder.screen_safe = value
        ladder.mask_every_rung = self._hides_identity()
        self.query_one(IntelList).screen_safe = value

    def _hides_identity(self) -> bool:
        """Whether this screen hides who the contact is, addresses included."""
        if self.detail is None:
            return False
        return hides_identity(
            self.detail.contact, screen_safe=self.screen_safe, source=self.detail.is_source
        )

    # --- loading ------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="load", exclusive=True)
    def load(
        self,
        select_channel: str | None = None,
        select_intel: str | None = None,
        select_touch: str | None = None,
    ) -> None:
        detail = self.store.contact_detail(self.contact_id)
        channels = self.store.channels_of(self.contact_id, include_retired=True)
        scrubber = self.store.scrubber()
        self.app.call_from_thread(
            self._show, detail, channels, scrubber, select_channel, select_intel, select_touch
        )

    def _show(
        self,
        detail: ContactDetail,
        channels: list[Channel],
        scrubber: Scrubber,
        select_channel: str | None,
        select_intel: str | None = None,
        select_touch: str | None = None,
    ) -> None:
        if self.detail is None:
            # The cursor starts on reach now's pick for routine matters, so
            # l logs on it unless another channel is chosen.
            routine = detail.recommendations[0].channel if detail.recommendations else None
            select_channel = select_channel or (routine.id if routine else None)
        self.detail = detail
        self.channels = {channel.id: channel for channel in channels}
        self.use_scrubber(scrubber)
        ladder = self.query_one(LadderView)
        ladder.mask_every_rung = self._hides_identity()
        if select_channel is not None:
            ladder.select_channel(select_channel)
        self._present(select_intel, select_touch)
        self.refresh_bindings()

    def _present(self, select_intel: str | None = None, select_touch: str | None = None) -> None:
        """Give the widgets the detail as the screen may show it: with its
        free text scrubbed while screen-safe (``self.detail`` stays as stored,
        for the forms that edit it)."""
        assert self.detail is not None
        detail, channels = self.detail, self.channels
        if self.screen_safe:
            detail = safe_detail(detail, self.scrubber)
            channels = {cid: safe_channel(c, self.scrubber) for cid, c in channels.items()}
        self.query_one(ContactHeader).detail = detail
        self.query_one(ReachNow).detail = detail
        self.query_one(RecentTouches).show(detail.touches, channels, select_touch)
        self.query_one(IntelList).show(detail.intel, select_intel)
        self.query_one(LadderView).steps = detail.ladder

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

    def name_of(self, contact: Contact) -> str:
        # Someone who told you things is a source here: protected as one.
        source = self.detail is not None and self.detail.is_source
        return shown_name(contact, screen_safe=self.screen_safe, source=source)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        intel_focused = self.is_mounted and self.query_one(IntelList).has_focus
        touches_focused = self.is_mounted and self.query_one(RecentTouches).has_focus
        if action in LADDER_ACTIONS and (intel_focused or touches_focused):
            # The ladder's keys leave the footer to the ledger's or the
            # touches' while they have focus.
            return False
        if action in TOUCH_ACTIONS:
            if not touches_focused:
                return False
            touch = self.highlighted_touch()
            if action == "cycle_outcome":
                return True if touch is not None and touch.direction is Direction.OUT else None
            return True if touch is not None else None
        if action == "delete_intel":
            return intel_focused and self._highlighted_intel() is not None
        if action == "undo_delete":
            return bool(self.deleted)
        if action in {"log_touch", "edit", "archive", "add_channel", "record_intel"}:
            return True if self.detail is not None else None
        if action in LADDER_ACTIONS:
            return True if self._highlighted_channel() is not None else None
        if action in {"cycle_status", "cycle_unique"}:
            if not intel_focused:
                return False
            item = self._highlighted_intel()
            return True if item is not None and item.direction is IntelDirection.RECEIVED else None
        return True

    def action_log_touch(self) -> None:
        # On a highlighted ladder channel, l logs on that channel.
        ladder = self.query_one(LadderView)
        step = ladder.highlighted_step if ladder.has_focus else None
        channel_id = step.channel.id if step is not None else None
        self.log_touch(self.contact_id, Urgency.ROUTINE, channel_id=channel_id)

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
        # The channel as stored, not as shown: the channel form edits it.
        return self.channels.get(step.channel.id, step.channel) if step is not None else None

    @on(LadderView.Highlighted)
    def _channel_highlighted(self) -> None:
        self.refresh_bindings()

    def _contact_name(self) -> str:
        return self.name_of(self.detail.contact) if self.detail else ""

    def action_add_channel(self) -> None:
        self.app.push_screen(ChannelFormModal(self._contact_name()), self._channel_entered)

    def action_edit_channel(self) -> None:
        channel = self._highlighted_channel()
        if channel is None:
            return
        masked = shown_address(
            channel, screen_safe=self.screen_safe, every_rung=self._hides_identity()
        )
        if masked != channel.address or self.hides_any(channel.label, channel.terms):
            self.refuse_while_screen_safe("Editing this channel")
            return
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
        self.notify(
            f"Saved the {self.shown_text(channel.describe())}.", title="Saved", markup=False
        )
        self.load(channel.id)

    def action_retire_channel(self) -> None:
        channel = self._highlighted_channel()
        if channel is None:
            return
        question = Content.assemble(
            "Retire ",
            (
                channel_title(
                    channel, screen_safe=self.screen_safe, every_rung=self._hides_identity()
                ),
                "bold",
            ),
            "?\nIt leaves the ladder; its history stays.",
        )
        self.confirm_then("Retire channel", question, "Retire", lambda: self._retire(channel.id))

    @work(thread=True, exit_on_error=False, group="write")
    def _retire(self, channel_id: str) -> None:
        channel = self.store.retire_channel(channel_id)
        self.app.call_from_thread(self._retired, channel)

    def _retired(self, channel: Channel) -> None:
        self.changed = True
        self.notify(
            f"Retired the {self.shown_text(channel.describe())}.", title="Retired", markup=False
        )
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
