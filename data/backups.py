"""Backups beside the database: before a migration and once a day at start."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum

from .atomic import write_atomically

KEEP = 5
_STAMP = "YYYYMMDDTHHmmssSSS"
_PATTERN = re.compile(r"\.(\d{8}T\d{9})\.bak$")


def backups_of(db_path: Path) -> list[Path]:
    """Existing backups of ``db_path``, oldest first."""
    found = [
        p
        for p in db_path.parent.glob(f"{db_path.name}.*.bak")
        if _PATTERN.search(p.name[len(db_path.name) :])
    ]
    return sorted(found, key=lambda p: p.name)


def newest_backup(db_path: Path) -> Path | None:
    found = backups_of(db_path)
    return found[-1] if found else None


def make_backup(db_path: Path, keep: int = KEEP) -> Path:
    """Copy the book beside itself as a new backup and keep its newest ``keep``.

    The copy is private (mode 0600, whatever the book's mode) and made
    crash-safely: it is whole or absent, never cut short.
    """
    stamp = pendulum.now("UTC").format(_STAMP)
    target = db_path.with_name(f"{db_path.name}.{stamp}.bak")
    # A copy, never a hard link: a link is the book itself, so anything that
    # writes the book in place (cp, an editor, a sync tool) would change the
    # backup with it.
    write_atomically(target, db_path.read_bytes())
    for old in backups_of(db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def backup_if_new_day(db_path: Path) -> Path | None:
    """Make today's backup unless one exists; None when nothing was needed."""
    if not db_path.exists():
        return None
    newest = newest_backup(db_path)
    today = pendulum.now("UTC").format("YYYYMMDD")
    if newest is not None and f".{today}T" in newest.name:
        return None
    return make_backup(db_path)
