"""Putting user text into CommonMark with GFM tables, literally.

A name such as ``A | B <b>x</b> # *y*`` must come through as those
characters wherever it lands: in a heading, a list item or a table cell. So
every character that could start markup is backslash-escaped (CommonMark lets
any ASCII punctuation be escaped), and a few sequences that GFM renderers turn
into links on their own (``://``, ``www.``, an ``@`` in an address) are broken
up the same way. Line breaks become spaces: every piece of user text sits on
one line of the document. Control characters are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..domain.text import for_terminal

# Markup characters: escapes, code, emphasis, links, HTML, entities, tables,
# headings, strikethrough; "@" and ":" (before "//") defeat extended autolinks.
_SPECIAL = re.compile(r"[\\`*_\[\]<>&|#~@]|:(?=//)|(?<=www)\.", re.IGNORECASE)
# What would open a block when it starts a line: lists, quotes, setext rules.
_LINE_START = re.compile(r"^(?:[-+=>]|(\d{1,9})([.)]))")
_WHITESPACE = re.compile(r"\s+")


# An export repeats the same words (kinds, bands, dates, labels) thousands of
# times; remembering them keeps a 10,000-contact export fast.
@lru_cache(maxsize=8192)
def inline(text: str) -> str:
    """``text`` as literal inline Markdown, on one line."""
    # Text another tool wrote may hold escape sequences: never in a document.
    flat = _WHITESPACE.sub(" ", for_terminal(text)).strip()
    # A template, not a function: the substitution then runs in C.
    escaped = _SPECIAL.sub(r"\\\g<0>", flat)
    start = _LINE_START.match(escaped)
    if start is None:
        return escaped
    if start.group(1) is not None:
        # "1." or "1)" would start an ordered list: escape the delimiter.
        return f"{start.group(1)}\\{start.group(2)}{escaped[start.end() :]}"
    return "\\" + escaped


def heading(level: int, text: str) -> str:
    """An ATX heading with literal text (never empty, so it stays a heading)."""
    return f"{'#' * level} {inline(text) or '(untitled)'}"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GFM table. Headers are the document's own words; every cell is
    escaped. Returns the lines, without a trailing blank line."""
    lines = [_row(headers), "|" + "|".join("---" for _ in headers) + "|"]
    lines.extend(table_rows(rows))
    return lines


def table_rows(
    rows: Iterable[Sequence[str]], *, code_columns: frozenset[int] = frozenset()
) -> list[str]:
    """The body lines of a GFM table, every cell escaped (``table`` without
    its header, for a caller that writes the same header many times); the
    cells of ``code_columns`` as code spans."""
    return [_row(row, code_columns) for row in rows]


def _row(cells: Sequence[str], code_columns: frozenset[int] = frozenset()) -> str:
    # An empty cell is fine in GFM; a space keeps the source readable.
    shown = (
        code_cell(cell) if number in code_columns else inline(cell)
        for number, cell in enumerate(cells)
    )
    return "| " + " | ".join(shown) + " |"


_BACKTICKS = re.compile(r"`+")


def code(text: str) -> str:
    """``text`` as a code span: shown literally, never a link, and readable
    as plain text (``ann@example.net``, not ``ann\\@example.net``)."""
    flat = _WHITESPACE.sub(" ", text).strip()
    if not flat:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(flat)), default=0) + 1)
    # A span that starts or ends with a backtick needs a space inside its fence.
    pad = " " if flat[0] == "`" or flat[-1] == "`" else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def code_cell(text: str) -> str:
    """A code span in a GFM table cell, where a pipe ends the cell even inside
    code unless it is escaped (GFM removes that backslash before the span)."""
    return code(text).replace("|", "\\|")


def bullet(text: str) -> str:
    """A list item holding already-escaped inline Markdown."""
    return f"- {text}"


def strong(text: str) -> str:
    """Bold, for labels the document writes itself (escaped all the same)."""
    return f"**{inline(text)}**"
