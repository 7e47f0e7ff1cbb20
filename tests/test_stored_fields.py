"""The decoders and the structure check, value by value: a stored number,
time or key that input validation would never have written is refused,
and every value at the bounds it keeps is taken."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from bchan_tui.data.book.codec import (
    SchemaProblem,
    account_from_doc,
    channel_from_doc,
    contact_from_doc,
    intel_from_doc,
    touch_from_doc,
)
from bchan_tui.data.book.schema import SchemaMismatch, check_structure, new_database

# --- the decoders on their own --------------------------------------------

TIME = "2026-11-23T12:00:00.000000Z"
VALID: dict[str, tuple[Callable[[Mapping[str, Any]], object], dict[str, Any]]] = {
    "contact": (
        contact_from_doc,
        {"id": "c", "name": "Marta", "created_at": TIME, "updated_at": TIME},
    ),
    "channel": (
        channel_from_doc,
        {
            "id": "ch",
            "contact_id": "c",
            "rung": "public",
            "kind": "email",
            "capacity": 5,
            "half_life_days": 3,
            "status": "active",
        },
    ),
    "touch": (
        touch_from_doc,
        {
            "id": "t",
            "contact_id": "c",
            "channel_id": "ch",
            "at": TIME,
            "direction": "out",
            "urgency": "routine",
            "outcome": "pending",
        },
    ),
    "intel": (
        intel_from_doc,
        {
            "id": "i",
            "contact_id": "c",
            "at": TIME,
            "direction": "given",
            "summary": "a roadmap",
            "status": "unverified",
            "sensitivity": "normal",
        },
    ),
    "account": (account_from_doc, {"id": "a", "name": "Northwind"}),
}

NAN, INF = float("nan"), float("inf")
REFUSED: list[tuple[str, str, object]] = [
    *[("contact", "strength", v) for v in (-1, 6, 2**63, 2**64, -(2**64))],
    *[("contact", "cadence_days", v) for v in (0, -30, 3651, 2**64)],
    *[("channel", "rank", v) for v in (-1, 2**63, 10**20)],
    *[("channel", "capacity", v) for v in (0, -1, 0.0, -0.0, -5e-324, 1000.5)],
    *[("channel", "capacity", v) for v in (1e308, NAN, INF, -INF, 2**64, 10**400)],
    *[("channel", "half_life_days", v) for v in (0, -7, 3651, NAN, INF, 10**400)],
    *[("contact", "created_at", v) for v in ("yesterday", "", "2026-11-23T12:00:00")],
    *[("contact", "updated_at", v) for v in ("0001-01-01T00:00:00+14:00", "1899-12-31T23:59:59Z")],
    *[("channel", "granted_at", v) for v in ("soon", "9999-12-31T23:00:00-14:00")],
    *[("touch", "at", v) for v in ("2026-13-01T00:00:00Z", "9999-12-31T23:59:59.999999Z")],
    *[("intel", "at", v) for v in ("0001-01-01T00:00:00Z", "9000-01-01T00:00:00Z", "x" * 10**5)],
]


@pytest.mark.parametrize(("kind", "field", "value"), REFUSED, ids=lambda value: repr(value)[:24])
def test_a_decoder_refuses_a_number_or_time_out_of_bounds(
    kind: str, field: str, value: object
) -> None:
    decode, doc = VALID[kind]
    with pytest.raises(SchemaProblem, match=f"field '{field}'") as refused:
        decode({**doc, field: value})
    # One line a person can read, whatever the value's size.
    assert len(str(refused.value)) < 200


ACCEPTED: list[tuple[str, str, object]] = [
    *[("contact", "strength", v) for v in (None, 0, 5)],
    *[("contact", "cadence_days", v) for v in (None, 1, 3650)],
    *[("channel", "rank", v) for v in (None, 0, 999_999)],
    # As input validation takes them: from 0.01, heat divided by a
    # capacity cannot overflow.
    *[("channel", "capacity", v) for v in (0.01, 0.5, 1, 1000, 1000.0)],
    *[("channel", "half_life_days", v) for v in (0.01, 14, 3650.0)],
    *[("contact", "created_at", v) for v in ("1900-01-01T00:00:00Z", "2026-11-23T12:00:00+01:00")],
    *[("touch", "at", v) for v in ("8999-12-31T23:59:59.999999Z",)],
]


@pytest.mark.parametrize(("kind", "field", "value"), ACCEPTED, ids=lambda value: repr(value)[:24])
def test_a_decoder_accepts_a_number_or_time_in_bounds(kind: str, field: str, value: object) -> None:
    decode, doc = VALID[kind]
    # Twice: the second document's types are a combination already found valid.
    for _ in range(2):
        decode({**doc, field: value})


def test_a_valid_combination_of_types_does_not_let_a_bad_value_through() -> None:
    decode, doc = VALID["channel"]
    decode({**doc, "capacity": 5.0})
    with pytest.raises(SchemaProblem, match="'capacity'"):
        decode({**doc, "capacity": NAN})


# --- document keys ----------------------------------------------------------

BAD_KEYS = [
    "01",  # int() reads it as 1, as it reads "1"
    "0",  # TinyDB numbers its documents from 1
    "²",  # str.isdigit() says yes; int() says no
    "\u0661",  # an Arabic-Indic one: int() reads it as 1
    "-1",
    "+1",
    " 1",
    "1 ",
    "1\n",
    "1.0",
    "1e3",
    "",
    "x",
    "9" * 19,  # more than a signed 64-bit integer holds
]


@pytest.mark.parametrize("key", BAD_KEYS, ids=lambda key: repr(key)[:24])
@pytest.mark.parametrize("table", ["contacts", "touches", "_meta"])
def test_check_structure_refuses_a_key_that_is_not_a_document_id(table: str, key: str) -> None:
    data = new_database()
    data[table]["2"] = {"schema_version": 1} if table == "_meta" else {}
    data[table][key] = {}
    with pytest.raises(SchemaMismatch, match=re.escape(f"table '{table}': key {key!r}")):
        check_structure(data)


def test_check_structure_accepts_document_ids_from_1_to_18_digits() -> None:
    data = new_database()
    data["touches"] = {key: {} for key in ("1", "2", "10", "907", "9" * 18)}
    assert check_structure(data) is data
