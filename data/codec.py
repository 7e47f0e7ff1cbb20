"""Documents as stored in the TinyDB file, to and from the domain records.

Decoding is strict: a missing field or a wrong type raises ``SchemaProblem``,
which the loader turns into a message naming the table and the document.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .clock import format_time, parse_time
from .models import (
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

Doc = dict[str, Any]
T = TypeVar("T")


class SchemaProblem(ValueError):
    """A stored document does not match the schema."""


def _get(doc: Mapping[str, Any], key: str, kind: type[T] | tuple[type, ...]) -> T:
    try:
        value = doc[key]
    except KeyError:
        raise SchemaProblem(f"missing field {key!r}") from None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
        raise SchemaProblem(f"field {key!r} has the wrong type")
    return value  # type: ignore[return-value]


def _opt(doc: Mapping[str, Any], key: str, kind: type[T], default: T) -> T:
    if doc.get(key) is None:
        return default
    return _get(doc, key, kind)


def _time(doc: Mapping[str, Any], key: str) -> Any:
    try:
        return parse_time(_get(doc, key, str))
    except ValueError as error:
        raise SchemaProblem(f"field {key!r} is not an ISO-8601 time: {error}") from None


def _enum(doc: Mapping[str, Any], key: str, kind: Callable[[str], T]) -> T:
    try:
        return kind(_get(doc, key, str))
    except ValueError:
        raise SchemaProblem(f"field {key!r} has an unknown value {doc[key]!r}") from None


def _number(doc: Mapping[str, Any], key: str) -> float:
    return float(_get(doc, key, (int, float)))


def contact_from_doc(doc: Mapping[str, Any]) -> Contact:
    return Contact(
        id=_get(doc, "id", str),
        name=_get(doc, "name", str),
        codename=_opt(doc, "codename", str, ""),
        org=_opt(doc, "org", str, ""),
        role=_opt(doc, "role", str, ""),
        account_id=doc.get("account_id") or None,
        tags=tuple(_opt(doc, "tags", list, [])),
        notes=_opt(doc, "notes", str, ""),
        strength=_opt(doc, "strength", int, 0),
        cadence_days=_opt(doc, "cadence_days", int, 30),
        intention=_opt(doc, "intention", str, ""),
        created_at=_time(doc, "created_at"),
        updated_at=_time(doc, "updated_at"),
        archived=_opt(doc, "archived", bool, False),
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


def channel_from_doc(doc: Mapping[str, Any]) -> Channel:
    granted = doc.get("granted_at")
    return Channel(
        id=_get(doc, "id", str),
        contact_id=_get(doc, "contact_id", str),
        rung=_enum(doc, "rung", Rung),
        kind=_enum(doc, "kind", ChannelKind),
        address=_opt(doc, "address", str, ""),
        label=_opt(doc, "label", str, ""),
        rank=_opt(doc, "rank", int, 0),
        their_preference=_opt(doc, "their_preference", bool, False),
        capacity=_number(doc, "capacity"),
        half_life_days=_number(doc, "half_life_days"),
        granted_at=_time(doc, "granted_at") if granted else None,
        terms=_opt(doc, "terms", str, ""),
        status=_enum(doc, "status", ChannelStatus),
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


def touch_from_doc(doc: Mapping[str, Any]) -> Touch:
    return Touch(
        id=_get(doc, "id", str),
        contact_id=_get(doc, "contact_id", str),
        channel_id=_get(doc, "channel_id", str),
        at=_time(doc, "at"),
        direction=_enum(doc, "direction", Direction),
        urgency=_enum(doc, "urgency", Urgency),
        reason=_opt(doc, "reason", str, ""),
        note=_opt(doc, "note", str, ""),
        outcome=_enum(doc, "outcome", Outcome),
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


def intel_from_doc(doc: Mapping[str, Any]) -> Intel:
    unique = doc.get("unique")
    if unique is not None and not isinstance(unique, bool):
        raise SchemaProblem("field 'unique' must be true, false or null")
    return Intel(
        id=_get(doc, "id", str),
        contact_id=_get(doc, "contact_id", str),
        touch_id=doc.get("touch_id") or None,
        at=_time(doc, "at"),
        direction=_enum(doc, "direction", IntelDirection),
        summary=_get(doc, "summary", str),
        status=_enum(doc, "status", IntelStatus),
        unique=unique,
        sensitivity=_enum(doc, "sensitivity", Sensitivity),
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


def account_from_doc(doc: Mapping[str, Any]) -> Account:
    return Account(
        id=_get(doc, "id", str),
        name=_get(doc, "name", str),
        official_process=_opt(doc, "official_process", str, ""),
        notes=_opt(doc, "notes", str, ""),
    )


def account_to_doc(account: Account) -> Doc:
    return {
        "id": account.id,
        "name": account.name,
        "official_process": account.official_process,
        "notes": account.notes,
    }
