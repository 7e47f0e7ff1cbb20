"""The first screen of a book, kept beside it.

Parsing a book takes most of a second at size M and seconds at size L, yet
the dashboard's first screen needs a hundred contacts. A session that read
its book whole leaves those contacts' documents (and their channels,
touches and intel) in ``<book>.first`` when it closes. The next session
shows its first rows from them, computed exactly as from the book, and
parses the book meanwhile.

The file is trusted only while the book and its journal are the very files
it was made from (same inode, size and modification time). Every bchan
session that read the book whole rewrites it as it closes; any other change
(an editor, a sync tool, a killed session) makes it stale, and a stale,
damaged or missing file only means the book is parsed first, as without it.
It is a copy of part of the book, so it is private like the book (mode 0600).
"""

from __future__ import annotations

import contextlib
import heapq
import os
from pathlib import Path
from typing import Any

import msgspec
import orjson

from .atomic import write_atomically
from .journal import journal_path
from .schema import META_TABLE, RawData, SchemaMismatch, check_structure
from .storage import decode

# How many contacts the dashboard shows before the whole book is read:
# more than any screen holds.
FIRST_ROWS = 100
FORMAT = 1


def first_rows_path(path: Path) -> Path:
    return path.with_name(path.name + ".first")


def first_by_name(data: RawData, count: int) -> set[str]:
    """Ids of the first ``count`` active contacts by name, from stored documents."""
    shown = (doc for doc in data["contacts"].values() if not doc.get("archived"))
    # nsmallest keeps equal names in stored order, as the list's sort does.
    first = heapq.nsmallest(count, shown, key=lambda doc: doc["name"].casefold())
    return {doc["id"] for doc in first}


def save_first_rows(path: Path, data: RawData, count: int = FIRST_ROWS) -> None:
    """Keep the documents of the first ``count`` contacts beside the book
    ``data`` was read from (call it once the book on disk holds ``data``).

    It is a cache: a full disk leaves the one from before, or none.
    """
    wanted = first_by_name(data, count)
    part: RawData = {
        table: {
            doc_id: doc
            for doc_id, doc in documents.items()
            if doc.get("id" if table == "contacts" else "contact_id") in wanted
        }
        for table, documents in data.items()
        if table not in {"accounts", META_TABLE}
    }
    part["accounts"] = data.get("accounts", {})
    part[META_TABLE] = data[META_TABLE]
    saved = {"format": FORMAT, "count": count, "files": _files(path), "book": part}
    # Best effort: one left from before cannot mislead, since it names the
    # files it was taken from.
    with contextlib.suppress(OSError):
        write_atomically(first_rows_path(path), orjson.dumps(saved))


def saved_first_rows(path: Path, count: int = FIRST_ROWS) -> RawData | None:
    """The part of the book kept for its first ``count`` rows, or None when
    there is none or the book has changed since it was kept."""
    try:
        saved: Any = decode(first_rows_path(path).read_bytes())
        if saved["format"] != FORMAT or saved["count"] < count or saved["files"] != _files(path):
            return None
        return check_structure(saved["book"])
    except (OSError, msgspec.DecodeError, SchemaMismatch, KeyError, TypeError):
        return None


def _files(path: Path) -> list[list[int] | None]:
    """What identifies the book and its journal as they are now."""
    return [_identity(path), _identity(journal_path(path))]


def _identity(path: Path) -> list[int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns]
