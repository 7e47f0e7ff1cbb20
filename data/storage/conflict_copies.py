"""Copies of the book a synced folder left beside it when two devices
changed it at once.

A sync tool that sees both copies change keeps one under the book's name and
the other under a name of its own, which nobody reads: Syncthing's
``book.sync-conflict-20261207-101500-ABCDEFG.json``, Nextcloud's and
ownCloud's ``book (conflicted copy 2026-12-07 101500).json`` (older
ownCloud: ``book_conflict-20261207-101500.json``) and Dropbox's
``book (Ana's conflicted copy 2026-12-07).json``. bchan offers to merge them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path


def conflict_copies(book: Path) -> list[Path]:
    """The conflict copies of ``book`` in its folder, oldest name first; a
    journal, lock, backup or temporary file of such a copy is not one."""
    pattern = _copy_pattern(book.name)
    try:
        names = [entry.name for entry in os.scandir(book.parent) if entry.is_file()]
    except OSError:
        return []
    return [book.parent / name for name in sorted(names) if pattern.fullmatch(name)]


def _copy_pattern(name: str) -> re.Pattern[str]:
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        stem, extension = name, ""
    suffix = re.escape(f".{extension}") if extension else ""
    stem = re.escape(stem)
    return re.compile(
        rf"{stem}\.sync-conflict-\d{{8}}-\d{{6}}(?:-[A-Z0-9]{{7}})?{suffix}"
        rf"|{stem} \([^()/]*conflicted copy[^()/]*\)(?: \(\d+\))?{suffix}"
        rf"|{stem}_conflict-\d{{8}}-\d{{6}}{suffix}"
    )
