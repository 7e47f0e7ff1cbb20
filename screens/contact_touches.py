"""The contact screen's recent touches: say how a touch turned out (o),
edit it (Enter), delete one logged by mistake (x); z puts back what was
deleted while the screen is open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual import on, work
from textual.content import Content

from bchan_tui.data import Channel, ContactDetail, Direction, Intel, Outcome, Touch
from bchan_tui.data.book.screen_safe import safe_detail
from bchan_tui.data.domain.clock import now as clock_now
from bchan_tui.widgets import RecentTouches
from bchan_tui.widgets.touch_list import OUTCOME_WORDS, touch_way

from .book_screen import BookScreen
from .log_touch import LogTouchModal, TouchEntry

ResultT = TypeVar("ResultT")

NEXT_OUTCOME = {
    Outcome.PENDING: Outcome.REPLIED,
    Outcome.REPLIED: Outcome.NO_REPLY,
    Outcome.NO_REPLY: Outcome.PENDING,
}


class TouchHistory(BookScreen[ResultT]):
    """The touches half of ``ContactScreen``, and its undo; see there."""

    contact_id: str
    detail: ContactDetail | None
    channels: dict[str, Channel]
    changed: bool
    # What was deleted on this screen, newest last: z puts back the newest.
    deleted: list[Touch | Intel]

    if TYPE_CHECKING:

        def load(
            self,
            select_channel: str | None = None,
            select_intel: str | None = None,
            select_touch: str | None = None,
        ) -> Any: ...

    def highlighted_touch(self) -> Touch | None:
        if not self.is_mounted:
            return None
        return self.query_one(RecentTouches).highlighted_touch

    @on(RecentTouches.Highlighted)
    def _touch_highlighted(self) -> None:
        self.refresh_bindings()

    # --- outcome -------------------------------------------------------------------

    def action_cycle_outcome(self) -> None:
        touch = self.highlighted_touch()
        if touch is not None and touch.direction is Direction.OUT:
            self._set_outcome(touch.id, NEXT_OUTCOME[touch.outcome])

    @work(thread=True, exit_on_error=False, group="write")
    def _set_outcome(self, touch_id: str, outcome: Outcome) -> None:
        touch = self.store.set_outcome(touch_id, outcome)
        self.app.call_from_thread(self._touch_saved, touch, f"Marked {OUTCOME_WORDS[outcome]}.")

    def _touch_saved(self, touch: Touch, message: str) -> None:
        self.changed = True
        self.notify(message, title="Saved", timeout=2)
        self.load(select_touch=touch.id)

    # --- edit ------------------------------------------------------------------------

    def action_edit_touch(self) -> None:
        shown_touch = self.highlighted_touch()
        if shown_touch is None or self.detail is None:
            return
        # The list shows scrubbed copies while screen-safe: the form edits
        # the touch as stored, or its masked text would be saved over it.
        touch = next((t for t in self.detail.touches if t.id == shown_touch.id), None)
        if touch is None:
            return
        if not any(step.channel.id == touch.channel_id for step in self.detail.ladder):
            self.notify(
                "That touch is on a retired channel: delete it (x) and log it again.",
                title="Cannot edit",
                severity="warning",
            )
            return
        if self.hides_any(touch.reason, touch.note):
            self.refuse_while_screen_safe("Editing this touch")
            return
        shown = safe_detail(self.detail, self.scrubber) if self.screen_safe else self.detail

        def answered(entry: TouchEntry | None) -> None:
            if entry is not None:
                self._save_edit(touch.id, entry)

        modal = LogTouchModal(shown, screen_safe=self.screen_safe, editing=touch)
        self.app.push_screen(modal, answered)

    @work(thread=True, exit_on_error=False, group="write")
    def _save_edit(self, touch_id: str, entry: TouchEntry) -> None:
        changes: dict[str, Any] = {
            "channel_id": entry.channel_id,
            "urgency": entry.urgency,
            "direction": entry.direction,
            "reason": entry.reason,
            "note": entry.note,
            "outcome": entry.outcome,
            # "now" in the form means now, as when logging.
            "at": entry.at or clock_now(),
        }
        touch = self.store.update_touch(touch_id, **changes)
        self.app.call_from_thread(self._touch_saved, touch, "Saved the touch.")

    # --- delete and undo ------------------------------------------------------------------

    def action_delete_touch(self) -> None:
        touch = self.highlighted_touch()
        if touch is None:
            return
        way = touch_way(touch, self.channels.get(touch.channel_id))
        question = Content.assemble(
            "Delete the touch of ",
            (touch.at.diff_for_humans(), "bold"),
            f" ({way})?\nIts heat goes with it; z undoes it while this screen is open.",
        )
        self.confirm_then("Delete touch", question, "Delete", lambda: self._delete_touch(touch.id))

    @work(thread=True, exit_on_error=False, group="write")
    def _delete_touch(self, touch_id: str) -> None:
        touch = self.store.delete_touch(touch_id)
        self.app.call_from_thread(self.remember_deleted, touch, "the touch")

    def remember_deleted(self, record: Touch | Intel, what: str) -> None:
        """A record was deleted: keep it for z, say so, and show the rest."""
        self.deleted.append(record)
        self.changed = True
        self.notify(f"Deleted {what}. z puts it back.", title="Deleted", timeout=6)
        self.load()
        self.refresh_bindings()

    def action_undo_delete(self) -> None:
        if self.deleted:
            self._restore(self.deleted.pop())

    @work(thread=True, exit_on_error=False, group="write")
    def _restore(self, record: Touch | Intel) -> None:
        try:
            if isinstance(record, Touch):
                self.store.restore_touch(record)
            else:
                self.store.restore_intel(record)
        except BaseException:
            # Not put back: it stays to be tried again.
            self.app.call_from_thread(self.deleted.append, record)
            raise
        self.app.call_from_thread(self._restored, record)

    def _restored(self, record: Touch | Intel) -> None:
        self.changed = True
        self.notify("Put back.", title="Undone", timeout=2)
        if isinstance(record, Touch):
            self.load(select_touch=record.id)
        else:
            self.load(select_intel=record.id)
        self.refresh_bindings()
