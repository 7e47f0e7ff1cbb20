"""When a touch happened, as a person says it: "yesterday 15:00", "2 days
ago", "mon 9:30", "now", or ISO 8601. Never in the future: a touch records
what happened."""

from __future__ import annotations

import re

import pendulum
from pendulum import DateTime

from ..errors import ValidationError

WHEN_EXAMPLES = '"now", "yesterday 15:00", "2 days ago", "mon 9:30" or 2026-11-20T09:30'

_UNITS = {
    "minute": "minutes",
    "min": "minutes",
    "hour": "hours",
    "h": "hours",
    "day": "days",
    "d": "days",
    "week": "weeks",
    "w": "weeks",
}
_AGO = re.compile(r"(\d{1,4})\s*(minute|min|hour|h|day|d|week|w)s?\s+ago")
_AHEAD = re.compile(r"in\s+(\d{1,4})\s*(minute|min|hour|h|day|d|week|w)s?")
_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?")
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A minute of slack: a clock a little ahead, or "now" typed a moment ago.
_SLACK_SECONDS = 60
# "03/04/2026" is 3 April in most of the world and 4 March in the US:
# a date with slashes, or day.month.year, is refused rather than read in
# one order (an ISO time's fractional seconds are no date).
_DAY_MONTH_OR_MONTH_DAY = re.compile(
    r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"
)


def local_zone() -> str:
    """The zone people mean when they say "15:00": the computer's."""
    return pendulum.local_timezone().name


def parse_when(text: str, now: DateTime, zone: str | None = None) -> DateTime:
    """The moment ``text`` names, in UTC, as of ``now``; clock times are read
    in ``zone`` (the computer's by default). A moment after ``now`` or text
    that names none raises ``ValidationError`` (field "at")."""
    said = " ".join(text.strip().casefold().split())
    if _DAY_MONTH_OR_MONTH_DAY.search(said):
        raise ValidationError(
            f"{text.strip()!r} reads as a different day in different countries: "
            "write the date as year-month-day, such as 2026-04-03",
            field="at",
        )
    local = now.in_timezone(zone or local_zone())
    moment = _relative(said, local) or _iso(said, local.timezone_name)
    if moment is None:
        raise ValidationError(
            f"cannot tell when {text.strip()!r} is: try {WHEN_EXAMPLES}", field="at"
        )
    moment = moment.in_timezone("UTC")
    if moment.timestamp() > now.timestamp() + _SLACK_SECONDS:
        raise ValidationError(
            f"{text.strip()!r} is in the future: a touch records what happened", field="at"
        )
    return min(moment, now)


def _relative(said: str, local: DateTime) -> DateTime | None:
    if said in {"", "now", "just now"}:
        return local
    if match := _AGO.fullmatch(said):
        amount, unit = int(match.group(1)), _UNITS[match.group(2)]
        return local.subtract(**{unit: amount})
    # Said of the future only to be refused as such, not as unreadable.
    if match := _AHEAD.fullmatch(said):
        return local.add(**{_UNITS[match.group(2)]: int(match.group(1))})
    head, _, rest = said.partition(" ")
    if head == "tomorrow":
        return _at_clock(local.add(days=1), rest)
    if head in {"today", "yesterday"}:
        day = local if head == "today" else local.subtract(days=1)
        return _at_clock(day, rest)
    name = head[:3]
    if name in _DAY_NAMES and head in _day_words(name):
        back = (local.day_of_week - _DAY_NAMES.index(name)) % 7
        day = local.subtract(days=back)
        moment = _at_clock(day, rest)
        # "mon 9:30" said on a Monday at 9:00 means last week's Monday.
        if moment is not None and moment > local:
            moment = moment.subtract(weeks=1)
        return moment
    return None


def _day_words(name: str) -> set[str]:
    full = {
        "mon": "monday",
        "tue": "tuesday",
        "wed": "wednesday",
        "thu": "thursday",
        "fri": "friday",
        "sat": "saturday",
        "sun": "sunday",
    }[name]
    return {name, full, full[:4]}


def _at_clock(day: DateTime, clock: str) -> DateTime | None:
    """``day`` at ``clock`` ("15:00", "9", "3pm"); when blank, ``day`` as
    given (at the time of day it is now: "yesterday" is 24 hours ago)."""
    if not clock:
        return day
    match = _CLOCK.fullmatch(clock)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group(3) == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return day.set(hour=hour, minute=minute, second=0, microsecond=0)


def _iso(said: str, zone: str | None) -> DateTime | None:
    try:
        parsed = pendulum.parse(said.upper(), tz=zone or "UTC", strict=False)
    except (ValueError, TypeError, OverflowError, pendulum.parsing.exceptions.ParserError):
        return None
    return parsed if isinstance(parsed, DateTime) else None


def describe_when(moment: DateTime, now: DateTime, zone: str | None = None) -> str:
    """ "Sun 22 Nov 15:00 (21 hours ago)": how the form shows the moment it read."""
    local = moment.in_timezone(zone or local_zone())
    ago = (
        "now"
        if abs(now.timestamp() - moment.timestamp()) < _SLACK_SECONDS
        else (moment.diff_for_humans(now))
    )
    ago = ago.replace(" before", " ago")
    return f"{local.format('ddd D MMM HH:mm')} ({ago})"


def check_not_future(moment: DateTime, now: DateTime) -> None:
    """Refuse a touch or an item dated after ``now`` (with a minute's slack)."""
    if moment.timestamp() > now.timestamp() + _SLACK_SECONDS:
        raise ValidationError(
            "that time is in the future: a touch records what happened", field="at"
        )
