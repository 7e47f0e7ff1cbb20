"""The book as written: one document per line, so git can diff and merge it.

The file is ordinary TinyDB JSON: tables in name order, each table's
documents in the order of their ids (the order they were added, as TinyDB
writes them), one document to a line with its keys sorted. The comma
between two documents starts the second one's line, so adding a document
adds one line and touches no other: changes to different records change
different lines. The same book always gives the same bytes.

    {"_meta": {
    "1":{"generation":"...","schema_version":1}
    },
    "contacts": {
    "1":{"id":"...","name":"..."}
    ,"2":{"id":"...","name":"..."}
    }}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

# One encoder: sorted keys, the same bytes for the same document.
_encode = msgspec.json.Encoder(order="sorted").encode


def encode_book(data: Mapping[str, Mapping[str, Any]]) -> bytes:
    """The book's bytes, one document per line (see the module's text).

    A document at a time, in the order of its id as a number: the order
    the book is read back in is then the order records were added, which
    lists of records made at the same moment keep.
    """
    parts: list[bytes] = [b"{"]
    for number, name in enumerate(sorted(data)):
        if number:
            parts.append(b",\n")
        parts.append(_encode(name) + b": {\n")
        table = data[name]
        for place, key in enumerate(sorted(table, key=_numeric)):
            parts.append(b"," if place else b"")
            parts.append(_encode(key) + b":" + _encode(table[key]) + b"\n")
        parts.append(b"}")
    parts.append(b"}\n")
    return b"".join(parts)


def is_line_form(head: bytes) -> bool:
    """Whether a book whose first bytes are ``head`` is in the form
    ``encode_book`` writes, rather than TinyDB's own single line."""
    first, newline, _ = head.partition(b"\n")
    return bool(newline) and first.startswith(b'{"') and first.endswith(b": {")


def _numeric(key: str) -> tuple[int, str]:
    # Document ids are decimal numbers ("2" before "10"); anything else sorts
    # after them, by its text, and is refused when the book is read back.
    return (int(key), "") if key.isascii() and key.isdigit() else (1 << 64, key)
