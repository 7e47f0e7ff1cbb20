"""One contact's list row, rebuilt from its detail after a change.

``Store.contact_rows`` answers for the whole book; after one contact changes
the dashboard needs only that contact's row, and its detail holds every value
the row is made of.
"""

from __future__ import annotations

from pendulum import DateTime

from bchan_tui.data import ContactDetail, ContactRow, Rung, Urgency
from bchan_tui.data.relationship import cadence_ratio


def row_from_detail(detail: ContactDetail, now: DateTime) -> ContactRow:
    """The same row ``Store.contact_rows`` gives for this contact at ``now``."""
    contact = detail.contact
    routine = next(r for r in detail.recommendations if r.urgency is Urgency.ROUTINE)
    routine_id = routine.channel.id if routine.channel is not None else None
    routine_step = next((s for s in detail.ladder if s.channel.id == routine_id), None)
    private = [s for s in detail.ladder if s.channel.rung is Rung.PRIVATE]
    hottest_private = max(private, key=lambda s: s.heat.level, default=None)
    since = detail.last_touch if detail.last_touch is not None else contact.created_at
    return ContactRow(
        contact=contact,
        routine_channel=routine.channel,
        routine_band=routine_step.heat.band if routine_step else None,
        private_band=hottest_private.heat.band if hottest_private else None,
        last_touch_at=detail.last_touch.timestamp() if detail.last_touch else None,
        state=detail.state,
        overdue_ratio=cadence_ratio(since.timestamp(), contact.cadence_days, now.timestamp()),
        balance=detail.balance,
        max_level=max((s.heat.level for s in detail.ladder), default=0.0),
    )
