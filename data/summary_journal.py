"""Saving a touch without parsing the book: an append to its journal, made
from the summary kept beside it.

``bchan log`` records one touch. Parsing and checking a whole book for that
takes over a second at size M, and rewriting it a third of a second more.
Yet the summary (see ``book_summary``) holds all a touch is validated
against, the contact and its channels, and it is trusted only while the
book is the very file that a session checked whole before keeping it. So
the touch is appended to the journal, as a dashboard saves it, and the book
takes it in at the next whole write: when a session that read it closes,
or when the journal has grown past ``JOURNAL_LIMIT``. Every reader of the
book replays the journal, as it does after a killed session.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from .book_summary import BookSummary
from .codec import Doc
from .journal import Journal, generation_of
from .storage import JOURNAL_LIMIT, write_failed


class SummaryJournal:
    """Appends touches to the journal of the book a summary was kept from."""

    def __init__(self, db_path: Path, summary: BookSummary) -> None:
        self.db_path = db_path
        self._summary = summary
        self._journal = Journal(db_path, generation_of(summary.book), summary.journal)

    @property
    def has_room(self) -> bool:
        """Whether the journal may grow; past its limit the book is to be
        rewritten whole instead."""
        return self._journal.size <= JOURNAL_LIMIT

    def add_touch(self, doc: Doc) -> int:
        """Append a touch durably; returns its document id. On failure
        (``WriteFailedError``) nothing was saved."""
        doc_id = self._summary.last_touch + 1
        try:
            self._journal.append("touches", str(doc_id), dict(doc))
        except (OSError, orjson.JSONEncodeError) as error:
            raise write_failed(self.db_path, error) from error
        self._summary.add_touch(doc_id, doc)
        return doc_id

    def close(self) -> None:
        self._journal.close()
