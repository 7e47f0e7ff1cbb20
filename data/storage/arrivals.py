"""A book replaced under an open session by another program.

A synced folder (Syncthing, Nextcloud, Dropbox) brings the copy another
device saved by replacing the file, whatever lock bchan holds. A session
that then wrote its own copy whole would silently undo the other device's
changes, and the sync tool would carry that loss back. So before a whole
write the store looks at the file: when it is no longer the one the
session read or last wrote, the copy that arrived is merged in first.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

from ..book.index import BookIndex, IndexProblem
from ..book.schema import RawData, SchemaMismatch, check_structure, migrate, needs_migration
from ..book.stored_fields import SchemaProblem
from ..errors import BrokenDatabaseError

# What tells one file from another at one path: a replacement is a new inode,
# a rewrite in place a new modification time or size.
FileIdentity = tuple[int, int, int]


def identity(path: Path) -> FileIdentity | None:
    """The identity of the file at ``path``, or None when there is none."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_mtime_ns, status.st_size


def arrived_copy(path: Path, known: FileIdentity | None) -> RawData | None:
    """The book at ``path``, checked whole, when it is not the file
    ``known`` identifies; None when it is, or when it is gone. Raises
    ``BrokenDatabaseError`` when what arrived is not a book this bchan reads."""
    if known is None or identity(path) == known:
        return None
    try:
        data = check_structure(msgspec.json.decode(path.read_bytes()))
        if needs_migration(data):
            migrate(data)
        BookIndex.build(data)
    except FileNotFoundError:
        return None
    except (OSError, msgspec.DecodeError, SchemaMismatch, IndexProblem, SchemaProblem) as error:
        raise BrokenDatabaseError(
            f"{path} was replaced by another program (a synced folder?) with a file bchan "
            f"cannot read ({error}); it was left as it is, and this session's changes are "
            f"kept in the journal beside it"
        ) from None
    return data
