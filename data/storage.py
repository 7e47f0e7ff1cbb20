"""A TinyDB storage that reads from memory and writes atomically.

TinyDB's own JSONStorage re-parses the file on every read and rewrites it in
place, so a kill mid-write corrupts it; CachingMiddleware loses writes that
were not flushed. This storage parses once with orjson, serves reads from
memory, and makes every write durable before it returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from .atomic import write_atomically
from .errors import WriteFailedError
from .schema import RawData, new_database


def encode(data: RawData) -> bytes:
    return orjson.dumps(data)


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file.

    ``data`` is parsed by the caller (who validates it first) and handed in,
    so the file is parsed exactly once.
    """

    def __init__(self, path: Path, data: RawData, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._data = data
        self._batch_depth = 0
        self._pending = False

    def read(self) -> RawData:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
        if self._batch_depth:
            self._pending = True
            return
        self._persist()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many TinyDB writes into one file write; all or nothing."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending:
                self._pending = False
                self._data = self._reread()
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._pending:
            self._pending = False
            self._persist()

    def _persist(self) -> None:
        if self.read_only:
            self._data = self._reread()
            raise WriteFailedError(f"{self.path} is open read-only; nothing was saved")
        try:
            write_atomically(self.path, encode(self._data))
        except OSError as error:
            # TinyDB changed the in-memory data before calling write(); the
            # file on disk is untouched, so it is the truth to return to.
            self._data = self._reread()
            reason = error.strerror or str(error)
            raise WriteFailedError(
                f"could not save to {self.path}: {reason}. Nothing was changed."
            ) from error

    def _reread(self) -> RawData:
        try:
            loaded: RawData = orjson.loads(self.path.read_bytes())
        except FileNotFoundError:
            return new_database()
        return loaded
