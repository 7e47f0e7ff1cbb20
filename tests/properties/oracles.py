"""What the store should make of one input value, written from the rules
(DESIGN.md section 5, data/text.py): a one-line field is cleaned by
``clean_line``, a multi-line one by ``clean_block``, both bounded; numbers
and choices in range. ``REFUSED`` means the value must raise
``ValidationError``."""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Any, Final

from .strategies import clean_block, clean_line


class _Refused:
    def __repr__(self) -> str:
        return "REFUSED"


REFUSED: Final = _Refused()


def line_of(value: object, limit: int, *, required: bool = False) -> object:
    if value is None:
        value = ""
    if not isinstance(value, str):
        return REFUSED
    text = clean_line(value)
    if (required and not text) or len(text) > limit:
        return REFUSED
    return text


def block_of(value: object, limit: int) -> object:
    if value is None:
        value = ""
    if not isinstance(value, str):
        return REFUSED
    text = clean_block(value)
    return REFUSED if len(text) > limit else text


def whole_of(value: object, low: int, high: int) -> object:
    if isinstance(value, bool):
        return REFUSED
    number: int
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return REFUSED
        number = int(value)
    elif isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            return REFUSED
    else:
        return REFUSED
    return number if low <= number <= high else REFUSED


def positive_of(value: object, high: float) -> object:
    if isinstance(value, bool) or value is None:
        return REFUSED
    try:
        number = float(value)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return REFUSED
    # From a hundredth: heat is divided by a capacity, and must not overflow.
    return number if math.isfinite(number) and 0.01 <= number <= high else REFUSED


def choice_of(kind: type[StrEnum], value: object) -> object:
    if isinstance(value, kind):
        return value
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        return REFUSED


def tags_of(value: object) -> object:
    items: list[Any]
    if value is None:
        items = []
    elif isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        return REFUSED
    seen: dict[str, None] = {}
    for item in items:
        tag = line_of(item, 50)
        if tag is REFUSED:
            return REFUSED
        if tag:
            seen.setdefault(str(tag), None)
    return REFUSED if len(seen) > 50 else tuple(seen)


__all__ = [
    "REFUSED",
    "block_of",
    "choice_of",
    "line_of",
    "positive_of",
    "tags_of",
    "whole_of",
]
