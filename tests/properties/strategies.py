"""Hostile input for the property tests: any Unicode, with the pieces that
break naive code over-represented (controls, escapes, markup, surrogates,
combining marks, separators), text right at and past every length limit,
and values of the wrong type."""

from __future__ import annotations

import math
import unicodedata
from typing import TypeVar

from hypothesis import strategies as st

from bchan_tui.data.domain.text import clean_block, clean_line

# Fragments that are markup, escape sequences or line breaks somewhere.
NASTY_PIECES = [
    "[bold]",
    "[/]",
    "[@click=app.quit]",
    "[link=https://evil.example]",
    "[/link]",
    "\x1b[31m",
    "\x1b[0m",
    "\x1b]8;;https://evil.example\x1b\\",
    "\x07",
    "\x00",
    "\x7f",
    "\x85",
    "\x9b",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\ud800",
    "\udcff",
    "e\u0301",
    "\u0301",
    "\u00a0",
    "\u3000",
    "# ",
    "| ",
    "<b>",
    "&amp;",
    "`",
    "```",
    "*",
    "_",
    "~~",
    "![x](y)",
    "<https://x.example>",
    "www.evil.example",
    "1. ",
    "- ",
    "> ",
    "=",
    "\\",
    "日本語",
    "👩\u200d💻",
]

# Every code point class, surrogates included (a stray byte in an argument
# decodes to one).
_ANY_CHARACTER = st.one_of(
    st.characters(codec=None, exclude_categories=()),
    st.characters(codec=None, categories=["Cs"]),
)

T = TypeVar("T")


def mostly(
    common: st.SearchStrategy[T], rare: st.SearchStrategy[T], odds: int
) -> st.SearchStrategy[T]:
    """``common`` ``odds`` times out of ``odds + 1``, else ``rare``. (``one_of``
    flattens nested choices, so repeating a branch there does not weight it.)"""
    return st.integers(0, odds).flatmap(lambda pick: common if pick else rare)


piece = st.one_of(_ANY_CHARACTER, st.sampled_from(NASTY_PIECES))

# Lengths at and around every limit in data/text.py and data/validate.py.
LIMIT_LENGTHS = [0, 1, 49, 50, 51, 99, 100, 101, 199, 200, 201, 319, 320, 321]
LIMIT_LENGTHS += [1999, 2000, 2001, 9999, 10_000, 10_001, 50_000]


def huge_text() -> st.SearchStrategy[str]:
    """A character repeated to a length at or around a limit, padded or not."""
    return st.builds(
        lambda char, length, pad: pad + char * length + pad,
        st.sampled_from(["a", "é", "日", "👩", " ", "\x00", "[", "e\u0301"]),
        st.sampled_from(LIMIT_LENGTHS),
        st.sampled_from(["", " ", "\x1b", "\n"]),
    )


def any_text(max_pieces: int = 30) -> st.SearchStrategy[str]:
    """Arbitrary text, often hostile, sometimes huge, sometimes empty."""
    joined = st.lists(piece, min_size=1, max_size=max_pieces).map("".join)
    # Mostly ordinary lengths, so that most examples get past validation.
    return mostly(joined, st.one_of(huge_text(), st.just("")), 10)


# Values of the wrong type for a text field.
not_text = st.one_of(
    st.integers(),
    st.floats(),
    st.booleans(),
    st.binary(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)

# Text nearly always, now and then None or a value of the wrong type.
anything: st.SearchStrategy[object] = mostly(any_text(), st.one_of(st.none(), not_text), 20)

# Numbers in every shape, for whole-number and positive-number fields.
numbers: st.SearchStrategy[object] = mostly(
    st.integers(min_value=1, max_value=5),
    st.one_of(
        st.integers(min_value=-5, max_value=4000),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.sampled_from([math.inf, -math.inf, math.nan, 10**400, -(10**400), 2.5, 1e-320]),
        st.booleans(),
        st.integers(min_value=-3, max_value=3000).map(str),
        st.sampled_from(["", " 3 ", "x", "1e400", "nan", "inf", "-0", "٣", "10" * 200]),
        st.none(),
    ),
    3,
)


def is_clean_line(text: str) -> bool:
    """What every stored one-line field satisfies, independently of how
    cleaning is written: no control, surrogate, bidi override or line
    separator; NFC; no outer whitespace."""
    return (
        not any(_forbidden(ch, single_line=True) for ch in text)
        and unicodedata.is_normalized("NFC", text)
        and text == text.strip()
    )


def is_clean_block(text: str) -> bool:
    """The same for multi-line fields, where newline and tab are allowed."""
    return (
        not any(_forbidden(ch, single_line=False) for ch in text)
        and unicodedata.is_normalized("NFC", text)
        and text == text.strip()
    )


def _forbidden(ch: str, *, single_line: bool) -> bool:
    if ch in "\n\t":
        return single_line
    category = unicodedata.category(ch)
    return (
        category in ("Cc", "Cs", "Zl", "Zp")
        or "\u202a" <= ch <= "\u202e"
        or "\u2066" <= ch <= "\u2069"
    )


__all__ = [
    "NASTY_PIECES",
    "any_text",
    "anything",
    "clean_block",
    "clean_line",
    "huge_text",
    "is_clean_block",
    "is_clean_line",
    "not_text",
    "numbers",
]
