"""The text of a file to import: its bytes decoded, and its lines handed
out one at a time, so a reader never holds a list of every line."""

from __future__ import annotations

import re
from collections.abc import Iterator

# What str.splitlines ends a line at, so line numbers are the same as its.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(f"([^{_BREAKS}]*)(?:\r\n|[{_BREAKS}])?")


def decode_text(raw: bytes) -> str:
    """Text from a file's bytes: UTF-8 (with or without a BOM), UTF-16 with a
    BOM, else Windows-1252, which is what older Outlook versions write."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # A truncated file may end in half a character: shown as U+FFFD, not a crash.
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


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
