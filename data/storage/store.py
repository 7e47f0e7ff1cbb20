"""The store: the one object that owns a book's file, and the one way the
rest of bchan reads and changes it.

Opening takes the lock (a writer), parses the file and replays its journal.
Every question is then answered from one index of decoded records: the
whole book's, built on first use (the dashboard builds it in a worker), or,
until then, the part of the book about the contacts the question names.
Every change is validated, written durably, and only then applied to the
index, so the index never claims a write that failed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from ..book.index import BookIndex, IndexProblem
from ..domain.models import Rung
from ..domain.scrubber import Scrubber
from ..errors import DatabaseError
from .book_file import OpenedBook, back_up_once_a_day, broken, open_book
from .book_lines import is_line_form
from .changes import Changes
from .documents import DocumentWriter
from .lock import SessionLock
from .merging import Merging
from .questions import Questions
from .record_edits import RecordEdits

# What the scrubber is built from: a change to another table leaves it as it is.
_TABLES_SCRUBBED_BY = frozenset({"contacts", "channels"})


class Store(Questions, Changes, RecordEdits, Merging):
    """A book of contacts in one TinyDB file, open for a session.

    A writer holds the book's lock for the whole session (a second writer
    gets ``DatabaseLockedError``); ``read_only=True`` takes no lock and
    refuses writes. A book reached through a symbolic link is read, written
    and locked at the file the link points to, so the link stays a link.
    Safe to use from worker threads. Its questions are written in
    ``Questions``, its changes in ``Changes`` and ``RecordEdits``, and its
    merging in ``Merging``, beside it; this class holds
    the session and the one way to read the book.
    """

    def __init__(
        self, path: Path | str, *, read_only: bool = False, lock: SessionLock | None = None
    ) -> None:
        """``lock``: the book's lock, already held by the caller, for a writer
        whose session is one step of a longer one (``bchan sync`` keeps the
        book locked across its git steps); it is left held at close."""
        self.path = Path(os.path.realpath(path))
        self.read_only = read_only
        self._mutex = threading.RLock()
        self._index: BookIndex | None = None
        # The last part of the book a question was answered from, by the
        # contacts it is about: an export asks two questions of each part.
        self._part: tuple[frozenset[str], BookIndex] | None = None
        self._scrubber: Scrubber | None = None
        self._closing_thread: int | None = None
        self._closed = False
        self._lock: SessionLock | None = None
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if lock is None:
                self._lock = SessionLock(self.path)
                self._lock.acquire()
            elif not (lock.held and Path(os.path.realpath(lock.db_path)) == self.path):
                # A second flock of the file is refused even in this process,
                # so the caller's lock is used as it is, never taken again.
                raise ValueError(f"the lock handed to the store is not a held lock of {self.path}")
        try:
            self._opened: OpenedBook = open_book(self.path, read_only=read_only)
        except BaseException:
            self._release_lock()
            raise
        self._storage = self._opened.storage
        self._storage.on_arrival = self._forget_index
        # Where a journal of another generation of the book was set aside
        # at opening (its changes are not in the book), or None.
        self.journal_set_aside = self._opened.journal_set_aside
        self._documents = DocumentWriter(self._storage)

    # --- the index --------------------------------------------------------------

    @property
    def indexed(self) -> bool:
        """Whether the whole book is decoded and checked."""
        return self._index is not None

    def index(self) -> BookIndex:
        """Every record decoded and checked, built on first use.

        A document that does not decode raises ``BrokenDatabaseError``. A
        writer's book is rewritten whole only once this has checked it.
        """
        index = self._index
        if index is not None:
            return index
        with self._mutex:
            if self._index is None:
                self._refuse_if_closing()
                try:
                    # Indexing a large book takes seconds that quitting would
                    # wait for: it stops at the next table once close() begins.
                    built = BookIndex.build(self._data, between=self._refuse_if_closing)
                except IndexProblem as problem:
                    raise broken(self.path, str(problem)) from None
                self._index, self._part = built, None
                if not self.read_only:
                    back_up_once_a_day(self._opened)
            return self._index

    def _view(self, contact_ids: Collection[str]) -> BookIndex:
        """The index or, until it is built, the part of the book about
        ``contact_ids``: the same answers about them, for a fraction of the work."""
        if self._index is not None:
            return self._index
        wanted = frozenset(contact_ids)
        if len(wanted) >= len(self._data["contacts"]):
            return self.index()  # a question about everyone: the part is the whole
        with self._mutex:
            part = self._part
            if part is not None and part[0] == wanted:
                return part[1]
            try:
                built = BookIndex.build(self._data, wanted)
            except IndexProblem as problem:
                raise broken(self.path, str(problem)) from None
            self._part = (wanted, built)
            return built

    def _forget_index(self) -> None:
        """Another device's copy of the book was merged in (see ``arrivals``):
        the index no longer knows every record, and is built again on use."""
        self._index, self._part = None, None
        self._changed()

    def _changed(self, table: str | None = None) -> None:
        self._part = None
        if table is None or table in _TABLES_SCRUBBED_BY:
            self._scrubber = None

    def scrubber(self) -> Scrubber:
        """The scrubber for free text wherever sources are protected (a
        redacted export, screen-safe mode): it hides every private address,
        every address of a codenamed contact, retired ones included, and
        codenamed people's names. Kept until a contact or a channel changes."""
        scrubber = self._scrubber
        if scrubber is None:
            with self._mutex:
                names = self.contact_names()
                coded = {contact.id for contact in names if contact.codename}
                hidden = self.addresses(rung=Rung.PRIVATE, contact_ids=coded)
                scrubber = self._scrubber = Scrubber(names, hidden)
        return scrubber

    @property
    def _data(self) -> dict[str, dict[str, Any]]:
        return self._storage.read()

    # --- the session ------------------------------------------------------------------

    def close(self) -> None:
        """End the session: a writer whose book was checked whole folds its
        journal into the book; otherwise the journal waits, durable, for the
        next session that checks the book."""
        self._closing_thread = threading.get_ident()
        with self._mutex:
            if self._closed:
                return
            try:
                self._storage.close(fold=self._index is not None)
                self._documents.close()
            finally:
                self._closed = True
                self._release_lock()

    def write_whole(self) -> int:
        """Write the book file whole now, with its journal folded in and one
        document to a line (the form git merges), unless it is both already;
        returns how many journal changes were folded in. The book is checked
        whole first; ``WriteFailedError`` leaves the book and journal as they were."""
        with self._mutex:
            self._refuse_if_closing()
            self.index()
            folded = self._storage.unfolded_changes
            if folded or not _in_line_form(self.path):
                self._storage.replace(self._data)
            return folded

    def _refuse_if_closing(self) -> None:
        """Stop a reader once the session has ended, or has begun to end in
        another thread."""
        closing = self._closing_thread
        if self._closed or (closing is not None and closing != threading.get_ident()):
            raise DatabaseError(f"{self.path} is closed: its session has ended")

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes, one durable write: all of them are saved, or none."""
        with self._mutex:
            self.index()
            try:
                with self._documents.batch():
                    yield
            except BaseException:
                # The storage went back to the file on disk; so does the index.
                self._index = None
                self._changed()
                raise


# The first line of a book in the line form is short ('{"_meta": {'); a book
# in TinyDB's single line has none, so a bounded read tells them apart.
_FIRST_LINE_AT_MOST = 4096


def _in_line_form(path: Path) -> bool:
    with path.open("rb") as file:
        return is_line_form(file.readline(_FIRST_LINE_AT_MOST))


__all__ = ["Store"]
