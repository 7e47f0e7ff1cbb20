"""Documents as stored in the TinyDB file, to and from the domain records.

Decoding is strict: a missing field, a wrong type, a number outside the
bounds input validation keeps (see ``fields``) or a time that does not
parse or is out of range raises ``SchemaProblem``, which the loader turns
into a message naming the table and the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.clock import format_time
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
from .stored_fields import (
    BOOL,
    CADENCE_DAYS,
    CAPACITY_MAX,
    HALF_LIFE_DAYS_MAX,
    INT,
    LIST,
    NUM,
    RANK,
    STR,
    STRENGTH,
    SchemaProblem,
    Shape,
    card_lines,
    check_shape,
    choice,
    members,
    positive_number,
    stored_time,
    whole_number,
)

Doc = dict[str, Any]

__all__ = ["Doc", "SchemaProblem"]


_RUNGS = members(Rung)
_KINDS = members(ChannelKind)
_CHANNEL_STATUSES = members(ChannelStatus)
_DIRECTIONS = members(Direction)
_URGENCIES = members(Urgency)
_OUTCOMES = members(Outcome)
_INTEL_DIRECTIONS = members(IntelDirection)
_INTEL_STATUSES = members(IntelStatus)
_SENSITIVITIES = members(Sensitivity)

_CONTACT = Shape(
    (
        ("id", STR, True),
        ("name", STR, True),
        ("codename", STR, False),
        ("org", STR, False),
        ("role", STR, False),
        ("account_id", STR, False),
        ("tags", LIST, False),
        ("notes", STR, False),
        ("strength", INT, False),
        ("cadence_days", INT, False),
        ("intention", STR, False),
        ("vcard", STR, False),
        ("created_at", STR, True),
        ("updated_at", STR, True),
        ("archived", BOOL, False),
    )
)


def contact_from_doc(doc: Mapping[str, Any]) -> Contact:
    check_shape(doc, _CONTACT)
    tags = tuple(doc.get("tags") or ())
    if not all(type(tag) is str for tag in tags):
        raise SchemaProblem("field 'tags' must hold text only")
    return Contact(
        id=doc["id"],
        name=doc["name"],
        codename=doc.get("codename") or "",
        org=doc.get("org") or "",
        role=doc.get("role") or "",
        account_id=doc.get("account_id") or None,
        tags=tags,
        notes=doc.get("notes") or "",
        strength=whole_number(doc, "strength", STRENGTH, 0),
        cadence_days=whole_number(doc, "cadence_days", CADENCE_DAYS, DEFAULT_CADENCE_DAYS),
        intention=doc.get("intention") or "",
        vcard=card_lines(doc, "vcard"),
        created_at=stored_time(doc, "created_at"),
        updated_at=stored_time(doc, "updated_at"),
        archived=doc.get("archived") or False,
    )


def contact_to_doc(contact: Contact) -> Doc:
    doc: Doc = {
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
    # Only imported contacts have kept vCard lines: the others' documents
    # stay as they were.
    if contact.vcard:
        doc["vcard"] = contact.vcard
    return doc


_CHANNEL = Shape(
    (
        ("id", STR, True),
        ("contact_id", STR, True),
        ("rung", STR, True),
        ("kind", STR, True),
        ("address", STR, False),
        ("label", STR, False),
        ("rank", INT, False),
        ("their_preference", BOOL, False),
        ("capacity", NUM, True),
        ("half_life_days", NUM, True),
        ("granted_at", STR, False),
        ("terms", STR, False),
        ("status", STR, True),
    )
)


def channel_from_doc(doc: Mapping[str, Any]) -> Channel:
    check_shape(doc, _CHANNEL)
    return Channel(
        id=doc["id"],
        contact_id=doc["contact_id"],
        rung=choice(_RUNGS, doc, "rung"),
        kind=choice(_KINDS, doc, "kind"),
        address=doc.get("address") or "",
        label=doc.get("label") or "",
        rank=whole_number(doc, "rank", RANK, 0),
        their_preference=doc.get("their_preference") or False,
        capacity=positive_number(doc, "capacity", CAPACITY_MAX),
        half_life_days=positive_number(doc, "half_life_days", HALF_LIFE_DAYS_MAX),
        granted_at=stored_time(doc, "granted_at") if doc.get("granted_at") else None,
        terms=doc.get("terms") or "",
        status=choice(_CHANNEL_STATUSES, doc, "status"),
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
        ("id", STR, True),
        ("contact_id", STR, True),
        ("channel_id", STR, True),
        ("at", STR, True),
        ("direction", STR, True),
        ("urgency", STR, True),
        ("reason", STR, False),
        ("note", STR, False),
        ("outcome", STR, True),
    )
)


def touch_from_doc(doc: Mapping[str, Any]) -> Touch:
    check_shape(doc, _TOUCH)
    return Touch(
        id=doc["id"],
        contact_id=doc["contact_id"],
        channel_id=doc["channel_id"],
        at=stored_time(doc, "at"),
        direction=choice(_DIRECTIONS, doc, "direction"),
        urgency=choice(_URGENCIES, doc, "urgency"),
        reason=doc.get("reason") or "",
        note=doc.get("note") or "",
        outcome=choice(_OUTCOMES, doc, "outcome"),
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
        ("id", STR, True),
        ("contact_id", STR, True),
        ("touch_id", STR, False),
        ("at", STR, True),
        ("direction", STR, True),
        ("summary", STR, True),
        ("status", STR, True),
        ("unique", BOOL, False),
        ("sensitivity", STR, True),
    )
)


def intel_from_doc(doc: Mapping[str, Any]) -> Intel:
    check_shape(doc, _INTEL)
    return Intel(
        id=doc["id"],
        contact_id=doc["contact_id"],
        touch_id=doc.get("touch_id") or None,
        at=stored_time(doc, "at"),
        direction=choice(_INTEL_DIRECTIONS, doc, "direction"),
        summary=doc["summary"],
        status=choice(_INTEL_STATUSES, doc, "status"),
        unique=doc.get("unique"),
        sensitivity=choice(_SENSITIVITIES, doc, "sensitivity"),
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
        ("id", STR, True),
        ("name", STR, True),
        ("official_process", STR, False),
        ("notes", STR, False),
    )
)


def account_from_doc(doc: Mapping[str, Any]) -> Account:
    check_shape(doc, _ACCOUNT)
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
