"""Cleaning user-entered text before it is validated or stored."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters, DEL, and the Unicode bidi overrides that can
# make a name read differently from what it is. Tab and newline are kept only
# where multi-line text is allowed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

NAME_MAX = 200
SHORT_MAX = 200
ADDRESS_MAX = 320
LONG_MAX = 10_000


def clean_line(value: str) -> str:
    """One line of text: control characters removed, outer whitespace trimmed."""
    return _CONTROL_SINGLE_LINE.sub("", unicodedata.normalize("NFC", value)).strip()


def clean_block(value: str) -> str:
    """Multi-line text (notes, terms): newlines and tabs kept, other controls removed."""
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text).strip()
