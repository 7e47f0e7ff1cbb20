"""Putting mistakes right: editing and deleting a touch or an intel item,
and restoring a deleted one (the session's undo).

``RecordEdits`` is part of ``Store``, like ``Changes``: every edit is
validated, written durably (a deletion is a journal line like any change),
and only then applied to the index, so heat, ready-again and attention
follow at once.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace
from pendulum import DateTime

from ..book.codec import intel_to_doc, touch_from_doc, touch_to_doc
from ..book.index import BookIndex
from ..domain import validate
from ..domain.clock import now as clock_now
from ..domain.fields import TOUCH_FIELDS, clean_fields
from ..domain.ledger import check_intel
from ..domain.models import Channel, Direction, Intel, Outcome, Rung, Touch, Urgency
from ..domain.when import check_not_future
from ..errors import NotFoundError, ValidationError
from .documents import DocumentWriter


class RecordEdits:
    """The edits of ``Store``; see there."""

    _mutex: threading.RLock
    _documents: DocumentWriter

    if TYPE_CHECKING:

        @property
        def indexed(self) -> bool: ...
        def index(self) -> BookIndex: ...
        def _view(self, contact_ids: Collection[str]) -> BookIndex: ...
        def _changed(self, table: str | None = None) -> None: ...
        def _fold_if_full(self) -> None: ...
        def channel(self, channel_id: str) -> Channel: ...

    # --- touches ------------------------------------------------------------------

    def touch(self, touch_id: str) -> Touch:
        """One touch by its id."""
        return self._stored_touch(touch_id)[1]

    def _stored_touch(self, touch_id: str) -> tuple[int, Touch]:
        # Touches are not indexed by id (see BookIndex): an edit is rare
        # enough to look through the table.
        for key, doc in self._documents.table("touches").items():
            if doc.get("id") == touch_id:
                return int(key), touch_from_doc(doc)
        raise NotFoundError(f"no touch with id {touch_id}")

    def set_outcome(self, touch_id: str, outcome: Outcome | str) -> Touch:
        """Say how a touch turned out: replied, no reply or still pending."""
        return self.update_touch(touch_id, outcome=outcome)

    def update_touch(self, touch_id: str, **changes: Any) -> Touch:
        """Change a touch: its time (``at``), channel, direction, urgency,
        reason, note or outcome. The rules of ``log_touch`` hold for the result."""
        with self._mutex:
            doc_id, old = self._stored_touch(touch_id)
            touch = replace(old, **self._touch_values(old, changes))
            self._check_touch_rules(touch, channel_changed=touch.channel_id != old.channel_id)
            self._documents.update("touches", doc_id, touch_to_doc(touch))
            self._changed("touches")
            if self.indexed:
                index = self.index()
                index.remove_touch(doc_id, old)
                index.add_touch(doc_id, touch)
            self._fold_if_full()
        return touch

    @staticmethod
    def _touch_values(old: Touch, changes: dict[str, Any]) -> dict[str, Any]:
        unknown = set(changes) - {*TOUCH_FIELDS, "at", "channel_id", "direction", "urgency"}
        if unknown:
            raise ValidationError(f"a touch has no field {sorted(unknown)[0]!r}")
        values = clean_fields(TOUCH_FIELDS, {k: v for k, v in changes.items() if k in TOUCH_FIELDS})
        if "direction" in changes:
            values["direction"] = validate.choice(Direction, changes["direction"], "direction")
        if "urgency" in changes:
            values["urgency"] = validate.choice(Urgency, changes["urgency"], "urgency")
        if "at" in changes:
            if not isinstance(changes["at"], DateTime):
                raise ValidationError("a touch's time must be a moment", field="at")
            values["at"] = changes["at"].in_timezone("UTC")
        if "channel_id" in changes:
            values["channel_id"] = str(changes["channel_id"])
        return values

    def _check_touch_rules(self, touch: Touch, *, channel_changed: bool) -> None:
        check_not_future(touch.at, clock_now())
        channel = self.channel(touch.channel_id)
        if channel.contact_id != touch.contact_id:
            raise ValidationError("that channel belongs to another contact", field="channel")
        # A touch may stay on a channel retired since; a new pick must be active.
        if channel_changed and not channel.is_active:
            raise ValidationError("that channel is retired; choose an active one", field="channel")
        if touch.direction is Direction.OUT and channel.rung is Rung.PRIVATE and not touch.reason:
            raise ValidationError(
                "a private channel needs a reason: why not a public one?", field="reason"
            )

    def delete_touch(self, touch_id: str) -> Touch:
        """Delete a touch logged by mistake; returns it, for ``restore_touch``."""
        with self._mutex:
            doc_id, touch = self._stored_touch(touch_id)
            part = self._view([touch.contact_id])
            linked = part.intel_by_contact.get(touch.contact_id, ())
            if any(part.intel[i].touch_id == touch_id for i in linked):
                raise ValidationError(
                    "intel is linked to this touch: delete that item first", field="touch"
                )
            self._documents.remove("touches", doc_id)
            self._changed("touches")
            if self.indexed:
                self.index().remove_touch(doc_id, touch)
            self._fold_if_full()
        return touch

    def restore_touch(self, touch: Touch) -> Touch:
        """Put back a deleted touch as it was, its id included; one already
        back (an undo pressed twice) is not put back again."""
        with self._mutex:
            if any(doc.get("id") == touch.id for doc in self._documents.table("touches").values()):
                return touch
            if self._view([touch.contact_id]).contacts.get(touch.contact_id) is None:
                raise NotFoundError(f"no contact with id {touch.contact_id}")
            doc_id = self._documents.insert("touches", touch_to_doc(touch))
            self._changed("touches")
            if self.indexed:
                self.index().add_touch(doc_id, touch)
            self._fold_if_full()
        return touch

    # --- intel --------------------------------------------------------------------

    def delete_intel(self, intel_id: str) -> Intel:
        """Delete an intel item recorded by mistake; returns it, for ``restore_intel``."""
        with self._mutex:
            index = self.index()
            item = index.intel.get(intel_id)
            if item is None:
                raise NotFoundError(f"no intel item with id {intel_id}")
            self._documents.remove("intel", index.doc_ids["intel"][intel_id])
            self._changed("intel")
            index.remove_intel(item)
            self._fold_if_full()
        return item

    def restore_intel(self, item: Intel) -> Intel:
        """Put back a deleted intel item as it was, its id included."""
        check_intel(item)
        with self._mutex:
            index = self.index()
            if item.id in index.intel:
                return item
            if item.contact_id not in index.contacts:
                raise NotFoundError(f"no contact with id {item.contact_id}")
            doc_id = self._documents.insert("intel", intel_to_doc(item))
            self._changed("intel")
            index.add_intel(doc_id, item)
            self._fold_if_full()
        return item
