"""Merging another copy of the book into the open one, and settling the
conflicts a merge leaves.

``Merging`` is part of ``Store``, like ``Changes``. ``merge_book_files`` is
the same merge on three files no session holds: git's merge driver hands
bchan temporary copies of the book.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..book.codec import (
    account_from_doc,
    channel_from_doc,
    contact_from_doc,
    intel_from_doc,
    touch_from_doc,
)
from ..book.conflicts import CONFLICTS_TABLE, Conflict
from ..book.index import BookIndex, IndexProblem
from ..book.schema import RawData, SchemaMismatch, check_structure, migrate, needs_migration
from ..book.stored_fields import SchemaProblem
from ..domain.clock import format_time
from ..domain.clock import now as clock_now
from ..domain.models import Contact
from ..errors import NotFoundError, ValidationError
from .book_file import read_book, read_database
from .documents import DocumentWriter
from .merge import MergeProblem, MergeReport, merge_books
from .tinydb_storage import AtomicJSONStorage, write_book

_DECODERS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "contacts": contact_from_doc,
    "channels": channel_from_doc,
    "touches": touch_from_doc,
    "intel": intel_from_doc,
    "accounts": account_from_doc,
}


def checked_copy(data: object, which: str) -> RawData:
    """Another copy of the book, to merge: structurally checked, brought to
    this schema version (in place: it is a copy just read), every record
    decoded; else ``MergeProblem`` saying which."""
    try:
        book = check_structure(data)
    except SchemaMismatch as error:
        raise MergeProblem(f"{which} cannot be merged: {error}") from None
    if needs_migration(book):
        migrate(book)
    _check_records(book, which)
    return book


def _check_records(book: RawData, which: str) -> None:
    try:
        BookIndex.build(book)
    except (IndexProblem, SchemaProblem) as error:
        raise MergeProblem(f"{which} cannot be merged: {error}") from None


def merge_book_files(ours: Path, theirs: Path, base: Path | None = None) -> MergeReport:
    """Merge ``theirs`` into ``ours`` (and write it there), as a git merge
    driver does: three files, no journal, no lock. Raises
    ``BrokenDatabaseError`` for a file that does not open and
    ``MergeProblem`` when the books cannot be merged; ``ours`` is then untouched."""
    mine = checked_copy(read_database(ours), f"{ours}")
    other = checked_copy(read_database(theirs), f"{theirs}")
    before = checked_copy(read_database(base), f"{base}") if base is not None else None
    merged = merge_books(mine, other, before)
    _check_records(merged.data, "the merged book")
    write_book(ours, merged.data)
    return merged.report


def read_other_copy(path: Path) -> RawData:
    """Another copy of the book (a synced folder's conflict copy), its own
    journal replayed if it has one."""
    return read_book(path)[0]


class Merging:
    """The merging of ``Store``; see there."""

    _mutex: threading.RLock
    _storage: AtomicJSONStorage
    _documents: DocumentWriter
    _index: BookIndex | None
    _part: Any

    if TYPE_CHECKING:

        def index(self) -> BookIndex: ...
        def _changed(self, table: str | None = None) -> None: ...
        def _check_codename(self, contact: Contact) -> None: ...
        def _stored_touch(self, touch_id: str) -> tuple[int, Any]: ...
        def _fold_if_full(self) -> None: ...

    def conflicts(self) -> list[Conflict]:
        """Merge conflicts waiting for a choice, by table, record and field."""
        found = self.index().conflicts.values()
        return sorted(found, key=lambda c: (c.table, c.record_id, c.field, c.id))

    def conflict(self, conflict_id: str) -> Conflict:
        found = self.index().conflicts.get(conflict_id)
        if found is None:
            raise NotFoundError(f"no merge conflict with id {conflict_id}")
        return found

    def merge_in(self, theirs: RawData, base: RawData | None = None) -> MergeReport:
        """Merge another copy of the book into this one and save the result
        as a new book file (its journal folded in). Raises ``MergeProblem``
        when a copy does not open as a book; nothing is then changed."""
        other = checked_copy(theirs, "the other copy")
        before = checked_copy(base, "the base copy") if base is not None else None
        with self._mutex:
            self.index()  # this book is checked whole before it is rewritten
            # The book file complete first, as a merge driver or a sync reads it.
            self._storage.fold()
            merged = merge_books(self._data_now(), other, before)
            if not merged.report.changes_anything:
                return merged.report
            _check_records(merged.data, "the merged book")
            self._storage.replace(merged.data)
            self._documents.close()
            self._index, self._part = None, None
            self._changed()
        return merged.report

    def settle_conflict(self, conflict_id: str, *, take_other: bool) -> Conflict:
        """Settle a merge conflict: keep the record as it is, or give its
        field the other copy's value. Either way the conflict is gone."""
        with self._mutex:
            index = self.index()
            conflict = self.conflict(conflict_id)
            if take_other:
                self._take_value(index, conflict)
            self._documents.remove(CONFLICTS_TABLE, index.doc_ids[CONFLICTS_TABLE][conflict.id])
            del index.conflicts[conflict.id]
            del index.doc_ids[CONFLICTS_TABLE][conflict.id]
            self._changed(CONFLICTS_TABLE)
            self._fold_if_full()
        return conflict

    def _take_value(self, index: BookIndex, conflict: Conflict) -> None:
        table = conflict.table
        if table == "touches":
            doc_id, old = self._stored_touch(conflict.record_id)
        else:
            found = index.doc_ids[table].get(conflict.record_id)
            if found is None:
                raise NotFoundError(f"the record of this conflict is gone ({table})")
            doc_id, old = found, None
        stored = self._documents.table(table)[str(doc_id)]
        doc = {**stored, conflict.field: conflict.value}
        if table == "contacts":
            doc["updated_at"] = format_time(clock_now())
        else:
            doc.pop("updated_at", None)  # the writer stamps this change's time
        try:
            record = _DECODERS[table](doc)
        except SchemaProblem as problem:
            raise ValidationError(
                f"the other value no longer fits this record: {problem}", field=conflict.field
            ) from None
        if isinstance(record, Contact):
            self._check_codename(record)
        self._documents.update(table, doc_id, doc)
        self._changed(table)
        if table == "touches":
            index.remove_touch(doc_id, old)
            index.add_touch(doc_id, record)
        else:
            getattr(index, _ADDERS[table])(doc_id, record)

    def _data_now(self) -> RawData:
        return self._storage.read()


_ADDERS = {
    "contacts": "add_contact",
    "channels": "add_channel",
    "intel": "add_intel",
    "accounts": "add_account",
}
