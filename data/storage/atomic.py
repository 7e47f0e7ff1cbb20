"""Crash-safe file writes: the old file or the new one, never a broken one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600
# How much of a file a copy holds in memory at a time.
COPY_BLOCK = 1024 * 1024


def temp_prefix(path: Path) -> str:
    """Temp files sit beside their target, hidden, so a stale one can be found."""
    return f".{path.name}."


TEMP_SUFFIX = ".tmp"


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, payload: bytes) -> None:
    """Write every byte of ``payload`` (``os.write`` may write fewer).

    Every durable write of a book goes through here, the journal's appends
    included, so a full disk is simulated in one place.
    """
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


def write_atomically(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` through a temp file, fsync, rename and fsync
    of the folder. The file ends with mode 0600.

    ``os.replace`` swaps the directory entry, so a symlink placed at ``path``
    is replaced, never followed to overwrite the file it points at.
    """
    _replace_atomically(path, lambda fd: write_all(fd, payload))


def copy_atomically(source: Path, path: Path) -> None:
    """Copy the file ``source`` to ``path`` as ``write_atomically`` writes,
    a block at a time: a backup of a large book is not held in memory."""
    with source.open("rb") as original:
        _replace_atomically(path, lambda fd: _copy_into(original, fd))


def _copy_into(original: BinaryIO, fd: int) -> None:
    while block := original.read(COPY_BLOCK):
        write_all(fd, block)


def _replace_atomically(path: Path, fill: Callable[[int], None]) -> None:
    folder = path.parent
    # mkstemp creates the file with mode 0600 and O_EXCL.
    fd, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            fill(fd)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp_name, FILE_MODE)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_folder(folder)


def remove_stale_temp_files(path: Path) -> int:
    """Remove temp files a killed writer left beside ``path``; return how many."""
    removed = 0
    for name in _temp_files_of(path):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
            removed += 1
    return removed


def _temp_files_of(path: Path) -> list[str]:
    """The temp files of ``path`` alone: ".book.json.RANDOM.tmp", where
    mkstemp's random part has no dot, so ".book.json.old.RANDOM.tmp" (a
    temp file of "book.json.old", perhaps being written now) is not one.
    Compared as strings, not as a glob pattern, which "team[1].json" is."""
    prefix = temp_prefix(path)
    with os.scandir(path.parent) as entries:
        return [
            entry.path
            for entry in entries
            if entry.name.startswith(prefix)
            and entry.name.endswith(TEMP_SUFFIX)
            and "." not in entry.name[len(prefix) : -len(TEMP_SUFFIX)]
        ]
