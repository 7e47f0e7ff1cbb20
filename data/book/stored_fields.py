"""Checking the fields of a stored document: their types, against a
document's ``Shape``, and their values, against the bounds input
validation keeps (see ``fields``). A field that fails raises
``SchemaProblem``, which names it and quotes its value, cut short."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from ..domain.clock import parse_time
from ..domain.validate import SMALLEST_POSITIVE, card_problem
from ..errors import BrokenDatabaseError

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


STR = (str,)
INT = (int,)
NUM = (int, float)
BOOL = (bool,)
LIST = (list,)

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


def check_shape(doc: Mapping[str, Any], shape: Shape) -> None:
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


def choice(kind: Mapping[str, T], doc: Mapping[str, Any], key: str) -> T:
    try:
        return kind[doc[key]]
    except KeyError:
        raise SchemaProblem(
            f"field {key!r} has an unknown value {shown_value(doc.get(key))}"
        ) from None


def stored_time(doc: Mapping[str, Any], key: str) -> Any:
    text = doc[key]
    try:
        moment = parse_time(text)
    except (ValueError, OverflowError):
        # OverflowError: a zone's offset takes the time past year 1 or 9999.
        raise SchemaProblem(
            f"field {key!r} is not an ISO-8601 time with a zone: {shown_value(text)}"
        ) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise SchemaProblem(
            f"field {key!r} is {shown_value(text)}, outside the years {FIRST_YEAR} to {LAST_YEAR}"
        )
    return moment


def whole_number(doc: Mapping[str, Any], key: str, bounds: tuple[int, int], default: int) -> int:
    """The field's whole number (``check_shape`` found it an int), or ``default``
    when it is absent; raises ``SchemaProblem`` when it is out of ``bounds``."""
    value: int | None = doc.get(key)
    if value is None:
        return default
    low, high = bounds
    if low <= value <= high:
        return value
    raise SchemaProblem(
        f"field {key!r} is {shown_value(value)}; it must be a whole number from {low} to {high}"
    )


def positive_number(doc: Mapping[str, Any], key: str, high: float) -> float:
    """The field's number (``check_shape`` found it there, an int or a float) as
    a float; raises ``SchemaProblem`` unless input validation would take it."""
    value: float = doc[key]
    # NaN fails every comparison: it is refused with the rest.
    if SMALLEST_POSITIVE <= value <= high:
        return float(value)
    raise SchemaProblem(
        f"field {key!r} is {shown_value(value)}; it must be at least {SMALLEST_POSITIVE:g} "
        f"and at most {high}"
    )


def card_lines(doc: Mapping[str, Any], key: str) -> str:
    """The field's kept vCard lines (``check_shape`` found it text, or absent);
    raises ``SchemaProblem`` unless input validation would take them."""
    text: str = doc.get(key) or ""
    problem = card_problem(text)
    if problem:
        raise SchemaProblem(f"field {key!r} {problem}: {shown_value(text)}")
    return text


def shown_value(value: object) -> str:
    """A stored value as a message quotes it, cut short when long."""
    if type(value) is int and value.bit_length() > 64:
        return f"a {value.bit_length()}-bit integer"
    text = repr(value)
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}... ({len(text):,} characters)"


def members(kind: type[E]) -> dict[str, E]:
    return {member.value: member for member in kind}
