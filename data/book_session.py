"""A session on a book's file: the lock, the parse, the index built on
first use, and writing it back at close.

``BookReader`` asks its questions of what this holds.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self

from .book_summary import save_summary, saved_summary
from .codec import Doc
from .database import OpenDatabase, build_index, load_database, lock_database, settle
from .documents import DocumentWriter
from .errors import BrokenDatabaseError, DatabaseError
from .first_rows import save_first_rows, saved_first_rows
from .index import BookIndex, IndexProblem, TouchTimes
from .recent_touches import KEPT, save_recent_touches, saved_recent_touches
from .schema import RawData
from .storage import AtomicJSONStorage
from .summary_journal import SummaryJournal


class BookSession:
    """A book of contacts in one TinyDB file, open for a session.

    Opening for writing takes the session lock (a second writer gets
    ``DatabaseLockedError``); ``read_only=True`` takes no lock and refuses
    writes. Safe to use from worker threads.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        first_screen: bool = False,
        summary: bool = False,
    ) -> None:
        """``first_screen``: when the first rows kept beside the book (see
        ``first_rows``) are still good, answer ``preview_rows`` from them and
        parse the book at its first other use. ``summary``: the same with the
        summary kept beside the book (see ``book_summary``), for every
        question it answers; a writer also saves touches from it (see
        ``summary_journal``). Every writer that read the book whole keeps
        them (and each contact's newest touches, see ``recent_touches``) up
        to date when it closes."""
        self.path = Path(os.path.abspath(path))
        self.read_only = read_only
        self._indexed: BookIndex | None = None
        self._contacts_only: BookIndex | None = None
        # The last ``_part`` a reader made: its contact ids, where its touches'
        # documents came from (see ``_made_part``), and the part.
        self._last_part: tuple[frozenset[str], str, BookIndex] | None = None
        # The newest touches kept beside the book, once read ({} for none).
        self._recent: dict[str, Doc] | None = None
        self._mutex = threading.RLock()
        self._opened: OpenDatabase | None = None
        self._unsettled: OpenDatabase | None = None
        # The thread in close(), from its start: any other thread reading the
        # book stops at its next step rather than make close() wait.
        self._closing_thread: int | None = None
        self._closed = False
        self._lock = lock_database(self.path, read_only=read_only)
        self._first_rows = saved_first_rows(self.path) if first_screen and not read_only else None
        self._summary = saved_summary(self.path) if summary else None
        self._appends: SummaryJournal | None = None
        if self._first_rows is None and self._summary is None:
            self._open()

    def _open(self) -> OpenDatabase:
        with self._mutex:
            if self._opened is None:
                # A worker still running as the session ends: the lock is
                # going, so the book is not to be read or written.
                self._refuse_if_closing()
                self._stop_appending()
                try:
                    opened = load_database(self.path, self._lock, read_only=self.read_only)
                except BaseException:
                    self._lock = None  # released by load_database
                    raise
                self._opened = opened
                self._unsettled = None if self.read_only else opened
                self._documents_writer = DocumentWriter(opened.storage)
                self._first_rows = self._summary = None
            return self._opened

    @property
    def _storage(self) -> AtomicJSONStorage:
        """The parsed book (parsed now, if its first rows came from beside it)."""
        opened = self._opened
        return opened.storage if opened is not None else self._open().storage

    @property
    def _documents(self) -> DocumentWriter:
        self._open()
        return self._documents_writer

    @property
    def _index(self) -> BookIndex:
        """Every record decoded and checked, built on first use.

        Opening only parses the file, so the dashboard can show its first
        rows (``preview_rows``) while the rest is decoded. A document that
        does not decode raises ``BrokenDatabaseError`` here; every write
        checks the whole book first (``_require_checked``), so nothing is
        written before that.
        """
        indexed = self._indexed
        return indexed if indexed is not None else self._build_index()

    def _build_index(self) -> BookIndex:
        with self._mutex:
            if self._indexed is None:
                data = self._storage.read()
                # Indexing a large book takes seconds that quitting would
                # wait for: it stops at the next table once close() begins.
                self._indexed = build_index(
                    self.path, data, people=self._contacts_only, between=self._refuse_if_closing
                )
                self._contacts_only = self._last_part = None
                if self._unsettled is not None:
                    settle(self._unsettled)
                    self._unsettled = None
            return self._indexed

    def _require_checked(self) -> None:
        if self._indexed is None:
            self._build_index()

    def _people(self) -> BookIndex:
        """The whole index or, until it is built, the contacts and accounts
        alone: a shell command that searches for someone needs no more."""
        if self._indexed is not None:
            return self._indexed
        with self._mutex:
            if self._indexed is not None:  # built by another thread meanwhile
                return self._indexed
            if self._contacts_only is None:
                self._contacts_only = self._decoded(lambda data, _: BookIndex.of_contacts(data))
            return self._contacts_only

    def _part(self, contact_ids: Collection[str], *, touches: bool = False) -> BookIndex:
        """The whole index or, until it is built, the part of the book about
        ``contact_ids``: the same answers about them, for a fraction of the
        work. It holds the touches' times; their documents too with ``touches``."""
        return self._made_part(contact_ids, "book" if touches else "times")

    def _part_with_touches(
        self, contact_ids: Collection[str], newest: int
    ) -> tuple[BookIndex, Mapping[str, Doc]]:
        """``_part`` with the documents of at least the ``newest`` touches of
        each contact, by document id: from the newest touches kept beside
        the book (see ``_kept_touches``), else from the book."""
        recent = self._kept_touches(newest)
        if recent is not None:
            part = self._made_part(contact_ids, "recent")
            # Not when a document did not decode and the whole index was built.
            if part is not self._indexed:
                return part, recent
        return self._made_part(contact_ids, "book"), self._documents.table("touches")

    def _kept_touches(self, newest: int) -> dict[str, Doc] | None:
        """The newest touches kept beside the book (see ``recent_touches``),
        read once, when they hold ``newest`` of each contact and the summary
        answers; else None."""
        if self._indexed is not None or self._summary is None or newest > KEPT:
            return None
        if self._recent is None:
            self._recent = saved_recent_touches(self.path) or {}
        return self._recent or None

    def _made_part(self, contact_ids: Collection[str], touches: str) -> BookIndex:
        """``_part``, its touches' documents from ``touches``: "times" (none),
        "recent" (the kept newest) or "book"."""
        if self._indexed is not None:
            return self._indexed
        wanted = frozenset(contact_ids)
        last = self._last_part
        if last is not None and last[0] == wanted and touches in (last[1], "times"):
            return last[2]
        if touches == "recent":
            recent = self._recent or {}
            part = self._decoded(
                lambda data, times: BookIndex.build(
                    {**data, "touches": recent}, wanted, times=times
                )
            )
        else:
            part = self._decoded(
                lambda data, times: BookIndex.build(data, wanted, times=times),
                book=touches == "book",
            )
        if self.read_only:
            # A reader's book does not change, and an export asks two
            # questions of each part (the contacts' details, and what
            # about them needs attention): the part is made once.
            self._last_part = (wanted, touches, part)
        return part

    def _appended_touch(self, doc: Doc) -> int | None:
        """Save a touch by appending it to the journal, from the summary (see
        ``summary_journal``): its document id, or None when this session
        cannot (it has parsed the book, or the journal is to be folded)."""
        summary = self._summary
        if self.read_only or summary is None:
            return None
        self._refuse_if_closing()
        if self._appends is None:
            self._appends = SummaryJournal(self.path, summary)
        return self._appends.add_touch(doc) if self._appends.has_room else None

    def _stop_appending(self) -> None:
        if self._appends is not None:
            self._appends.close()
            self._appends = None

    def _raw(self) -> RawData:
        """The stored documents, or the summary's when the book is not parsed
        (every table but the touches)."""
        summary = self._summary
        return summary.book if summary is not None else self._storage.read()

    def _decoded(
        self, build: Callable[[RawData, TouchTimes | None], BookIndex], *, book: bool = False
    ) -> BookIndex:
        """``build`` applied to the stored documents and, from the summary
        when the book is not parsed (and ``book`` is not set), the touches'
        times (else None)."""
        summary = None if book else self._summary
        try:
            if summary is not None:
                return build(summary.book, summary.times)
            return build(self._storage.read(), None)
        except (IndexProblem, AttributeError, KeyError, TypeError):
            # A document is not as it should be: the whole index names it.
            return self._index

    # --- session ----------------------------------------------------------

    def close(self) -> None:
        self._closing_thread = threading.get_ident()
        with self._mutex:
            if self._closed:
                return
            try:
                self._close()
            finally:
                self._closed = True
                self._release_lock()

    def _close(self) -> None:
        # The journal is folded into the book at close, and only a book
        # checked whole is written: a killed session's changes, replayed but
        # never read through, are checked first.
        self._stop_appending()
        if self._opened is None:
            # Never parsed: the book is as it was, and any touch saved from
            # the summary waits in its journal for the next whole write.
            return
        checked = True
        # A reader writes nothing, so it has nothing to check.
        if not self.read_only and self._indexed is None and self._storage.unfolded_changes:
            try:
                self._require_checked()
            except BrokenDatabaseError:
                checked = False
        self._storage.close(fold=checked)
        self._documents.close()
        if not self.read_only and self._indexed is not None:
            # After the fold: the book on disk now holds what is in memory.
            data = self._storage.read()
            save_first_rows(self.path, data)
            save_summary(self.path, data, self._indexed)
            save_recent_touches(self.path, data, self._indexed)

    def _refuse_if_closing(self) -> None:
        """Stop a reader once the session has ended, or has begun to end in
        another thread (whose own reading, to check the book before it is
        written, goes on)."""
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
            try:
                with self._documents.batch():
                    yield
            except BaseException:
                # The storage went back to the file on disk; so does the index.
                self._indexed = None
                raise
