"""Merge conflicts: a field two copies of the book changed each its own way.

The merge keeps the value with the newer ``updated_at`` in the record and
this record holds the other one, until the user picks. Its id is derived
from what it holds, so merging the same two books again, or in the other
order, finds the same conflict rather than a second one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from .stored_fields import STR, SchemaProblem, Shape, check_shape

CONFLICTS_TABLE = "conflicts"
# The tables whose records a conflict may be about.
CONFLICTED_TABLES = frozenset({"contacts", "channels", "touches", "intel", "accounts"})


class Conflict(msgspec.Struct, frozen=True, kw_only=True):
    """The value of ``field`` of record ``record_id`` in ``table`` that the
    merge did not keep, and when the copy it came from changed the record."""

    id: str
    table: str
    record_id: str
    field: str
    # The JSON value as stored.
    value: Any
    updated_at: str = ""
    # The contact the record belongs to ("" for an account's record).
    contact_id: str = ""


_CONFLICT = Shape(
    (
        ("id", STR, True),
        ("table", STR, True),
        ("record_id", STR, True),
        ("field", STR, True),
        ("updated_at", STR, False),
        ("contact_id", STR, False),
    )
)

_canonical = msgspec.json.Encoder(order="sorted").encode


def conflict_id(table: str, record_id: str, field: str, value: Any) -> str:
    """The same id for the same other value of the same field."""
    # Only a merge makes conflicts: every command would pay for OpenSSL's load.
    import hashlib

    digest = hashlib.sha256(_canonical([table, record_id, field, value]))
    return digest.hexdigest()[:32]


def conflict_from_doc(doc: Mapping[str, Any]) -> Conflict:
    check_shape(doc, _CONFLICT)
    if doc["table"] not in CONFLICTED_TABLES:
        raise SchemaProblem(f"field 'table' names no table of records: {doc['table']!r}")
    if "value" not in doc:
        raise SchemaProblem("missing field 'value'")
    return Conflict(
        id=doc["id"],
        table=doc["table"],
        record_id=doc["record_id"],
        field=doc["field"],
        value=doc["value"],
        updated_at=doc.get("updated_at") or "",
        contact_id=doc.get("contact_id") or "",
    )


def conflict_to_doc(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "table": conflict.table,
        "record_id": conflict.record_id,
        "field": conflict.field,
        "value": conflict.value,
        "updated_at": conflict.updated_at,
        "contact_id": conflict.contact_id,
    }
