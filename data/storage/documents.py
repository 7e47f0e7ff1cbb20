"""The store's way into TinyDB: inserts and updates of stored documents,
one at a time or batched into one durable write."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from ..book.codec import Doc
from .tinydb_storage import AtomicJSONStorage


class DocumentWriter:
    """Writes documents through TinyDB into the atomic storage.

    TinyDB document ids are handed out here, so a batch can give them to its
    records before the documents reach TinyDB; a batch then inserts with one
    ``insert_multiple`` per table, because TinyDB copies a whole table on
    every insert and an import of thousands of records would be quadratic.
    """

    def __init__(self, storage: AtomicJSONStorage) -> None:
        self.storage = storage
        self._db = TinyDB(storage=lambda: storage)
        self._next_ids: dict[str, int] = {}
        self._pending: defaultdict[str, dict[int, Document]] | None = None

    def close(self) -> None:
        self._db.close()

    def table(self, name: str) -> dict[str, Any]:
        """The stored documents of a table by document id, with a batch's
        inserts that are still waiting."""
        table: dict[str, Any] = self.storage.read().get(name, {})
        if self._pending and self._pending.get(name):
            return {**table, **{str(i): doc for i, doc in self._pending[name].items()}}
        return table

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every write inside is saved in one durable write, or none is; on
        failure the storage has gone back to the file on disk."""
        if self._pending is not None:
            yield  # nested: the outer batch writes
            return
        self._pending = defaultdict(dict)
        try:
            with self.storage.batch():
                yield
                for table, documents in self._pending.items():
                    self._db.table(table).insert_multiple(documents.values())
        except BaseException:
            self._next_ids.clear()
            raise
        finally:
            self._pending = None

    def insert(self, table: str, doc: Doc) -> int:
        """Insert a document; returns its TinyDB document id."""
        doc_id = self._next_id(table)
        if self._pending is not None:
            self._pending[table][doc_id] = Document(doc, doc_id=doc_id)
        else:
            # One document goes straight to the storage's journal: TinyDB's
            # Table.insert copies the whole table twice (100k touches at M).
            self.storage.put(table, str(doc_id), dict(doc))
        return doc_id

    def update(self, table: str, doc_id: int, doc: Doc) -> None:
        """Change the fields in ``doc``, keeping any others the stored one has."""
        if self._pending is not None and doc_id in self._pending[table]:
            self._pending[table][doc_id] = Document(doc, doc_id=doc_id)
            return
        stored = self.storage.read()[table][str(doc_id)]
        self.storage.put(table, str(doc_id), {**stored, **doc})

    def _next_id(self, table: str) -> int:
        next_id = self._next_ids.get(table)
        if next_id is None:
            next_id = max(map(int, self.storage.read().get(table, {})), default=0) + 1
        self._next_ids[table] = next_id + 1
        return next_id
