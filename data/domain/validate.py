"""Domain validation of user input: every rule raises ``ValidationError``
with a message a person can act on."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from ..errors import ValidationError
from .text import ADDRESS_MAX, LONG_MAX, NAME_MAX, SHORT_MAX, clean_block, clean_line

E = TypeVar("E", bound=StrEnum)

MAX_TAGS = 50
TAG_MAX = 50


def _text(value: object, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be text", field=field)
    return value


def _bounded(text: str, field: str, limit: int) -> str:
    if len(text) > limit:
        raise ValidationError(
            f"{field} is {len(text):,} characters long; the limit is {limit:,}", field=field
        )
    return text


def name(value: object, field: str = "name") -> str:
    """A required one-line name of 1 to 200 characters."""
    text = clean_line(_text(value, field))
    if not text:
        raise ValidationError(f"{field} is required", field=field)
    return _bounded(text, field, NAME_MAX)


def name_key(text: str) -> str:
    """What two names are compared by: cleaned and case-folded, so
    "Northwind" and "NORTHWIND " are the same name."""
    return clean_line(text).casefold()


def unique_name(value: str, taken: Iterable[str], what: str) -> str:
    """``value``, unless one of ``taken`` is the same name ignoring case;
    ``what`` names the kind of record ("an account") in the message."""
    key = name_key(value)
    for other in taken:
        if name_key(other) == key:
            raise ValidationError(f'there is already {what} named "{other}"', field="name")
    return value


def line(value: object, field: str, limit: int = SHORT_MAX) -> str:
    """An optional one-line field (org, role, codename, label...)."""
    return _bounded(clean_line(_text(value, field)), field, limit)


def address(value: object) -> str:
    return line(value, "address", ADDRESS_MAX)


def block(value: object, field: str, limit: int = LONG_MAX) -> str:
    """Optional multi-line text (notes, terms)."""
    return _bounded(clean_block(_text(value, field)), field, limit)


# Kept vCard lines: a photo or two, not a photo album.
CARD_MAX = 200_000
# A content line: an optional group, a name, then parameters or the value.
_CONTENT_LINE = re.compile(r"(?:[A-Za-z0-9-]+\.)?[A-Za-z0-9-]+[;:]")
_CARD_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def card_problem(text: str) -> str:
    """What is wrong with kept vCard lines, or "" when nothing is."""
    if len(text) > CARD_MAX:
        return f"is {len(text):,} characters long; the limit is {CARD_MAX:,}"
    if _CARD_CONTROL.search(text):
        return "holds a control character"
    if text and not all(_CONTENT_LINE.match(line) for line in text.split("\n")):
        return "holds a line that is not a vCard property"
    return ""


def card(value: object) -> str:
    """vCard properties kept from an import: one content line each, unfolded."""
    text = _text(value, "vCard lines")
    problem = card_problem(text)
    if problem:
        raise ValidationError(f"the kept vCard lines {problem}", field="vcard")
    return text


def choice(kind: type[E], value: object, field: str) -> E:
    """One of an enum's values, given as the enum or its text."""
    if isinstance(value, kind):
        return value
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ValidationError(f"{field} must be one of: {allowed}", field=field) from None


def whole_number(value: object, field: str, low: int, high: int) -> int:
    """An integer between ``low`` and ``high`` inclusive (text digits accepted)."""
    if isinstance(value, bool):
        raise ValidationError(f"{field} must be a whole number", field=field)
    try:
        number = int(str(value).strip()) if isinstance(value, str) else int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        # OverflowError: an infinite float has no whole number.
        raise ValidationError(f"{field} must be a whole number", field=field) from None
    if isinstance(value, float) and not value.is_integer():
        raise ValidationError(f"{field} must be a whole number", field=field)
    if not low <= number <= high:
        raise ValidationError(f"{field} must be between {low} and {high}", field=field)
    return number


# The smallest capacity or half-life: heat is divided by a capacity, and
# below this it overflows (a subnormal such as 1e-320 does with one touch).
SMALLEST_POSITIVE = 0.01


def positive_number(value: object, field: str, high: float = 10_000) -> float:
    """A finite number from ``SMALLEST_POSITIVE`` to ``high``, such as a
    capacity or a half-life in days."""
    if isinstance(value, bool):
        raise ValidationError(f"{field} must be a number", field=field)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        # OverflowError: an integer too large for a float.
        raise ValidationError(f"{field} must be a number", field=field) from None
    if not math.isfinite(number) or not SMALLEST_POSITIVE <= number <= high:
        raise ValidationError(
            f"{field} must be at least {SMALLEST_POSITIVE:g} and at most {high:g}", field=field
        )
    return number


def flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{field} must be true or false", field=field)
    return value


def tags(value: object) -> tuple[str, ...]:
    """Tags from a list or a comma-separated string: cleaned, de-duplicated, in order."""
    items: Iterable[object]
    if value is None:
        items = ()
    elif isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list | tuple):
        items = value
    else:
        raise ValidationError("tags must be a list of words", field="tags")
    seen: dict[str, None] = {}
    for item in items:
        tag = line(item, "a tag", TAG_MAX)
        if tag:
            seen.setdefault(tag, None)
    if len(seen) > MAX_TAGS:
        raise ValidationError(f"at most {MAX_TAGS} tags", field="tags")
    return tuple(seen)


def check_address(kind: object, address: str) -> None:
    """A channel that reaches someone needs an address to reach them at:
    only in person may have none."""
    if str(kind) != "in_person" and not address.strip():
        shown = str(kind).replace("_", " ")
        raise ValidationError(
            f"a {shown} channel needs an address: a number, an email or a handle",
            field="address",
        )
