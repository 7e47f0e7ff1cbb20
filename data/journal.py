"""The write-ahead journal beside a book: one durable line per changed document.

Rewriting a 43 MB book to save one touch takes a third of a second, and
longer as the book grows. So a single change is appended to
``<db>.journal`` and fsynced instead, and the whole file is rewritten only
for batches, when the journal has grown, and when the session closes, which
leaves the book a complete TinyDB file at rest.

Each line carries a CRC-32 of its JSON, so a line torn by a kill mid-append
is recognised and dropped: it was never acknowledged. The first line names
the generation of the book file the journal applies to; every whole-file
write starts a new generation, so a journal left behind by a kill between
that write and the journal's removal is recognised as already folded in.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

# Appends go through ``atomic.write_all`` by module, so that a simulated full
# disk reaches them as it reaches whole-file writes.
from . import atomic
from .atomic import FILE_MODE, fsync_folder
from .schema import META_TABLE, RawData

JOURNAL_SUFFIX = ".journal"
JOURNAL_VERSION = 1


class JournalProblem(ValueError):
    """A journal that cannot be replayed; the message says where."""


class UnencodableChange(TypeError):
    """A document that cannot be written as JSON; nothing was appended.

    A TypeError, as the encoder's own refusals of a value were.
    """


def journal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + JOURNAL_SUFFIX)


def generation_of(data: RawData) -> str:
    """The generation recorded in the book's ``_meta``; "" before the first."""
    meta: object = next(iter(data.get(META_TABLE, {}).values()), None)
    generation = meta.get("generation", "") if isinstance(meta, dict) else ""
    return generation if isinstance(generation, str) else ""


def set_generation(data: RawData, generation: str) -> None:
    next(iter(data[META_TABLE].values()))["generation"] = generation


def _line(value: object) -> bytes:
    """One journal line: the checksum of the JSON, then the JSON itself."""
    try:
        payload = msgspec.json.encode(value)
    except (TypeError, ValueError, RecursionError, msgspec.EncodeError) as error:
        # A lone surrogate, a foreign type, a value nested too deep: each
        # library says it its own way, the journal's callers hear one.
        raise UnencodableChange(str(error)) from error
    return b"%08x %s\n" % (zlib.crc32(payload), payload)


def _parse(line: bytes) -> Any:
    """The JSON of one line, or None when the line fails its checksum."""
    crc, _, payload = line.partition(b" ")
    try:
        if int(crc, 16) != zlib.crc32(payload):
            return None
        return msgspec.json.decode(payload)
    except (ValueError, RecursionError, msgspec.DecodeError):
        return None


@dataclass(frozen=True, slots=True)
class Replayed:
    """What a journal added to its book: how many changes, how many of its
    bytes are whole lines (a line torn by a kill is not among them), and the
    documents it changed, as (table, document id)."""

    changes: int
    length: int
    changed: frozenset[tuple[str, str]] = frozenset()

    def changed_stored(self, table: str, last: int) -> bool:
        """Whether it changed a document of ``table`` that the book already
        held: one of document id ``last`` or lower (those added since have
        higher ones)."""
        return any(name == table and int(doc_id) <= last for name, doc_id in self.changed)


def replay(db_path: Path, data: RawData) -> Replayed | None:
    """Apply the journal beside ``db_path`` to ``data`` in place.

    Returns None when there is no journal for this generation of the book
    (none at all, or a stale one). Raises ``JournalProblem`` when a line
    other than a torn last one is bad.
    """
    try:
        raw = journal_path(db_path).read_bytes()
    except FileNotFoundError:
        return None
    lines = raw.split(b"\n")
    # A line without its newline was cut short by a kill: never acknowledged.
    complete = lines[:-1]
    if not complete:
        return None
    header = _parse(complete[0])
    if not isinstance(header, dict) or header.get("journal") != JOURNAL_VERSION:
        raise JournalProblem("its first line is not a journal header")
    if header.get("generation") != generation_of(data):
        return None
    applied = 0
    changed: set[tuple[str, str]] = set()
    length = len(complete[0]) + 1
    for number, line in enumerate(complete[1:], start=2):
        change = _parse(line)
        if change is None and number == len(complete):
            break  # torn at the very end: the append that failed
        if not (isinstance(change, list) and len(change) == 3 and isinstance(change[0], str)):
            raise JournalProblem(f"line {number} is damaged")
        table, doc_id, doc = change
        changed.add((table, doc_id))
        if doc is None:
            data.setdefault(table, {}).pop(doc_id, None)
        else:
            data.setdefault(table, {})[doc_id] = doc
        applied += 1
        length += len(line) + 1
    return Replayed(applied, length, frozenset(changed))


class Journal:
    """Appends changes durably to the journal of one generation of a book."""

    def __init__(self, db_path: Path, generation: str, replayed: Replayed | None = None) -> None:
        """``replayed``: the journal already on disk for this generation, whose
        changes the book in memory holds; appends continue after them."""
        self.path = journal_path(db_path)
        self.generation = generation
        self.size = replayed.length if replayed else 0
        self.changes = replayed.changes if replayed else 0
        self._fd: int | None = None

    def append(self, table: str, doc_id: str, doc: dict[str, Any] | None) -> None:
        """Write one change and fsync it; on failure the journal is as before.

        Raises ``OSError`` when the disk refuses it and ``UnencodableChange``
        when ``doc`` is not JSON.
        """
        line = _line([table, doc_id, doc])
        fd = self._open()
        before = self.size
        try:
            atomic.write_all(fd, line)
            os.fsync(fd)
        except OSError:
            # A half-written line followed by later good ones would read as
            # damage, so the journal is cut back to where it was.
            with contextlib.suppress(OSError):
                os.ftruncate(fd, before)
            raise
        self.size = before + len(line)
        self.changes += 1

    def restart(self, generation: str) -> None:
        """The book was rewritten whole: its journal starts again, empty."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.generation = generation
        self.size = 0
        self.changes = 0

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _open(self) -> int:
        if self._fd is not None:
            return self._fd
        if self.size:
            return self._continue()
        # Whatever is at the path goes first and O_EXCL creates a new file:
        # a symlink planted there is replaced, never followed to append to
        # another file, as the book's own atomic writes do.
        self.path.unlink(missing_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.path, flags, FILE_MODE)
        try:
            header = _line({"journal": JOURNAL_VERSION, "generation": self.generation})
            atomic.write_all(fd, header)
            os.fsync(fd)
            fsync_folder(self.path.parent)
        except OSError:
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()
            raise
        self._fd = fd
        self.size = len(header)
        return fd

    def _continue(self) -> int:
        """Reopen the journal a killed session left, without its torn tail."""
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0))
        try:
            os.ftruncate(fd, self.size)
        except OSError:
            os.close(fd)
            raise
        self._fd = fd
        return fd
