"""Crash-safe file writes: the old file or the new one, never a broken one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

FILE_MODE = 0o600


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


def write_atomically(path: Path, payload: bytes, *, durable: bool = True) -> None:
    """Write ``payload`` to ``path`` through a temp file, fsync, rename and fsync
    of the folder. The file ends with mode 0600.

    ``os.replace`` swaps the directory entry, so a symlink placed at ``path``
    is replaced, never followed to overwrite the file it points at.
    ``durable=False`` skips both fsyncs, for a cache: a crash may then leave
    the old file, the new one, or one cut short, never a mix of the two.
    """
    folder = path.parent
    # mkstemp creates the file with mode 0600 and O_EXCL.
    fd, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            write_all(fd, payload)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp_name, FILE_MODE)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    if durable:
        fsync_folder(folder)


def remove_stale_temp_files(path: Path) -> int:
    """Remove temp files a killed writer left beside ``path``; return how many."""
    removed = 0
    for stale in path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
            removed += 1
    return removed
