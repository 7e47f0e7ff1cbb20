"""The book as written: one document per line, so git can diff and merge it.

The file is ordinary TinyDB JSON: tables in name order, each table's
documents in the order of their ids as text ("1", "10", "2"), one document
to a line with its keys sorted. The comma between two documents starts the
second one's line, so adding a document adds one line and touches no other:
changes to different records change different lines. The same book always
gives the same bytes.

    {"_meta": {
    "1":{"generation":"...","schema_version":1}
    },
    "contacts": {
    "1":{"id":"...","name":"..."}
    ,"10":{"id":"...","name":"..."}
    ,"2":{"id":"...","name":"..."}
    }}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

# One encoder: sorted keys, the same bytes for the same book.
_encode = msgspec.json.Encoder(order="sorted").encode

# Where one document ends and the next begins in an encoded table. Inside a
# JSON string a quote is always escaped (\"), so these bytes occur only
# between a document and the next key: a line break there is whitespace.
_BETWEEN_DOCUMENTS = b'},"'


def encode_book(data: Mapping[str, Mapping[str, Any]]) -> bytes:
    """The book's bytes, one document per line (see the module's text).

    A table is encoded in one call and then broken into lines: encoding it
    a document at a time costs three times as long. A document holding an
    object followed by another field (bchan writes none) is broken there
    too, which leaves it valid JSON.
    """
    parts: list[bytes] = []
    for name in sorted(data):
        documents = _encode(data[name])[1:-1].replace(_BETWEEN_DOCUMENTS, b'}\n,"')
        parts.append(_encode(name) + b": {\n" + documents + (b"\n}" if documents else b"}"))
    return b"{" + b",\n".join(parts) + b"}\n"


def is_line_form(head: bytes) -> bool:
    """Whether a book whose first bytes are ``head`` is in the form
    ``encode_book`` writes, rather than TinyDB's own single line."""
    first, newline, _ = head.partition(b"\n")
    return bool(newline) and first.startswith(b'{"') and first.endswith(b": {")
