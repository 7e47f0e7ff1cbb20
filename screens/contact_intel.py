"""The contact screen's intel ledger: record an item, cycle its status and
uniqueness, delete one recorded by mistake (undone with z)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual import on, work
from textual.content import Content

from bchan_tui.data import Channel, ContactDetail, Intel, IntelDirection, IntelStatus
from bchan_tui.data.book.screen_safe import safe_channel, safe_detail
from bchan_tui.data.domain.ledger import next_status, next_unique
from bchan_tui.widgets import IntelList
from bchan_tui.widgets.display import shown_summary

from .book_screen import BookScreen
from .intel_form import IntelEntry, IntelFormModal

ResultT = TypeVar("ResultT")

UNIQUE_CHANGED: dict[bool | None, str] = {
    True: "Only this source has it.",
    False: "Also heard elsewhere.",
    None: "Unique or not: unknown.",
}


class IntelLedger(BookScreen[ResultT]):
    """The intel half of ``ContactScreen``; see there."""

    contact_id: str
    detail: ContactDetail | None
    channels: dict[str, Channel]
    changed: bool

    if TYPE_CHECKING:

        def load(
            self,
            select_channel: str | None = None,
            select_intel: str | None = None,
            select_touch: str | None = None,
        ) -> Any: ...
        def _contact_name(self) -> str: ...
        def remember_deleted(self, record: Any, what: str) -> None: ...

    def _highlighted_intel(self) -> Intel | None:
        if not self.is_mounted:
            return None
        return self.query_one(IntelList).highlighted_item

    @on(IntelList.Highlighted)
    def _intel_highlighted(self) -> None:
        self.refresh_bindings()

    def action_record_intel(self) -> None:
        if self.detail is None:
            return
        # The form lists touches to link the item to: shown as the screen shows them.
        touches, channels = self.detail.touches, self.channels
        if self.screen_safe:
            touches = safe_detail(self.detail, self.scrubber).touches
            channels = {cid: safe_channel(c, self.scrubber) for cid, c in channels.items()}
        modal = IntelFormModal(self._contact_name(), touches, channels)
        self.app.push_screen(modal, self._intel_entered)

    def _intel_entered(self, entry: IntelEntry | None) -> None:
        if entry is not None:
            self._save_intel(entry)

    @work(thread=True, exit_on_error=False, group="write")
    def _save_intel(self, entry: IntelEntry) -> None:
        item = self.store.record_intel(
            self.contact_id,
            entry.direction,
            entry.summary,
            sensitivity=entry.sensitivity,
            status=entry.status,
            unique=entry.unique,
            touch_id=entry.touch_id,
        )
        self.app.call_from_thread(
            self._intel_saved, item, f"Recorded {item.direction.value} intel."
        )

    def action_cycle_status(self) -> None:
        item = self._highlighted_intel()
        if item is not None and item.direction is IntelDirection.RECEIVED:
            self._set_status(item.id, next_status(item.status))

    def action_cycle_unique(self) -> None:
        item = self._highlighted_intel()
        if item is not None and item.direction is IntelDirection.RECEIVED:
            self._set_unique(item.id, next_unique(item.unique))

    @work(thread=True, exit_on_error=False, group="write")
    def _set_status(self, intel_id: str, status: IntelStatus) -> None:
        item = self.store.update_intel(intel_id, status=status)
        self.app.call_from_thread(self._intel_saved, item, f"Marked {status.value}.")

    @work(thread=True, exit_on_error=False, group="write")
    def _set_unique(self, intel_id: str, unique: bool | None) -> None:
        item = self.store.update_intel(intel_id, unique=unique)
        self.app.call_from_thread(self._intel_saved, item, UNIQUE_CHANGED[unique])

    def _intel_saved(self, item: Intel, message: str) -> None:
        self.changed = True
        self.notify(message, title="Saved", timeout=2)
        self.load(select_intel=item.id)

    def action_delete_intel(self) -> None:
        item = self._highlighted_intel()
        if item is None:
            return
        question = Content.assemble(
            "Delete this item?\n",
            (shown_summary(item, screen_safe=self.screen_safe), "bold"),
            "\nz undoes it while this screen is open.",
        )
        self.confirm_then("Delete intel", question, "Delete", lambda: self._delete_intel(item.id))

    @work(thread=True, exit_on_error=False, group="write")
    def _delete_intel(self, intel_id: str) -> None:
        item = self.store.delete_intel(intel_id)
        self.app.call_from_thread(self.remember_deleted, item, "the intel item")
