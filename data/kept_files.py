"""Files kept beside a book: parts of it that answer some questions without
parsing the whole book.

A kept file is trusted only while the book and its journal are the very
files it was made from (same device, inode, size and modification time).
Every bchan session that read the book whole rewrites its kept files as it
closes; any other change (an editor, a sync tool, a killed session) makes
them stale, and a stale, damaged or missing file only means the book is
parsed, as without it. A kept file copies part of the book, so it is
private like the book (mode 0600).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import orjson

from .atomic import write_atomically
from .journal import journal_path
from .storage import decode

# More than the first line of any kept file (a version and two files' stats).
_HEADER_MAX = 1024


def kept_path(path: Path, suffix: str) -> Path:
    """``<book>.<suffix>``."""
    return path.with_name(f"{path.name}.{suffix}")


def keep(path: Path, suffix: str, version: int, content: Callable[[], dict[str, Any]]) -> None:
    """Write ``content()`` beside the book at ``path`` (call it once the book
    on disk holds what it is taken from), after a line that names ``version``,
    the book's files as they are now and the length of what follows. A whole
    kept file already made from these very files is left as it is, and
    ``content`` is not called.

    Best effort, and not made durable: a full disk or a crash leaves the file
    from before, or one cut short, neither of which can mislead.
    """
    stamp = {"format": version, "files": book_files(path)}
    target = kept_path(path, suffix)
    if _is_whole(target, stamp):
        return
    with contextlib.suppress(OSError):
        body = orjson.dumps(content())
        header = orjson.dumps({**stamp, "length": len(body)})
        write_atomically(target, header + b"\n" + body, durable=False)


def is_kept(path: Path, suffix: str, version: int, *, later_journal: bool = False) -> bool:
    """Whether ``kept`` would find a whole, current file (as far as its first
    line and its size tell), read without the rest."""
    files = book_files(path)
    stamps = [{"format": version, "files": files}]
    if later_journal:
        stamps.append({"format": version, "files": [files[0], None]})
    target = kept_path(path, suffix)
    return any(_is_whole(target, stamp) for stamp in stamps)


def kept(
    path: Path, suffix: str, version: int, *, later_journal: bool = False
) -> dict[str, Any] | None:
    """What ``keep`` wrote beside the book, or None when there is nothing, it
    is damaged, of another version, or the book has changed since.

    ``later_journal``: also when only a journal has appeared since, the file
    having been kept when there was none; the caller replays the journal.
    """
    files = book_files(path)
    stamp = {"format": version, "files": files}
    try:
        payload = kept_path(path, suffix).read_bytes()
        # A view, not a copy, of a body of up to a hundred megabytes.
        first, body = _split_first_line(payload)
        header = decode(first)
        # With ``later_journal``: the same book, kept when it had no journal.
        before_journal = {"format": version, "files": [files[0], None]}
        current = _matches(header, stamp) or (later_journal and _matches(header, before_journal))
        if not current or header["length"] != len(body):
            return None
        saved: Any = decode(body)
    except (OSError, msgspec.DecodeError):
        return None
    return saved if isinstance(saved, dict) else None


def _split_first_line(payload: bytes) -> tuple[bytes, memoryview]:
    end = payload.find(b"\n")
    if end < 0:
        return payload, memoryview(b"")
    return payload[:end], memoryview(payload)[end + 1 :]


def _is_whole(path: Path, stamp: dict[str, Any]) -> bool:
    """Whether the kept file at ``path`` bears ``stamp`` and is as long as its
    first line says, read without the rest."""
    try:
        with path.open("rb") as file:
            first = file.readline(_HEADER_MAX)
            header = decode(first)
            size = os.fstat(file.fileno()).st_size
    except (OSError, msgspec.DecodeError):
        return False
    return _matches(header, stamp) and size == len(first) + header["length"]


def _matches(header: Any, stamp: dict[str, Any]) -> bool:
    return (
        isinstance(header, dict)
        and all(header.get(key) == value for key, value in stamp.items())
        and isinstance(header.get("length"), int)
    )


def book_files(path: Path) -> list[list[int] | None]:
    """What identifies the book and its journal as they are now."""
    return [_identity(path), _identity(journal_path(path))]


def _identity(path: Path) -> list[int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns]
