"""Simulated storage faults for the app and shell tests.

The tests run as any user (root included, for whom a chmod'ed folder is no
obstacle), so the faults are made at the operating-system calls every write
of a book goes through, not by changing the disk:

- a full disk: ``fsync`` of any file fails with ENOSPC, the way a nearly full
  disk refuses data at the moment it must be stored (whatever the writer did
  before: a temp file, or an append);
- a read-only folder: as for a folder of mode 0500 owned by someone else,
  nothing can be created, renamed or removed in it (EACCES); files already
  there can still be opened, exactly as the kernel allows.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

FAULTS = ("disk full", "read-only folder")

# The calls a fault replaces, and the real ones (taken before any test runs).
_PATCHED = (
    "fsync",
    "open",
    "replace",
    "rename",
    "unlink",
    "remove",
    "rmdir",
    "link",
    "mkdir",
    "symlink",
)
_REAL = {name: getattr(os, name) for name in _PATCHED}

# What each fault's message says, as the operating system words it.
REASONS = {"disk full": "No space left on device", "read-only folder": "Permission denied"}


@contextmanager
def fault(kind: str, folder: Path) -> Iterator[None]:
    """While inside, writes of a book in ``folder`` fail as ``kind`` says."""
    with pytest.MonkeyPatch.context() as patch:
        if kind == "disk full":
            _disk_full(patch)
        elif kind == "read-only folder":
            _read_only(patch, folder.resolve())
        else:
            raise ValueError(kind)
        yield


@contextmanager
def fault_lifted() -> Iterator[None]:
    """Inside a ``fault``: the disk works normally for a while (leaving puts
    the fault back)."""
    with pytest.MonkeyPatch.context() as patch:
        for name, real in _REAL.items():
            patch.setattr(os, name, real)
        yield


def _disk_full(patch: pytest.MonkeyPatch) -> None:
    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    patch.setattr(os, "fsync", no_space)


def _read_only(patch: pytest.MonkeyPatch, folder: Path) -> None:
    def inside(path: Any) -> bool:
        try:
            return Path(os.fsdecode(path)).resolve().parent == folder
        except (TypeError, ValueError):
            return False

    def refused(path: Any) -> OSError:
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))

    real_open = os.open

    def open_(path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any) -> int:
        creates = flags & os.O_CREAT and not os.path.lexists(path)
        if inside(path) and creates:
            raise refused(path)
        return real_open(path, flags, mode, *args, **kwargs)

    patch.setattr(os, "open", open_)
    # Removing or renaming what is not there fails with ENOENT before any
    # permission is checked: the real call says so, and changes nothing.
    for name in ("replace", "rename", "unlink", "remove", "rmdir", "link"):
        patch.setattr(os, name, _guarded(getattr(os, name), inside, refused, missing_ok=True))
    for name in ("mkdir", "symlink"):
        patch.setattr(os, name, _guarded(getattr(os, name), inside, refused, missing_ok=False))


def _guarded(
    real: Callable[..., Any],
    inside: Callable[[Any], bool],
    refused: Callable[[Any], OSError],
    *,
    missing_ok: bool,
) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        paths = [arg for arg in args[:2] if isinstance(arg, str | bytes | os.PathLike)]
        if missing_ok and paths and not os.path.lexists(paths[0]):
            return real(*args, **kwargs)
        if any(inside(path) for path in paths):
            raise refused(paths[-1])
        return real(*args, **kwargs)

    return call


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (the book, its backups, journal, lock) and its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_unchanged(before: dict[str, bytes], after: dict[str, bytes], book: str) -> None:
    """Every file as it was. A new backup is allowed, if it is the book as
    it was (a full disk that still took a small book's copy)."""
    added = {name: data for name, data in after.items() if name not in before}
    assert {name: after[name] for name in before if name in after} == before
    assert set(before) <= set(after)
    for name, data in added.items():
        assert name.startswith(book) and name.endswith(".bak"), name
        assert data == before[book]


__all__ = ["FAULTS", "REASONS", "assert_unchanged", "fault", "folder_state"]
