"""The store's way into the book's tables: inserts and updates of stored
documents, one at a time or batched into one durable write."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..book.codec import Doc
from ..domain.clock import format_time, now
from .tinydb_storage import AtomicJSONStorage


class DocumentWriter:
    """Writes documents into the atomic storage under TinyDB's document ids.

    The documents go straight into the storage's tables, as TinyDB would
    write them: TinyDB's own ``Table.insert`` copies a whole table for every
    document, and an import of thousands of records would copy it thousands
    of times.
    """

    def __init__(self, storage: AtomicJSONStorage) -> None:
        self.storage = storage
        self._next_ids: dict[str, int] = {}

    def close(self) -> None:
        self._next_ids.clear()

    def table(self, name: str) -> dict[str, Any]:
        """The stored documents of a table by document id, a batch's included."""
        table: dict[str, Any] = self.storage.read().get(name, {})
        return table

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every write inside is saved in one durable write, or none is; on
        failure the storage has gone back to the file on disk."""
        try:
            with self.storage.batch():
                yield
        except BaseException:
            self._next_ids.clear()
            raise

    def insert(self, table: str, doc: Doc) -> int:
        """Insert a document; returns its TinyDB document id."""
        doc_id = self._next_id(table)
        self.storage.put(table, str(doc_id), _stamped(doc))
        return doc_id

    def update(self, table: str, doc_id: int, doc: Doc) -> None:
        """Change the fields in ``doc``, keeping any others the stored one has."""
        stored = self.storage.read()[table][str(doc_id)]
        self.storage.put(table, str(doc_id), {**stored, **_stamped(doc)})

    def remove(self, table: str, doc_id: int) -> None:
        """Remove a document; the journal records the removal like any change."""
        self.storage.remove(table, str(doc_id))

    def _next_id(self, table: str) -> int:
        next_id = self._next_ids.get(table)
        if next_id is None:
            next_id = max(map(int, self.storage.read().get(table, {})), default=0) + 1
        self._next_ids[table] = next_id + 1
        return next_id


def _stamped(doc: Doc) -> Doc:
    """``doc`` with the time of this change as its ``updated_at``, unless it
    has one (a contact's is part of the record): when two copies of the book
    both changed a field, a merge keeps the newer change."""
    if "updated_at" in doc:
        return dict(doc)
    return {**doc, "updated_at": format_time(now())}
