"""The first screen of a book, kept beside it (see ``kept_files``).

Parsing a book takes most of a second at size M and seconds at size L, yet
the dashboard's first screen needs a hundred contacts. A session that read
its book whole leaves those contacts' documents (and their channels,
touches and intel) in ``<book>.first`` when it closes. The next session
shows its first rows from them, computed exactly as from the book, and
parses the book meanwhile.
"""

from __future__ import annotations

import heapq
from pathlib import Path

from .journal import JournalProblem, replay
from .kept_files import keep, kept, kept_path
from .schema import META_TABLE, RawData, SchemaMismatch, check_structure

# How many contacts the dashboard shows before the whole book is read:
# more than any screen holds.
FIRST_ROWS = 100
FORMAT = 1


SUFFIX = "first"
# The tables kept for the first rows' contacts alone.
_BY_CONTACT = ("channels", "touches", "intel")


def first_rows_path(path: Path) -> Path:
    return kept_path(path, SUFFIX)


def first_by_name(data: RawData, count: int) -> set[str]:
    """Ids of the first ``count`` active contacts by name, from stored documents."""
    shown = (doc for doc in data["contacts"].values() if not doc.get("archived"))
    # nsmallest keeps equal names in stored order, as the list's sort does.
    first = heapq.nsmallest(count, shown, key=lambda doc: doc["name"].casefold())
    return {doc["id"] for doc in first}


def save_first_rows(path: Path, data: RawData, count: int = FIRST_ROWS) -> None:
    """Keep the documents of the first ``count`` contacts beside the book
    ``data`` was read from (call it once the book on disk holds ``data``).

    It is a cache: a full disk leaves the one from before, or none.
    """

    def part() -> dict[str, object]:
        wanted = first_by_name(data, count)
        book: RawData = {
            table: {
                doc_id: doc
                for doc_id, doc in documents.items()
                if doc.get("id" if table == "contacts" else "contact_id") in wanted
            }
            for table, documents in data.items()
            if table == "contacts" or table in _BY_CONTACT
        }
        book["accounts"] = data.get("accounts", {})
        book[META_TABLE] = data[META_TABLE]
        return {"count": count, "book": book}

    keep(path, SUFFIX, FORMAT, part)


def saved_first_rows(path: Path, count: int = FIRST_ROWS) -> RawData | None:
    """The part of the book kept for its first ``count`` rows, with the
    journal's changes since, or None when there is none or the book has
    changed since it was kept."""
    saved = kept(path, SUFFIX, FORMAT, later_journal=True)
    try:
        if saved is None or saved["count"] < count:
            return None
        book = check_structure(saved["book"])
        return book if _with_journal(path, book) else None
    except (SchemaMismatch, JournalProblem, KeyError, TypeError):
        return None


def _with_journal(path: Path, book: RawData) -> bool:
    """Replay the journal beside the book on its first rows' part, keeping
    only what concerns their contacts; False when it changes a contact,
    who may have moved into the first rows or out of them."""
    replayed = replay(path, book)
    if replayed is None:
        return True
    if any(table == "contacts" for table, _ in replayed.changed):
        return False
    shown = {doc["id"] for doc in book["contacts"].values()}
    for table, doc_id in replayed.changed:
        documents = book[table]
        doc = documents.get(doc_id)
        if table in _BY_CONTACT and doc is not None and doc["contact_id"] not in shown:
            del documents[doc_id]
    return True
