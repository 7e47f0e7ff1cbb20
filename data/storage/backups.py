"""Backups beside the book: a copy before a migration and once a day at start.

A backup of ``book.json`` is ``book.json.<UTC time to the millisecond>.bak``.
The time has a fixed width, so such a name splits one way only: the backups
of ``book.json.old``, or of any other book in the folder, are never taken
for ``book.json``'s own.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pendulum

from ..domain.clock import now
from .atomic import copy_atomically

KEEP = 5
_STAMP_FORMAT = "YYYYMMDDTHHmmssSSS"
_DAY_FORMAT = "YYYYMMDD"


def _own_backups(db_path: Path) -> list[tuple[str, Path]]:
    """``db_path``'s backups, each with its stamp, oldest first."""
    # The book's name is matched as text, not as a glob pattern, in which
    # "team[1].json" or "a*b.json" would match other books' backups and
    # miss their own.
    own = re.compile(re.escape(db_path.name) + r"\.(\d{8}T\d{9})\.bak")
    found = []
    try:
        with os.scandir(db_path.parent) as entries:
            for entry in entries:
                match = own.fullmatch(entry.name)
                # Only a file this module could have made: pruning must not
                # meet a folder, nor a restore follow a link, nor the next
                # backup's stamp be taken from a time no clock shows.
                if match and entry.is_file(follow_symlinks=False) and _is_time(match.group(1)):
                    found.append((match.group(1), db_path.with_name(entry.name)))
    except OSError:
        # A folder that cannot be listed offers no backup, and an error
        # message that names the newest backup must not fail for it.
        return []
    return sorted(found)


def _is_time(stamp: str) -> bool:
    try:
        pendulum.from_format(stamp, _STAMP_FORMAT, tz="UTC")
    except ValueError:
        return False
    return True


def _new_backup_path(db_path: Path) -> Path:
    """Where a backup made now goes: stamped now, or a millisecond after the
    book's newest backup if that is stamped now or later."""
    moment = now()
    found = _own_backups(db_path)
    if found:
        newest = pendulum.from_format(found[-1][0], _STAMP_FORMAT, tz="UTC")
        # The last backup made must sort last, to be the one offered and kept:
        # made in the same millisecond as the one before, it would replace it.
        moment = max(moment, newest.add(microseconds=1000))
    return db_path.with_name(f"{db_path.name}.{moment.format(_STAMP_FORMAT)}.bak")


def backups_of(db_path: Path) -> list[Path]:
    """The backups of the book at ``db_path``, oldest first."""
    return [path for _, path in _own_backups(db_path)]


def newest_backup(db_path: Path) -> Path | None:
    """The backup to restore the book at ``db_path`` from; None if it has none."""
    found = backups_of(db_path)
    return found[-1] if found else None


def make_backup(db_path: Path, keep: int = KEEP) -> Path:
    """Copy the book beside itself as a new backup and keep its newest ``keep``.

    The copy is private (mode 0600, whatever the book's mode) and made
    crash-safely: it is whole or absent, never cut short.
    """
    target = _new_backup_path(db_path)
    # A copy, never a hard link: a link is the book itself, so anything that
    # writes the book in place (cp, an editor, a sync tool) would change the
    # backup with it.
    copy_atomically(db_path, target)
    for old in backups_of(db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def backup_if_new_day(db_path: Path) -> Path | None:
    """Back the book up unless it has a backup from today (UTC); the new
    backup, or None when none was needed or there is no book.

    Backups an earlier bchan made as hard links to the book are made copies
    of their own, so that writing the book in place leaves them as they are.
    """
    if not db_path.exists():
        return None
    today = now().format(_DAY_FORMAT)
    found = _own_backups(db_path)
    made = None if found and found[-1][0].startswith(today) else make_backup(db_path)
    _copy_backups_that_are_the_book(db_path)
    return made


def _copy_backups_that_are_the_book(db_path: Path) -> None:
    book = db_path.stat()
    linked = [backup for backup in backups_of(db_path) if os.path.samestat(backup.stat(), book)]
    for backup in linked:
        copy_atomically(db_path, backup)
