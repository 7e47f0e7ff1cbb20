"""Documents as stored in the TinyDB file, to and from the domain records.

Decoding is strict: a missing field, a wrong type, a number outside the
bounds input validation keeps (see ``fields``) or a time that does not
parse or is out of range raises ``SchemaProblem``, which the loader turns
into a message naming the table and the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from ..domain.clock import format_time, parse_time
from ..domain.models import (
    DEFAULT_CADENCE_DAYS,
    Account,
    Channel,
    ChannelKind,
    ChannelStatus,
    Contact,
    Direction,
    Intel,
    IntelDirection,
    IntelStatus,
    Outcome,
    Rung,
    Sensitivity,
    Touch,
    Urgency,
)
from ..domain.records import record_maker
from ..domain.validate import SMALLEST_POSITIVE
from ..errors import BrokenDatabaseError

Doc = dict[str, Any]
T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


class SchemaProblem(BrokenDatabaseError, ValueError):
    """A stored document does not match the schema.

    A ``BrokenDatabaseError``, so that a document decoded only when it is
    asked for (a touch shown on a screen or in an export) ends a command, or
    the dashboard, as a book that does not open does: with its message and
    status 2, not a traceback.
    """


# The bounds input validation keeps (see ``fields``): a number outside them
# was written by another program.
STRENGTH = (0, 5)
CADENCE_DAYS = (1, 3650)
# A channel's place in its rung: 0, 1, 2... as the store numbers them, and
# no one keeps a million channels for one person.
RANK = (0, 1_000_000)
# Above 0 and at most these.
CAPACITY_MAX = 1000
HALF_LIFE_DAYS_MAX = 3650
# bchan writes the clock's time; these years are far from any, and keep
# every conversion (a zone's offset, epoch seconds rounded to the
# microsecond) inside the years 1 to 9999 that a datetime holds.
FIRST_YEAR, LAST_YEAR = 1900, 8999
# How much of a wrong value a message shows: a value can be megabytes long.
_SHOWN = 40


_STR = (str,)
_INT = (int,)
_NUM = (int, float)
_BOOL = (bool,)
_LIST = (list,)

# (field, accepted types, required). Checked with exact types: start-up
# decodes every contact and channel, so this path must be cheap.
Spec = tuple[tuple[str, tuple[type, ...], bool], ...]


class Shape:
    """The fields of one kind of document, and the combinations of their
    value types already found valid.

    Whether a document is valid depends only on the types of its fields'
    values, and a book holds few combinations of them: once one is checked,
    a document with the same combination needs no loop in Python.
    """

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.keys = tuple(key for key, _, _ in spec)
        self.valid: set[tuple[type, ...]] = set()


def _check(doc: Mapping[str, Any], shape: Shape) -> None:
    if not isinstance(doc, dict):
        raise SchemaProblem("not an object")
    types = tuple(map(type, map(doc.get, shape.keys)))
    if types in shape.valid:
        return
    for key, kinds, required in shape.spec:
        value = doc.get(key)
        if value is None:
            if required:
                raise SchemaProblem(f"missing field {key!r}")
        elif type(value) not in kinds:
            raise SchemaProblem(f"field {key!r} has the wrong type")
    shape.valid.add(types)


def _choice(kind: Mapping[str, T], doc: Mapping[str, Any], key: str) -> T:
    try:
        return kind[doc[key]]
    except KeyError:
        raise SchemaProblem(f"field {key!r} has an unknown value {_shown(doc.get(key))}") from None


def _time(doc: Mapping[str, Any], key: str) -> Any:
    text = doc[key]
    try:
        moment = parse_time(text)
    except (ValueError, OverflowError):
        # OverflowError: a zone's offset takes the time past year 1 or 9999.
        raise SchemaProblem(
            f"field {key!r} is not an ISO-8601 time with a zone: {_shown(text)}"
        ) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise SchemaProblem(
            f"field {key!r} is {_shown(text)}, outside the years {FIRST_YEAR} to {LAST_YEAR}"
        )
    return moment


def _whole(doc: Mapping[str, Any], key: str, bounds: tuple[int, int], default: int) -> int:
    """The field's whole number (``_check`` found it an int), or ``default``
    when it is absent; raises ``SchemaProblem`` when it is out of ``bounds``."""
    value: int | None = doc.get(key)
    if value is None:
        return default
    low, high = bounds
    if low <= value <= high:
        return value
    raise SchemaProblem(
        f"field {key!r} is {_shown(value)}; it must be a whole number from {low} to {high}"
    )


def _positive(doc: Mapping[str, Any], key: str, high: float) -> float:
    """The field's number (``_check`` found it there, an int or a float) as
    a float; raises ``SchemaProblem`` unless input validation would take it."""
    value: float = doc[key]
    # NaN fails every comparison: it is refused with the rest.
    if SMALLEST_POSITIVE <= value <= high:
        return float(value)
    raise SchemaProblem(
        f"field {key!r} is {_shown(value)}; it must be at least {SMALLEST_POSITIVE:g} "
        f"and at most {high}"
    )


def _shown(value: object) -> str:
    """A stored value as a message quotes it, cut short when long."""
    if type(value) is int and value.bit_length() > 64:
        return f"a {value.bit_length()}-bit integer"
    text = repr(value)
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}... ({len(text):,} characters)"


def _members(kind: type[E]) -> dict[str, E]:
    return {member.value: member for member in kind}


_RUNGS = _members(Rung)
_KINDS = _members(ChannelKind)
_CHANNEL_STATUSES = _members(ChannelStatus)
_DIRECTIONS = _members(Direction)
_URGENCIES = _members(Urgency)
_OUTCOMES = _members(Outcome)
_INTEL_DIRECTIONS = _members(IntelDirection)
_INTEL_STATUSES = _members(IntelStatus)
_SENSITIVITIES = _members(Sensitivity)

_CONTACT = Shape(
    (
        ("id", _STR, True),
        ("name", _STR, True),
        ("codename", _STR, False),
        ("org", _STR, False),
        ("role", _STR, False),
        ("account_id", _STR, False),
        ("tags", _LIST, False),
        ("notes", _STR, False),
        ("strength", _INT, False),
        ("cadence_days", _INT, False),
        ("intention", _STR, False),
        ("created_at", _STR, True),
        ("updated_at", _STR, True),
        ("archived", _BOOL, False),
    )
)


_new_contact = record_maker(
    Contact,
    "id name codename org role account_id tags notes strength cadence_days intention"
    " created_at updated_at archived",
)


def contact_from_doc(doc: Mapping[str, Any]) -> Contact:
    _check(doc, _CONTACT)
    tags = tuple(doc.get("tags") or ())
    if not all(type(tag) is str for tag in tags):
        raise SchemaProblem("field 'tags' must hold text only")
    return _new_contact(
        doc["id"],
        doc["name"],
        doc.get("codename") or "",
        doc.get("org") or "",
        doc.get("role") or "",
        doc.get("account_id") or None,
        tags,
        doc.get("notes") or "",
        _whole(doc, "strength", STRENGTH, 0),
        _whole(doc, "cadence_days", CADENCE_DAYS, DEFAULT_CADENCE_DAYS),
        doc.get("intention") or "",
        _time(doc, "created_at"),
        _time(doc, "updated_at"),
        doc.get("archived") or False,
    )


def contact_to_doc(contact: Contact) -> Doc:
    return {
        "id": contact.id,
        "name": contact.name,
        "codename": contact.codename,
        "org": contact.org,
        "role": contact.role,
        "account_id": contact.account_id,
        "tags": list(contact.tags),
        "notes": contact.notes,
        "strength": contact.strength,
        "cadence_days": contact.cadence_days,
        "intention": contact.intention,
        "created_at": format_time(contact.created_at),
        "updated_at": format_time(contact.updated_at),
        "archived": contact.archived,
    }


_CHANNEL = Shape(
    (
        ("id", _STR, True),
        ("contact_id", _STR, True),
        ("rung", _STR, True),
        ("kind", _STR, True),
        ("address", _STR, False),
        ("label", _STR, False),
        ("rank", _INT, False),
        ("their_preference", _BOOL, False),
        ("capacity", _NUM, True),
        ("half_life_days", _NUM, True),
        ("granted_at", _STR, False),
        ("terms", _STR, False),
        ("status", _STR, True),
    )
)


_new_channel = record_maker(
    Channel,
    "id contact_id rung kind address label rank their_preference capacity half_life_days"
    " granted_at terms status",
)


def channel_from_doc(doc: Mapping[str, Any]) -> Channel:
    _check(doc, _CHANNEL)
    return _new_channel(
        doc["id"],
        doc["contact_id"],
        _choice(_RUNGS, doc, "rung"),
        _choice(_KINDS, doc, "kind"),
        doc.get("address") or "",
        doc.get("label") or "",
        _whole(doc, "rank", RANK, 0),
        doc.get("their_preference") or False,
        _positive(doc, "capacity", CAPACITY_MAX),
        _positive(doc, "half_life_days", HALF_LIFE_DAYS_MAX),
        _time(doc, "granted_at") if doc.get("granted_at") else None,
        doc.get("terms") or "",
        _choice(_CHANNEL_STATUSES, doc, "status"),
    )


def channel_to_doc(channel: Channel) -> Doc:
    return {
        "id": channel.id,
        "contact_id": channel.contact_id,
        "rung": channel.rung.value,
        "kind": channel.kind.value,
        "address": channel.address,
        "label": channel.label,
        "rank": channel.rank,
        "their_preference": channel.their_preference,
        "capacity": channel.capacity,
        "half_life_days": channel.half_life_days,
        "granted_at": format_time(channel.granted_at) if channel.granted_at else None,
        "terms": channel.terms,
        "status": channel.status.value,
    }


_TOUCH = Shape(
    (
        ("id", _STR, True),
        ("contact_id", _STR, True),
        ("channel_id", _STR, True),
        ("at", _STR, True),
        ("direction", _STR, True),
        ("urgency", _STR, True),
        ("reason", _STR, False),
        ("note", _STR, False),
        ("outcome", _STR, True),
    )
)


_new_touch = record_maker(
    Touch, "id contact_id channel_id at direction urgency reason note outcome"
)


def touch_from_doc(doc: Mapping[str, Any]) -> Touch:
    _check(doc, _TOUCH)
    return _new_touch(
        doc["id"],
        doc["contact_id"],
        doc["channel_id"],
        _time(doc, "at"),
        _choice(_DIRECTIONS, doc, "direction"),
        _choice(_URGENCIES, doc, "urgency"),
        doc.get("reason") or "",
        doc.get("note") or "",
        _choice(_OUTCOMES, doc, "outcome"),
    )


def touch_to_doc(touch: Touch) -> Doc:
    return {
        "id": touch.id,
        "contact_id": touch.contact_id,
        "channel_id": touch.channel_id,
        "at": format_time(touch.at),
        "direction": touch.direction.value,
        "urgency": touch.urgency.value,
        "reason": touch.reason,
        "note": touch.note,
        "outcome": touch.outcome.value,
    }


_INTEL = Shape(
    (
        ("id", _STR, True),
        ("contact_id", _STR, True),
        ("touch_id", _STR, False),
        ("at", _STR, True),
        ("direction", _STR, True),
        ("summary", _STR, True),
        ("status", _STR, True),
        ("unique", _BOOL, False),
        ("sensitivity", _STR, True),
    )
)


_new_intel = record_maker(
    Intel, "id contact_id touch_id at direction summary status unique sensitivity"
)


def intel_from_doc(doc: Mapping[str, Any]) -> Intel:
    _check(doc, _INTEL)
    return _new_intel(
        doc["id"],
        doc["contact_id"],
        doc.get("touch_id") or None,
        _time(doc, "at"),
        _choice(_INTEL_DIRECTIONS, doc, "direction"),
        doc["summary"],
        _choice(_INTEL_STATUSES, doc, "status"),
        doc.get("unique"),
        _choice(_SENSITIVITIES, doc, "sensitivity"),
    )


def intel_to_doc(item: Intel) -> Doc:
    return {
        "id": item.id,
        "contact_id": item.contact_id,
        "touch_id": item.touch_id,
        "at": format_time(item.at),
        "direction": item.direction.value,
        "summary": item.summary,
        "status": item.status.value,
        "unique": item.unique,
        "sensitivity": item.sensitivity.value,
    }


_ACCOUNT = Shape(
    (
        ("id", _STR, True),
        ("name", _STR, True),
        ("official_process", _STR, False),
        ("notes", _STR, False),
    )
)


def account_from_doc(doc: Mapping[str, Any]) -> Account:
    _check(doc, _ACCOUNT)
    return Account(
        id=doc["id"],
        name=doc["name"],
        official_process=doc.get("official_process") or "",
        notes=doc.get("notes") or "",
    )


def account_to_doc(account: Account) -> Doc:
    return {
        "id": account.id,
        "name": account.name,
        "official_process": account.official_process,
        "notes": account.notes,
    }
