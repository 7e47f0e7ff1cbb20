"""A TinyDB storage that reads from memory and writes durably.

TinyDB's own JSONStorage re-parses the file on every read and rewrites it in
place, so a kill mid-write corrupts it; CachingMiddleware loses writes that
were not flushed. This storage parses once with msgspec and serves reads from
memory. A single changed document is appended to the book's journal before
the call returns; batches, a grown journal and the end of the session
rewrite the whole file atomically, after merging in any copy a synced
folder put in its place meanwhile (see ``arrivals``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import msgspec
from tinydb.storages import Storage

from ..book.schema import RawData, new_database
from ..errors import BrokenDatabaseError, WriteFailedError
from .arrivals import arrived_copy, identity
from .atomic import write_atomically
from .book_lines import encode_book
from .journal import Journal, Replayed, UnencodableChange, generation_of, replay, set_generation
from .merge import merge_books

# Past this size the journal is folded into the book at the next change:
# replaying it at open should cost little next to parsing the book.
JOURNAL_LIMIT = 4 * 1024 * 1024


def encode(data: RawData) -> bytes:
    """The book's bytes: one document per line, in a form git can merge."""
    return encode_book(data)


def decode(payload: bytes | memoryview) -> Any:
    """Parse a book's JSON; raises ``msgspec.DecodeError`` when it is not JSON.

    msgspec builds the Python objects as it reads, where orjson first builds
    a whole document of its own: on a 43 MB book it peaks about 100 MB lower.
    """
    return msgspec.json.decode(payload)


def write_book(path: Path, data: RawData) -> None:
    """Rewrite the whole book as a new generation (its journal is then stale)."""
    set_generation(data, uuid.uuid4().hex)
    write_atomically(path, encode(data))


def write_failed(path: Path, error: Exception) -> WriteFailedError:
    """The error a change that could not be saved to the book at ``path`` raises."""
    reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
    return WriteFailedError(f"could not save to {path}: {reason}. Nothing was changed.")


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file and its journal.

    ``data`` is parsed by the caller (who validates it and replays the
    journal first) and handed in, so the file is parsed exactly once.
    """

    def __init__(
        self,
        path: Path,
        data: RawData,
        *,
        read_only: bool = False,
        replayed: Replayed | None = None,
    ) -> None:
        """``replayed``: the journal a killed session left, already applied to
        ``data``; this session's changes are appended after it."""
        self.path = path
        self.read_only = read_only
        self._data = data
        self._journal = Journal(path, generation_of(data), replayed)
        # The file this session read, or last wrote: another one found at the
        # path before a whole write was put there by another program.
        self._known = identity(path)
        # Called when a copy another program put in place was merged in.
        self.on_arrival: Callable[[], None] | None = None
        self._batch_depth = 0
        self._pending = False
        self._closed = False

    @property
    def unfolded_changes(self) -> int:
        """Changes in the journal that the book file does not hold yet."""
        return self._journal.changes

    def read(self) -> RawData:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
        if self._batch_depth:
            self._pending = True
            return
        self._persist()

    def put(self, table: str, doc_id: str, doc: dict[str, Any]) -> None:
        """Store one document under ``doc_id``, durably before returning.

        Outside a batch only the change is written (to the journal); the
        memory is changed after the write succeeded, so it never claims a
        change that failed.
        """
        if self._batch_depth:
            self._data.setdefault(table, {})[doc_id] = doc
            self._pending = True
            return
        if self.read_only:
            raise WriteFailedError(f"{self.path} is open read-only; nothing was saved")
        try:
            self._journal.append(table, doc_id, doc)
        except (OSError, UnencodableChange) as error:
            raise write_failed(self.path, error) from error
        self._data.setdefault(table, {})[doc_id] = doc

    def remove(self, table: str, doc_id: str) -> None:
        """Remove one document, durably before returning (as ``put``)."""
        if self._batch_depth:
            self._data.setdefault(table, {}).pop(doc_id, None)
            self._pending = True
            return
        if self.read_only:
            raise WriteFailedError(f"{self.path} is open read-only; nothing was saved")
        try:
            self._journal.append(table, doc_id, None)
        except (OSError, UnencodableChange) as error:
            raise write_failed(self.path, error) from error
        self._data.setdefault(table, {}).pop(doc_id, None)

    @property
    def journal_full(self) -> bool:
        """Whether the journal has passed its size limit, and is to be folded."""
        return self._journal.size > JOURNAL_LIMIT

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many writes into one file write; all or nothing."""
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

    def close(self, *, fold: bool = True) -> None:
        """Fold the journal into the book, so the file at rest is complete
        (unless ``fold`` is False: the book could not be checked)."""
        if self._closed:
            return
        self._closed = True
        if fold and not self.read_only:
            self.fold()
        self._journal.close()

    def fold(self) -> None:
        """Write the book whole with the journal's changes, and empty the
        journal. If the write fails (a full disk, or another program put a
        file bchan cannot read in the book's place), every change is still
        in the journal, which is kept: nothing is lost, so nothing is raised."""
        if not self._journal.changes:
            return
        try:
            self._data = self._write_whole(self._data)
        except (OSError, BrokenDatabaseError):
            return
        self._journal.restart(generation_of(self._data))

    def replace(self, data: RawData) -> None:
        """Make ``data`` the whole book, durably, as a new generation (a
        merged book). On failure the book on disk and in memory is as it was."""
        self._refuse_if_read_only()
        try:
            self._data = self._write_whole(data)
        except (OSError, msgspec.EncodeError, TypeError) as error:
            raise write_failed(self.path, error) from error
        self._journal.restart(generation_of(self._data))

    def _persist(self) -> None:
        self._refuse_if_read_only()
        try:
            self._data = self._write_whole(self._data)
        except (OSError, msgspec.EncodeError, TypeError) as error:
            # The file on disk and its journal are untouched: they are the
            # truth to return to (a value that cannot be encoded is dropped
            # with the rest of the change, so later writes still work).
            self._data = self._reread()
            raise write_failed(self.path, error) from error
        self._journal.restart(generation_of(self._data))

    def _write_whole(self, data: RawData) -> RawData:
        """Write ``data`` as the whole book, and return what was written:
        ``data``, with any copy another program put in place merged in."""
        arrived = arrived_copy(self.path, self._known)
        # The same generation is this session's own last write, put back or
        # touched (a sync tool rewriting what it already had): nothing new.
        if arrived is not None and generation_of(arrived) != generation_of(data):
            data = merge_books(data, arrived).data
            if self.on_arrival is not None:
                self.on_arrival()
        generation = generation_of(data)
        try:
            write_book(self.path, data)
        except BaseException:
            set_generation(data, generation)
            raise
        self._known = identity(self.path)
        return data

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            self._data = self._reread()
            raise WriteFailedError(f"{self.path} is open read-only; nothing was saved")

    def _reread(self) -> RawData:
        try:
            loaded: RawData = decode(self.path.read_bytes())
        except FileNotFoundError:
            return new_database()
        replay(self.path, loaded)
        return loaded
