"""Reading a book's file and its journal, and opening it for a session.

A file that does not parse or does not validate is never written to: it
raises ``BrokenDatabaseError`` naming the file, the problem and the newest
backup, and the caller exits with status 2.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import msgspec

from ..book.index import BookIndex, IndexProblem
from ..book.schema import (
    RawData,
    SchemaMismatch,
    check_structure,
    migrate,
    needs_migration,
    new_database,
)
from ..errors import BrokenDatabaseError, DatabaseError
from .atomic import remove_stale_temp_files
from .backups import backup_if_new_day, make_backup, newest_backup
from .journal import (
    JournalProblem,
    Replayed,
    generation_of,
    journal_generation,
    journal_path,
    replay,
    set_aside,
)
from .tinydb_storage import AtomicJSONStorage, decode, write_book

# A writer folding the journal replaces the book between a reader's reading
# of the book and of its journal at most once in a blue moon; a reader that
# sees it happen reads both again.
READ_ATTEMPTS = 5


def broken(path: Path, problem: str) -> BrokenDatabaseError:
    backup = newest_backup(path)
    hint = f"newest backup: {backup}" if backup else "no backup found"
    return BrokenDatabaseError(
        f"cannot open {path}: {problem}. The file was left as it is; {hint}."
    )


def _parsed(path: Path) -> tuple[RawData, int]:
    """The book's documents, structurally checked, and the inode they were read from."""
    try:
        with path.open("rb") as file:
            inode = os.fstat(file.fileno()).st_ino
            payload = file.read()
    except IsADirectoryError:
        raise broken(path, "it is a folder, not a file") from None
    except PermissionError:
        raise broken(path, "permission denied") from None
    try:
        data = decode(payload)
    except msgspec.DecodeError as error:
        raise broken(path, f"it is not valid JSON ({error})") from None
    except RecursionError:
        raise broken(path, "it is nested too deeply to be a bchan book") from None
    try:
        return check_structure(data), inode
    except SchemaMismatch as error:
        raise broken(path, str(error)) from None


def read_database(path: Path) -> RawData:
    """The book's documents, structurally checked, without its journal."""
    return _parsed(path)[0]


def read_book(path: Path) -> tuple[RawData, Replayed | None]:
    """The book with its journal replayed, and what the journal added (None
    when there is no journal for this generation of the file).

    A writer that folds its journal writes a new book, then removes the
    journal: read between the two, the old book would lack what the journal
    held. Every whole write makes a new file (a new inode), so a reader that
    finds no journal of its book's generation checks the book is still the
    one it read, and reads again if not.
    """
    for _ in range(READ_ATTEMPTS):
        data, inode = _parsed(path)
        try:
            replayed = replay(path, data)
        except JournalProblem as error:
            problem = (
                f"line {error.line} is damaged ({error.why}); "
                "`bchan check --repair` keeps its good lines"
            )
            raise broken(journal_path(path), problem) from None
        if replayed is not None or _inode(path) == inode:
            return data, replayed
    raise DatabaseError(f"{path} kept changing while it was read; try again")


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


def check_whole(path: Path, data: RawData) -> BookIndex:
    """Decode and index every document, or raise ``BrokenDatabaseError``."""
    try:
        return BookIndex.build(data)
    except IndexProblem as error:
        raise broken(path, str(error)) from None


class OpenedBook(msgspec.Struct):
    """A parsed, structurally valid book with its journal replayed."""

    storage: AtomicJSONStorage
    # The file did not exist: this session made it, so there is no backup to make.
    created: bool = False
    # Where a journal of another generation of the book was set aside.
    journal_set_aside: Path | None = None


def open_book(path: Path, *, read_only: bool) -> OpenedBook:
    """Read (or, for a writer, create) the book at ``path``.

    A writer holds the book's lock before calling this, so the file cannot
    change between this reading and its first write. Nothing is written
    until every document has been checked: see ``back_up_once_a_day``.
    """
    if not path.exists():
        data = new_database()
        if not read_only:
            write_book(path, data)
        return OpenedBook(AtomicJSONStorage(path, data, read_only=read_only), created=True)
    if read_only:
        data, replayed = read_book(path)
        return OpenedBook(AtomicJSONStorage(path, data, read_only=True, replayed=replayed))
    remove_stale_temp_files(path)
    data, replayed = read_book(path)
    aside = None
    if replayed is None and journal_generation(path) not in (None, generation_of(data)):
        # Left by a session killed between rewriting the book and removing
        # the journal, or beside a book another program replaced: its
        # changes may be nowhere else, so it is kept, under another name.
        aside = set_aside(path)
    if needs_migration(data):
        _migrate(path, data)
        replayed = None
    storage = AtomicJSONStorage(path, data, replayed=replayed)
    return OpenedBook(storage, journal_set_aside=aside)


def back_up_once_a_day(opened: OpenedBook) -> None:
    """A writer's care of a book just checked whole, before its first
    rewrite: the day's first session backs it up."""
    if not opened.created:
        # A backup that cannot be made (a full disk, a read-only folder) must
        # not stop the session; the next one tries again.
        with contextlib.suppress(OSError):
            backup_if_new_day(opened.storage.path)


def _migrate(path: Path, data: RawData) -> None:
    """Bring the book to this version, check it whole, back up, then write
    it (its journal, replayed into ``data``, is then folded in)."""
    migrate(data)
    check_whole(path, data)
    make_backup(path)
    write_book(path, data)
    journal_path(path).unlink(missing_ok=True)
