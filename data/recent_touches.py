"""Each contact's newest touches, kept beside the book (see ``kept_files``).

The export shows every contact's three newest touches. With the summary
(see ``book_summary``), which holds every other table and the touches'
times, those documents are all it needs of the book: a session that read
its book whole leaves them in ``<book>.recent`` when it closes, and the
next export reads the two kept files instead of parsing the book, whose
touches are two thirds of its bytes.

Touches journaled since are replayed on top, as for the summary.
"""

from __future__ import annotations

from pathlib import Path

from .codec import Doc
from .index import BookIndex
from .journal import JournalProblem, replay
from .kept_files import is_kept, keep, kept, kept_path
from .schema import META_TABLE, RawData

SUFFIX = "recent"
FORMAT = 2
# How many of each contact's newest touches are kept: as many as the export shows.
KEPT = 3


def recent_touches_path(path: Path) -> Path:
    return kept_path(path, SUFFIX)


def save_recent_touches(path: Path, data: RawData, index: BookIndex) -> None:
    """Keep each contact's newest touches from the book ``data`` was read
    from and ``index`` was built from (call it once the book on disk holds
    ``data``)."""

    def recent() -> dict[str, object]:
        touches = data.get("touches", {})
        newest = {key: touches[key] for keys in index.touch_keys.values() for key in keys[-KEPT:]}
        last_key = max(map(int, touches), default=0)
        # The book's generation is in its _meta: the journal names it.
        return {"count": KEPT, "touches": newest, "last": last_key, "meta": data[META_TABLE]}

    keep(path, SUFFIX, FORMAT, recent)


def has_recent_touches(path: Path) -> bool:
    """Whether newest touches current for the book are kept beside it, read
    without them (the journal may still make them of no use)."""
    return is_kept(path, SUFFIX, FORMAT, later_journal=True)


def saved_recent_touches(path: Path) -> dict[str, Doc] | None:
    """The touch documents kept beside the book, by document id, with those
    journaled since; None when there are none, the book has changed since
    they were kept, or the journal changes a touch that was in the book."""
    saved = kept(path, SUFFIX, FORMAT, later_journal=True)
    try:
        if saved is None or saved["count"] < KEPT:
            return None
        touches, last_key, meta = saved["touches"], int(saved["last"]), saved["meta"]
        if not isinstance(touches, dict) or not isinstance(meta, dict):
            return None
        book: RawData = {META_TABLE: meta, "touches": touches}
        replayed = replay(path, book)
    except (JournalProblem, KeyError, TypeError, ValueError):
        return None
    if replayed is not None and replayed.changed_stored("touches", last_key):
        return None
    return book["touches"]
