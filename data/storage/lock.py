"""One writer per database: an advisory lock on ``<db>.lock`` for the session."""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path
from types import TracebackType

from ..errors import DatabaseError, DatabaseLockedError
from .atomic import FILE_MODE


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class SessionLock:
    """An exclusive ``flock`` held while a store may write.

    The holder writes its pid into the lock file so that a refused second
    instance can say who holds it. The kernel drops the lock when the holder
    dies, so a crash never leaves a database locked for good.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path_for(db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        try:
            # O_NOFOLLOW: a symlink planted at the lock's path is refused,
            # never followed to truncate the file it points at.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, FILE_MODE)
        except OSError as error:
            raise DatabaseError(f"cannot take the lock {self.path}: {_why(error)}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            who = f"process {holder}" if holder else "another process"
            raise DatabaseLockedError(
                f"{self.db_path} is already open for writing by bchan ({who}). "
                "Close that bchan first; only one may write at a time.",
                holder_pid=holder,
            ) from None
        except BaseException:
            os.close(fd)
            raise
        os.fchmod(fd, FILE_MODE)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode().strip())
    except (OSError, ValueError):
        return None


def _why(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "it is a symbolic link, which bchan does not follow; remove it"
    return f"{error.strerror or error}. Nothing was changed"
