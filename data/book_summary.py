"""The shell's part of a book, kept beside it (see ``kept_files``).

``bchan find``, ``query`` and ``reach`` name people and pick channels: they
need the contacts, accounts, channels and intel, and of the touches only
their times. Touches are two thirds of a book's bytes, and parsing them is
most of what those commands did. A session that read its book whole leaves
everything but the touches in ``<book>.summary`` when it closes, with each
channel's outgoing times and each contact's newest touch; the next shell
command answers from that, exactly as from the book, and parses the book
only for a question the summary cannot answer.

While a dashboard is open, its changes wait in the journal beside the
book: the summary is read with them, replayed on top, unless they change a
touch the summary holds only as times.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .clock import timestamp
from .codec import Doc
from .index import BookIndex, TouchTimes
from .journal import JournalProblem, Replayed, replay
from .kept_files import keep, kept, kept_path
from .schema import META_TABLE, RawData, SchemaMismatch, check_structure

SUFFIX = "summary"
FORMAT = 1
# Every table but the touches, whose times are kept instead.
_TABLES = ("accounts", "contacts", "channels", "intel", META_TABLE)


@dataclass(slots=True)
class BookSummary:
    """The book without its touches table, and the touches' times, with the
    journal replayed on top: what it added (None without one) and the
    highest touch document id, in the book or the journal."""

    book: RawData
    times: TouchTimes
    journal: Replayed | None = None
    last_touch: int = 0

    def add_touch(self, doc_id: int, doc: Doc) -> None:
        """Take in a touch (a stored document) just appended to the journal
        under ``doc_id``."""
        direction = doc["direction"]
        if direction not in ("in", "out"):
            raise ValueError(f"a touch of direction {direction!r}")
        out_on = doc["channel_id"] if direction == "out" else None
        self.times.add(doc["contact_id"], timestamp(doc["at"]), out_on=out_on)
        self.last_touch = max(self.last_touch, doc_id)


def summary_path(path: Path) -> Path:
    return kept_path(path, SUFFIX)


def save_summary(path: Path, data: RawData, index: BookIndex) -> None:
    """Keep the summary of the book ``data`` was read from and ``index`` was
    built from (call it once the book on disk holds ``data``)."""

    def summary() -> dict[str, object]:
        times = index.touch_summary()
        book = {table: data[table] for table in _TABLES if table in data}
        # Touches added later have higher document ids (see _with_journal).
        last_key = max(map(int, data.get("touches", {})), default=0)
        return {"book": book, "out": times.out_times, "newest": times.newest, "last": last_key}

    keep(path, SUFFIX, FORMAT, summary)


def saved_summary(path: Path) -> BookSummary | None:
    """The summary kept beside the book, with the journal's changes since,
    or None when there is none, or the book has changed since it was kept."""
    saved = kept(path, SUFFIX, FORMAT, later_journal=True)
    if saved is None:
        return None
    try:
        out, newest, last_key = saved["out"], saved["newest"], saved["last"]
        if not isinstance(out, dict) or not isinstance(newest, dict):
            return None
        summary = BookSummary(check_structure(saved["book"]), TouchTimes(out, newest))
        summary.last_touch = int(last_key)
        return summary if _with_journal(path, summary) else None
    except (SchemaMismatch, JournalProblem, KeyError, TypeError, ValueError):
        return None


def _with_journal(path: Path, summary: BookSummary) -> bool:
    """Replay the journal beside the book on ``summary``; False when it
    changes a touch that was already in the book, whose time the summary
    cannot take back."""
    book = summary.book
    replayed = replay(path, book)
    touches = book.pop("touches", {})
    book["touches"] = {}
    summary.journal = replayed
    if replayed is None:
        return True
    if replayed.changed_stored("touches", summary.last_touch):
        return False
    changed = [int(doc_id) for table, doc_id in replayed.changed if table == "touches"]
    for doc_id in sorted(changed):
        doc = touches.get(str(doc_id))
        if doc is not None:  # else added and removed since
            summary.add_touch(doc_id, doc)
    return True
