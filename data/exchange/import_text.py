"""The text of a file to import: its bytes decoded, and its lines handed
out one at a time, so a reader never holds a list of every line."""

from __future__ import annotations

import re
from collections.abc import Iterator

# What str.splitlines ends a line at, so line numbers are the same as its.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(f"([^{_BREAKS}]*)(?:\r\n|[{_BREAKS}])?")


def decode_text(raw: bytes) -> str:
    """Text from a file's bytes: UTF-8 (with or without a BOM), UTF-16 (with
    or without one), else Windows-1252, which is what older Outlook versions
    write."""
    text, byte_for_byte = decode_card_text(raw)
    return raw.decode("cp1252", errors="replace") if byte_for_byte else text


def decode_card_text(raw: bytes) -> tuple[str, bool]:
    """Text from a vCard file's bytes, and whether it was read byte for byte
    as Latin-1: a card that is neither UTF-8 nor UTF-16 names the charset of
    each value (CHARSET=SHIFT_JIS), so each is decoded on its own later."""
    encoding = _utf16(raw)
    if encoding:
        # A truncated file may end in half a character: shown as U+FFFD, not a crash.
        text = raw.decode(encoding, errors="replace").removeprefix("\ufeff")
        return _one_line_end(text), False
    try:
        return _one_line_end(raw.decode("utf-8-sig")), False
    except UnicodeDecodeError:
        return _one_line_end(raw.decode("latin-1")), True


def _utf16(raw: bytes) -> str:
    """ "utf-16" (with a BOM), "utf-16-le" or "-be" (without one: a text file
    of mostly ASCII then has a zero in every other byte), or ""."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = raw[:200]
    if len(head) >= 4 and len(head) % 2 == 0:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) == len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) == len(even) and odd.count(0) == 0:
            return "utf-16-be"
    return ""


def _one_line_end(text: str) -> str:
    # iOS has written CR CR LF: one line end, not a line and an empty one.
    return text.replace("\r\r\n", "\r\n") if "\r\r\n" in text else text


def text_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` without their endings, as ``text.splitlines()``
    gives them, one at a time."""
    position, end = 0, len(text)
    while position < end:
        found = _LINE.match(text, position)
        assert found is not None  # both parts are optional: it always matches
        # Each match takes a line's text or its break, so this always moves on.
        yield found.group(1)
        position = found.end()
