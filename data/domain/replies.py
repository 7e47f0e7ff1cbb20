"""How often a channel gets an answer: its reply rate over the last 90 days,
and whether a public channel has decayed (DESIGN.md "Reach now")."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import msgspec

from .clock import SECONDS_PER_DAY, day_and_month

WINDOW_DAYS = 90
# A public channel with at least this many uses in the window...
DECAY_FROM_USES = 3
# ...and fewer than one in five answered has stopped working.
DECAY_BELOW_SHARE = 0.2


class ReplyRate(msgspec.Struct, frozen=True):
    """Outgoing touches in the last 90 days and how many were answered."""

    sent: int = 0
    answered: int = 0
    # Epoch seconds of the first of those touches (None when none).
    since_at: float | None = None

    @property
    def decayed(self) -> bool:
        """Used often enough to tell, and almost never answered."""
        return self.sent >= DECAY_FROM_USES and self.answered < DECAY_BELOW_SHARE * self.sent

    def describe(self) -> str:
        """ "0 of 5 answered since 3 Oct"; "" when nothing was sent."""
        if not self.sent or self.since_at is None:
            return ""
        return f"{self.answered} of {self.sent} answered since {day_and_month(self.since_at)}"


NO_REPLIES = ReplyRate()


def reply_rate(out_times: Sequence[float], replied_times: Sequence[float], now: float) -> ReplyRate:
    """The reply rate at ``now`` from ascending epoch seconds of a channel's
    outgoing touches and of those among them that were answered."""
    start = now - WINDOW_DAYS * SECONDS_PER_DAY
    first = bisect_left(out_times, start)
    last = bisect_right(out_times, now)
    sent = last - first
    if not sent:
        return NO_REPLIES
    answered = bisect_right(replied_times, now) - bisect_left(replied_times, start)
    return ReplyRate(sent, answered, out_times[first])
