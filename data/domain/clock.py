"""Time in one place: UTC pendulum DateTimes, stored as ISO-8601 strings."""

from __future__ import annotations

from datetime import UTC, datetime

import pendulum
from pendulum import DateTime

SECONDS_PER_DAY = 86_400.0
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip


def now() -> DateTime:
    """The current time in UTC; tests freeze it with ``pendulum.travel_to``."""
    return pendulum.now("UTC")


def parse_time(text: str) -> DateTime:
    """Parse a stored ISO-8601 string.

    ``DateTime.fromisoformat`` is some fifty times faster than
    ``pendulum.parse`` and start-up parses every stored time once.
    """
    moment = DateTime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time without a zone: {text!r}")
    return moment.in_timezone("UTC") if moment.utcoffset() else moment


def timestamp(text: str) -> float:
    """Seconds since the epoch of a stored ISO-8601 string (fast path for heat)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time without a zone: {text!r}")
    return moment.timestamp()


_last_epoch: tuple[DateTime | None, float] = (None, 0.0)


def epoch(moment: DateTime) -> float:
    """``moment.timestamp()``, remembered for the last moment asked about.

    A DateTime in pendulum's UTC zone takes a few microseconds to convert,
    and a list or an export converts the same "now" once per contact.
    """
    global _last_epoch
    last, seconds = _last_epoch
    if last is moment:
        return seconds
    seconds = moment.timestamp()
    _last_epoch = (moment, seconds)
    return seconds


def from_epoch(epoch: float) -> DateTime:
    """The UTC DateTime of epoch seconds, as ``pendulum.from_timestamp`` gives it.

    About six times cheaper: an export turns tens of thousands of epoch
    seconds back into times.
    """
    moment = datetime.fromtimestamp(epoch, UTC)
    return DateTime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=pendulum.UTC,
    )


def day_and_month(epoch: float) -> str:
    """``D MMM`` of a time in epoch seconds (UTC), such as ``3 Dec``, as
    pendulum formats it in English, without building a DateTime."""
    # datetime rounds to the microsecond as pendulum does (gmtime would truncate).
    moment = datetime.fromtimestamp(epoch, UTC)
    return f"{moment.day} {MONTH_ABBREVIATIONS[moment.month - 1]}"


def format_time(moment: DateTime) -> str:
    """The stored form: UTC, microseconds, a trailing Z."""
    return moment.astimezone(pendulum.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
