"""Cleaning user-entered text before it is validated or stored."""

from __future__ import annotations

import re
import unicodedata
from functools import cache


@cache
def _pattern(expression: str) -> re.Pattern[str]:
    # Compiled on first use: these character classes take about 4 ms to
    # compile, which every command and the dashboard would pay at start.
    return re.compile(expression)


# C0 and C1 control characters, DEL, the Unicode bidi overrides that can make
# a name read differently from what it is, and lone surrogates (what a stray
# byte in a command-line argument decodes to: it cannot be saved as UTF-8).
# Tab and newline are kept only where multi-line text is allowed.
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
_CONTROL_SINGLE_LINE = r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
# The Unicode line and paragraph separators: a line break to anything that
# splits lines (Python, terminals, some Markdown renderers).
_SEPARATORS = r"[\u2028\u2029]"
# What separates words in pasted text: in a one-line field each becomes a
# space, so "Northwind\nmarta@x.example" does not glue into one word.
_LINE_BREAKS = r"[\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]"

NAME_MAX = 200
SHORT_MAX = 200
ADDRESS_MAX = 320
LONG_MAX = 10_000


def clean_line(value: str) -> str:
    """One line of text: tabs and line breaks made spaces, other control
    characters removed, outer whitespace trimmed, in Unicode NFC form.

    Normalising comes after removing: a control character between a letter
    and its accent would otherwise keep them from composing, and cleaning the
    result again would change it.
    """
    text = _pattern(_CONTROL_SINGLE_LINE).sub(
        "", _pattern(_LINE_BREAKS).sub(" ", value.replace("\r\n", " "))
    )
    return unicodedata.normalize("NFC", text).strip()


def clean_block(value: str) -> str:
    """Multi-line text (notes, terms): newlines and tabs kept, other controls
    removed, line separators made newlines, in Unicode NFC form."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _pattern(_SEPARATORS).sub("\n", _pattern(_CONTROL).sub("", text))
    return unicodedata.normalize("NFC", text).strip()


# Characters that show nothing but can split a word or a number in two: the
# soft hyphen, zero-width spaces and joiners, direction marks, the word
# joiner and invisible operators, the byte-order mark.
_INVISIBLE = "[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]"


def drop_invisible(text: str) -> str:
    """``text`` without the characters that show nothing ("Lind\u00adqvist"
    reads and now also matches as "Lindqvist")."""
    return _pattern(_INVISIBLE).sub("", text)


# What a terminal would act on rather than show: C0 controls but tab and line
# feed, a carriage return not ending a line (CRLF ends a vCard's lines), DEL,
# C1 controls (0x9b alone starts an escape sequence on many terminals), the
# bidi overrides, and lone surrogates, which no terminal encoding can carry.
_TERMINAL_CONTROL = (
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]|\r(?!\n)"
)


def for_terminal(text: str) -> str:
    """``text`` without anything a terminal would act on (set the window
    title, clear the screen, move the cursor); tabs and line breaks stay."""
    return _pattern(_TERMINAL_CONTROL).sub("", text)
