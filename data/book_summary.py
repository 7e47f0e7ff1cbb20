"""The shell's part of a book, kept beside it (see ``kept_files``).

``bchan find``, ``query`` and ``reach`` name people and pick channels: they
need the contacts, accounts, channels and intel, and of the touches only
their times. Touches are two thirds of a book's bytes, and parsing them is
most of what those commands did. A session that read its book whole leaves
everything but the touches in ``<book>.summary`` when it closes, with each
channel's outgoing times and each contact's newest touch; the next shell
command answers from that, exactly as from the book, and parses the book
only for a question the summary cannot answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .index import BookIndex, TouchTimes
from .kept_files import keep, kept, kept_path
from .schema import META_TABLE, RawData, SchemaMismatch, check_structure

SUFFIX = "summary"
FORMAT = 1
# Every table but the touches, whose times are kept instead.
_TABLES = ("accounts", "contacts", "channels", "intel", META_TABLE)


@dataclass(frozen=True, slots=True)
class BookSummary:
    """The book without its touches table, and the touches' times."""

    book: RawData
    times: TouchTimes


def summary_path(path: Path) -> Path:
    return kept_path(path, SUFFIX)


def save_summary(path: Path, data: RawData, index: BookIndex) -> None:
    """Keep the summary of the book ``data`` was read from and ``index`` was
    built from (call it once the book on disk holds ``data``)."""

    def summary() -> dict[str, object]:
        times = index.touch_summary()
        book = {table: data[table] for table in _TABLES if table in data}
        return {"book": book, "out": times.out_times, "newest": times.newest}

    keep(path, SUFFIX, FORMAT, summary)


def saved_summary(path: Path) -> BookSummary | None:
    """The summary kept beside the book, or None when there is none or the
    book has changed since it was kept."""
    saved = kept(path, SUFFIX, FORMAT)
    if saved is None:
        return None
    try:
        out, newest = saved["out"], saved["newest"]
        if not isinstance(out, dict) or not isinstance(newest, dict):
            return None
        return BookSummary(check_structure(saved["book"]), TouchTimes(out, newest))
    except (SchemaMismatch, KeyError, TypeError):
        return None
