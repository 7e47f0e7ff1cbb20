"""Recognising a hidden phone number however free text writes it
(DESIGN.md "Protect your sources").

Numbers are compared as numbers, with the ``phonenumbers`` library (the
data of Google's libphonenumber) rather than rules of our own: a note that
says "070-555 01 42", "+46 (0)70 555 0142" or "0046 70 555 01 42" quotes
the private ``+46 70 555 0142`` as surely as the same digits would.

A number is known by its national significant number (the digits after the
country code, without a trunk prefix such as the ``0`` of "070"). Free text
quotes a hidden number when that run of digits appears in it, whatever the
punctuation, prefix or country code around it; and, for the countries whose
national form is more than a trunk prefix away (Argentina's "15" inside a
mobile number), when the text parses as the same number.

A number stored without its country code is read in the book's usual
country: the one most of its international numbers belong to. A book with
none reads such a number as its digits without leading zeros, which is the
national significant number wherever the trunk prefix is ``0``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import phonenumbers

# Fewer digits than this are a year, a price, a room: never a number to hide.
MIN_DIGITS = 5

_LETTER = re.compile(r"[^\W\d_]")
_NOT_DIGIT = re.compile(r"\D")

# What may sit between the digits of a number written in free text: spaces
# of every width, dashes of every kind, dots, slashes, brackets around a
# trunk prefix or an area code, and invisible characters pasted in with it.
_SEPARATOR = r"[\s().\-/\u2010-\u2015\u2212\u00ad\u200b-\u200d\u2060\ufeff]"
CANDIDATE = rf"(?:\+|\(\+?)?\d(?:{_SEPARATOR}*\d)*"

NumberKey = tuple[int, str]


def _library() -> ModuleType:
    """``phonenumbers``, imported when a number is first compared: importing
    it takes about 70 ms, which every command and the dashboard's first
    frame would otherwise pay for text they may never scrub."""
    import phonenumbers

    return phonenumbers


def looks_like_phone(address: str) -> bool:
    """Whether a stored address is a phone number: digits and punctuation only."""
    return _LETTER.search(address) is None and len(_NOT_DIGIT.sub("", address)) >= MIN_DIGITS


def _international(address: str) -> str | None:
    """The address with a ``+`` when it is written with its country code."""
    text = address.strip()
    if text.startswith("+"):
        return text
    if text.startswith("00"):
        return "+" + text[2:]
    return None


def _parsed(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    library = _library()
    try:
        number: phonenumbers.PhoneNumber = library.parse(text, region)
    except library.NumberParseException:
        return None
    return number


def usual_region(addresses: Iterable[str]) -> str | None:
    """The country most of the international numbers among ``addresses`` belong to."""
    regions: Counter[str] = Counter()
    for address in addresses:
        international = _international(address)
        number = _parsed(international, None) if international else None
        if number is not None:
            region = _library().region_code_for_number(number)
            if region:
                regions[region] += 1
    return regions.most_common(1)[0][0] if regions else None


class HiddenNumbers:
    """The hidden phone numbers, each recognised in any written form."""

    def __init__(self, addresses: Iterable[str], *, region: str | None) -> None:
        # The national significant number (or, unparsed, the digits) of each.
        self._by_digits: dict[str, str] = {}
        self._by_number: dict[NumberKey, str] = {}
        self._regions: list[str] = []
        found_regions: dict[str, None] = {}
        for address in addresses:
            number = self._number(address, region)
            national = "" if number is None else _library().national_significant_number(number)
            if number is None or len(national) < MIN_DIGITS:
                # Unparsed, or parsed into too few digits to be anyone's
                # number ("00 10 00" reads as +1 000): its digits as written.
                digits = _NOT_DIGIT.sub("", address)
                national = digits.lstrip("0")
                # "+00 00 01" is no number anywhere: then its digits as written.
                self._learn_digits(national if len(national) >= MIN_DIGITS else digits, address)
                continue
            self._learn_digits(national, address)
            self._by_number[number.country_code or 0, national] = address
            number_region = _library().region_code_for_number(number)
            if number_region:
                found_regions[number_region] = None
        self._regions = list(found_regions)
        self._lengths = sorted({len(digits) for digits in self._by_digits})

    @staticmethod
    def _number(address: str, region: str | None) -> phonenumbers.PhoneNumber | None:
        international = _international(address)
        if international is not None:
            return _parsed(international, None)
        return _parsed(address, region) if region else None

    def _learn_digits(self, digits: str, address: str) -> None:
        if len(digits) >= MIN_DIGITS:
            self._by_digits.setdefault(digits, address)

    def __bool__(self) -> bool:
        return bool(self._by_digits)

    def find(self, written: str) -> str | None:
        """The hidden number (as stored) that ``written`` writes, if any."""
        digits = _NOT_DIGIT.sub("", written)
        if len(digits) < MIN_DIGITS:
            return None
        inside = self._inside(digits)
        if inside is not None:
            return inside
        # A national form that is more than a trunk prefix away from the
        # international one: read it in each country the hidden numbers are from.
        for region in self._regions:
            number = _parsed(written, region)
            if number is not None:
                key = (number.country_code or 0, _library().national_significant_number(number))
                if key in self._by_number:
                    return self._by_number[key]
        return None

    def _inside(self, digits: str) -> str | None:
        """A hidden number whose digits appear in ``digits``: with a country
        code, a trunk prefix, or more digits run on after it."""
        for length in self._lengths:
            for start in range(len(digits) - length + 1):
                address = self._by_digits.get(digits[start : start + length])
                if address is not None:
                    return address
        return None
