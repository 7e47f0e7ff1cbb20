"""The write-ahead journal beside a book: one durable line per changed document.

Rewriting a 43 MB book to save one touch takes a third of a second, and
longer as the book grows. So a single change is appended to
``<db>.journal`` and fsynced instead, and the whole file is rewritten only
for batches, when the journal has grown, and when the session closes, which
leaves the book a complete TinyDB file at rest.

Each line carries a CRC-32 of its JSON. A kill mid-append leaves the last
line without its newline: that change was never acknowledged, and is
dropped. A complete line was acknowledged, so one that fails its checksum
or holds no change is damage, never dropped: replay refuses the journal
with a ``JournalProblem`` naming the line. The first line names
the generation of the book file the journal applies to; every whole-file
write starts a new generation, so a journal left behind by a kill between
that write and the journal's removal is recognised as already folded in.
Such a journal is not applied, nor deleted: one of another generation may
as well hold changes no book has (beside a book restored from a backup),
so it is set aside under a name of its own.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from ..book.schema import META_TABLE, RawData
from ..domain.clock import now

# Appends go through ``atomic.write_all`` by module, so that a simulated full
# disk reaches them as it reaches whole-file writes.
from . import atomic
from .atomic import FILE_MODE, fsync_folder

JOURNAL_SUFFIX = ".journal"
JOURNAL_VERSION = 1
# A journal set aside: <db>.journal.<time in UTC, as _STAMP>.stale
STALE_SUFFIX = ".stale"
_STAMP = "YYYYMMDDTHHmmssSSS"

# A line is "%08x %s\n": the CRC-32 of the JSON, a space, the JSON.
_CHECKSUM_WIDTH = 8
_CHECKSUM = re.compile(rb"[0-9a-f]{8}")
_DOCUMENT_ID = re.compile(r"0|[1-9][0-9]*")

# (table, document id, the document or None for a removal)
_Change = tuple[str, str, dict[str, Any] | None]


class JournalProblem(ValueError):
    """A damaged line in a journal: ``path`` and ``line`` (counted from 1,
    the header) say where, so the caller can offer to repair it."""

    def __init__(self, path: Path, line: int, why: str) -> None:
        super().__init__(f"{path} line {line} is damaged ({why})")
        self.path = path
        self.line = line
        self.why = why

    def __reduce__(self) -> tuple[type[JournalProblem], tuple[Path, int, str]]:
        # Rebuilt from its parts, not its message, when it crosses processes.
        return type(self), (self.path, self.line, self.why)


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


def complete_lines(journal: Path) -> list[bytes]:
    """The journal's complete lines, without their newlines; none when there
    is no journal.

    Only a last line without its newline is left out: a kill mid-append cut
    it short, so it was never acknowledged. A complete line was, and is
    never left out silently, however damaged.
    """
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        return []
    return raw.split(b"\n")[:-1]


def _json_of(journal: Path, number: int, line: bytes) -> Any:
    """The JSON of the complete line ``number``, once its checksum matches."""
    checksum, payload = line[:_CHECKSUM_WIDTH], line[_CHECKSUM_WIDTH + 1 :]
    if line[_CHECKSUM_WIDTH : _CHECKSUM_WIDTH + 1] != b" " or not _CHECKSUM.fullmatch(checksum):
        raise JournalProblem(journal, number, "no checksum")
    if int(checksum, 16) != zlib.crc32(payload):
        raise JournalProblem(journal, number, "checksum mismatch")
    try:
        return msgspec.json.decode(payload)
    except (msgspec.DecodeError, RecursionError):
        # RecursionError: JSON nested deeper than msgspec follows.
        raise JournalProblem(journal, number, "not JSON") from None


def generation_in(journal: Path, header: bytes) -> str:
    """The generation the header (line 1) names."""
    value = _json_of(journal, 1, header)
    if not (isinstance(value, dict) and value.get("journal") == JOURNAL_VERSION):
        raise JournalProblem(journal, 1, "not a journal header")
    generation = value.get("generation")
    if not isinstance(generation, str):
        raise JournalProblem(journal, 1, "not a journal header")
    return generation


def change_in(journal: Path, number: int, line: bytes) -> _Change:
    """The change line ``number`` holds: (table, document id, document or
    None for a removal)."""
    value = _json_of(journal, number, line)
    if not (isinstance(value, list) and len(value) == 3):
        raise JournalProblem(journal, number, "not a change")
    table, doc_id, doc = value
    if not (isinstance(table, str) and isinstance(doc_id, str)):
        raise JournalProblem(journal, number, "not a change")
    if not (doc is None or isinstance(doc, dict)):
        raise JournalProblem(journal, number, "not a change")
    # TinyDB's own keys: "012" or "²" would be another document's key, or none.
    if not _DOCUMENT_ID.fullmatch(doc_id):
        raise JournalProblem(journal, number, f"document id {doc_id[:20]!r} is not a number")
    return table, doc_id, doc


class Replayed(msgspec.Struct, frozen=True):
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
    (none at all, or a stale one). Raises ``JournalProblem`` for the first
    damaged line (any complete line, the last one too), and then leaves
    ``data`` as it was.
    """
    journal = journal_path(db_path)
    lines = complete_lines(journal)
    if not lines:
        return None
    if generation_in(journal, lines[0]) != generation_of(data):
        return None
    changes = [change_in(journal, number, line) for number, line in enumerate(lines[1:], 2)]
    for table, doc_id, doc in changes:
        if doc is None:
            data.setdefault(table, {}).pop(doc_id, None)
        else:
            data.setdefault(table, {})[doc_id] = doc
    length = sum(len(line) + 1 for line in lines)
    changed = frozenset((table, doc_id) for table, doc_id, _ in changes)
    return Replayed(len(changes), length, changed)


def journal_generation(db_path: Path) -> str | None:
    """The generation of the book file that the journal beside ``db_path``
    applies to, from its first line alone: nothing is applied.

    None when there is no journal, or a kill cut its first line short (it
    then holds no change). Raises ``JournalProblem`` when that line is
    damaged. A journal whose generation is not the book's (``generation_of``)
    belongs to a book file since replaced: ``set_aside`` it, never delete it.
    """
    journal = journal_path(db_path)
    try:
        with journal.open("rb") as file:
            header = file.readline()
    except FileNotFoundError:
        return None
    if not header.endswith(b"\n"):
        return None
    return generation_in(journal, header[:-1])


def set_aside(db_path: Path) -> Path:
    """Rename the journal beside ``db_path`` to a new, unused name beside it
    (``<db>.journal.<UTC time>.stale``, mode kept) and return that name.

    Its changes may be all that is left of them, so a journal is set aside
    rather than deleted; ``.stale`` is the suffix of no book's own files, so
    nothing takes it for a journal, a backup or a book's kept file.
    """
    return move_aside(journal_path(db_path))


def move_aside(journal: Path) -> Path:
    aside = keep_aside(journal)
    journal.unlink()
    fsync_folder(journal.parent)
    return aside


def keep_aside(journal: Path) -> Path:
    """Keep the journal's bytes under a new, unused name beside it, durably,
    and return that name; the journal itself stays where it is."""
    for aside in _names_aside(journal):
        try:
            # A link claims the name only if no file has it, and copies nothing.
            os.link(journal, aside, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:
            # A file system without hard links: an exclusive copy instead.
            try:
                _copy_to_new_file(journal, aside)
            except FileExistsError:
                continue
        fsync_folder(journal.parent)
        return aside
    raise FileExistsError(f"every name to set {journal} aside is taken")


def _names_aside(journal: Path) -> Iterator[Path]:
    """Names to keep a journal under: this millisecond's, then numbered ones."""
    stamp = now().format(_STAMP)
    yield journal.with_name(f"{journal.name}.{stamp}{STALE_SUFFIX}")
    for number in range(2, 1000):
        yield journal.with_name(f"{journal.name}.{stamp}-{number}{STALE_SUFFIX}")


def _copy_to_new_file(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target``, which must not exist yet, durably."""
    payload = source.read_bytes()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, FILE_MODE)
    try:
        atomic.write_all(fd, payload)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        target.unlink(missing_ok=True)
        raise
    os.close(fd)


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
        """The book was rewritten whole: its journal starts again, empty.

        The journal on disk is deleted, not set aside: it is this session's
        own (or the one it replayed), and the book now holds its changes.
        """
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
        _make_way(self.path)
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


def _make_way(journal: Path) -> None:
    """Clear the path for a new journal. A journal there that this session
    did not replay (of another generation) is set aside, never deleted; a
    symlink or an empty file holds no change, and goes."""
    try:
        found = os.lstat(journal)
    except FileNotFoundError:
        return
    if stat.S_ISREG(found.st_mode) and found.st_size:
        move_aside(journal)
    else:
        journal.unlink(missing_ok=True)
