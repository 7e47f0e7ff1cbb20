"""Opening a database file safely: lock, parse, validate, migrate, back up.

A file that does not parse or does not validate is never written to: opening
raises ``BrokenDatabaseError`` naming the file, the problem and the newest
backup, and the caller exits with status 2.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import msgspec

from .atomic import remove_stale_temp_files
from .backups import backup_if_new_day, make_backup, newest_backup
from .collector import collector_paused
from .errors import BrokenDatabaseError
from .index import BookIndex, IndexProblem
from .journal import JournalProblem, Replayed, journal_path, replay
from .lock import SessionLock
from .schema import (
    RawData,
    SchemaMismatch,
    check_structure,
    migrate,
    needs_migration,
    new_database,
)
from .storage import AtomicJSONStorage, decode, write_book


@dataclass
class OpenDatabase:
    """A parsed, structurally valid book (its journal replayed), not yet
    indexed: indexing decodes and checks every document, and is left to
    whoever needs it first."""

    storage: AtomicJSONStorage
    lock: SessionLock | None
    # The journal a killed session left, applied to the book (None: none).
    replayed: Replayed | None = None
    # The file did not exist: this session made it, so there is no backup to make.
    created: bool = False


def broken(path: Path, problem: str) -> BrokenDatabaseError:
    backup = newest_backup(path)
    hint = f"newest backup: {backup}" if backup else "no backup found"
    return BrokenDatabaseError(
        f"cannot open {path}: {problem}. The file was left as it is; {hint}."
    )


def read_database(path: Path) -> RawData:
    """Parse and validate the file's structure, or raise ``BrokenDatabaseError``."""
    try:
        payload = path.read_bytes()
    except IsADirectoryError:
        raise broken(path, "it is a folder, not a file") from None
    except PermissionError:
        raise broken(path, "permission denied") from None
    try:
        with collector_paused(freeze=True):
            data = decode(payload)
    except msgspec.DecodeError as error:
        raise broken(path, f"it is not valid JSON ({error})") from None
    try:
        return check_structure(data)
    except SchemaMismatch as error:
        raise broken(path, str(error)) from None


def read_book(path: Path) -> tuple[RawData, Replayed | None]:
    """The book with its journal replayed, and what the journal added (None
    when there was no journal for this generation of the file)."""
    data = read_database(path)
    try:
        return data, replay(path, data)
    except JournalProblem as error:
        raise broken(journal_path(path), str(error)) from None


def build_index(
    path: Path,
    data: RawData,
    people: BookIndex | None = None,
    between: Callable[[], None] = lambda: None,
) -> BookIndex:
    """Decode and index every document, or raise ``BrokenDatabaseError``
    (contacts and accounts are taken from ``people`` when given; ``between``
    is called between tables and may raise to stop)."""
    try:
        with collector_paused(freeze=True):
            return BookIndex.build(data, people=people, between=between)
    except IndexProblem as error:
        raise broken(path, str(error)) from None


def lock_database(path: Path, *, read_only: bool) -> SessionLock | None:
    """A writer's session lock on the book at the absolute ``path`` (None
    for a reader); raises ``DatabaseLockedError`` when another session holds
    it. Writers take it first, so the file cannot change between validation
    and the first write."""
    if read_only:
        return None
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = SessionLock(path)
    lock.acquire()
    return lock


def load_database(path: Path, lock: SessionLock | None, *, read_only: bool) -> OpenDatabase:
    """Read (or create) the book at the absolute ``path`` for a session
    holding ``lock``, which is released if the book cannot be opened.

    Nothing is written until every document has been checked: a writer
    calls ``settle`` once the book is indexed.
    """
    try:
        if not read_only:
            remove_stale_temp_files(path)
        replayed: Replayed | None = None
        created = not path.exists()
        if not created:
            with collector_paused(freeze=True):
                data, replayed = read_book(path)
            if not read_only and (replayed is None or not replayed.changes):
                # A journal of another generation, or of no change: nothing
                # in it belongs to this book.
                journal_path(path).unlink(missing_ok=True)
                replayed = None
            if not read_only and needs_migration(data):
                _migrate(path, data)
        elif read_only:
            data = new_database()
        else:
            data = new_database()
            write_book(path, data)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    storage = AtomicJSONStorage(path, data, read_only=read_only, replayed=replayed)
    return OpenDatabase(storage, lock, replayed, created)


def settle(opened: OpenDatabase) -> None:
    """A writer's care of a book just checked whole, before its first write:
    the day's first session backs it up."""
    if not opened.created:
        # A backup that cannot be made (a full disk, a read-only folder) must
        # not stop the session; the next one tries again.
        with contextlib.suppress(OSError):
            backup_if_new_day(opened.storage.path)


def _migrate(path: Path, data: RawData) -> None:
    """Bring the book to this version, check it whole, back up, then write."""
    migrate(data)
    build_index(path, data)
    make_backup(path)
    write_book(path, data)
