"""Merging two copies of a book, record by record.

Records are matched by their ``id``, never by TinyDB's document number (two
devices that each add a contact both make document "31"). What one side
added, the merge has. A field only one side changed since the base takes
that change; a field both changed takes the value of the record with the
newer ``updated_at``, and the other value is kept in a conflict record
until the user picks. A record removed on one side (a touch or an intel
item deleted) stays removed unless the other side changed it since, or
still refers to it. Without a base every difference counts as a change on
both sides, so nothing is removed and every differing field is a conflict.

The result does not depend on the order of the two sides (except for the
document numbers: the first side's records keep theirs), and merging the
result with either side again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import msgspec

from ..book.conflicts import CONFLICTS_TABLE, Conflict, conflict_id, conflict_to_doc
from ..book.schema import META_TABLE, TABLES, RawData
from ..domain.clock import timestamp
from ..domain.search_text import fold
from ..errors import DatabaseError

Doc = dict[str, Any]

# A field one side's document does not have.
_MISSING: Any = object()

# (table, field) -> the table the field's id refers to. A record that a
# merged record refers to is never removed.
_REFERENCES = (
    ("contacts", "account_id", "accounts"),
    ("channels", "contact_id", "contacts"),
    ("touches", "contact_id", "contacts"),
    ("touches", "channel_id", "channels"),
    ("intel", "contact_id", "contacts"),
    ("intel", "touch_id", "touches"),
)

_canonical = msgspec.json.Encoder(order="sorted").encode


class MergeProblem(DatabaseError):
    """The two books cannot be merged (the message says why); nothing was written."""


class MergeReport(msgspec.Struct):
    """What the merge took from the other side, per table."""

    added: dict[str, int] = msgspec.field(default_factory=dict)
    changed: dict[str, int] = msgspec.field(default_factory=dict)
    removed: dict[str, int] = msgspec.field(default_factory=dict)
    # Records one side removed, kept because a merged record refers to them.
    kept_for_references: int = 0
    conflicts: list[Conflict] = msgspec.field(default_factory=list)
    # Codenames two contacts now share (each side gave one to another person).
    shared_codenames: list[str] = msgspec.field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.conflicts)

    def lines(self) -> list[str]:
        """The report in a few lines of counts, for a terminal."""
        lines = []
        for verb, counts in (
            ("added", self.added),
            ("changed", self.changed),
            ("removed", self.removed),
        ):
            if counts:
                parts = ", ".join(f"{count:,} {table}" for table, count in sorted(counts.items()))
                lines.append(f"{verb}: {parts}")
        if self.kept_for_references:
            lines.append(f"kept, as merged records refer to them: {self.kept_for_references}")
        if self.conflicts:
            fields = ", ".join(sorted({f"{c.table}.{c.field}" for c in self.conflicts}))
            lines.append(
                f"{len(self.conflicts)} conflict(s) to settle in Needs attention ({fields}): "
                "the newer value was kept"
            )
        lines.extend(
            f"codename {codename!r} is now held by two contacts: give one of them another "
            "(`bchan check` names them)"
            for codename in self.shared_codenames
        )
        return lines or ["nothing to merge: both copies hold the same records"]


class MergedBook(msgspec.Struct):
    data: RawData
    report: MergeReport


def merge_books(ours: RawData, theirs: RawData, base: RawData | None = None) -> MergedBook:
    """``ours`` and ``theirs`` merged (see the module's text); neither is
    changed, and the merged book shares none of their documents.

    All three are structurally checked books of the current schema version.
    """
    report = MergeReport()
    merged: RawData = {META_TABLE: _copy(ours.get(META_TABLE, {}))}
    found: list[Conflict] = []
    for table in _tables(ours, theirs):
        if table == META_TABLE:
            continue
        if table not in TABLES:
            # A table bchan does not know (TinyDB's "_default"): kept as it is.
            merged[table] = _copy(ours.get(table) or theirs.get(table) or {})
            continue
        sides = [_by_id(table, book) for book in (ours, theirs)]
        before = _by_id(table, base) if base is not None else None
        records, conflicts = _merge_table(table, sides[0], sides[1], before, report)
        merged[table] = records
        found.extend(conflicts)
    _keep_referenced(merged, ours, theirs, report)
    _add_conflicts(merged, found, report)
    report.shared_codenames = _shared_codenames(merged["contacts"].values())
    return MergedBook(_numbered(merged, ours), report)


# --- tables -------------------------------------------------------------------------


def _tables(*books: RawData) -> list[str]:
    names = dict.fromkeys(TABLES)
    for book in books:
        names.update(dict.fromkeys(book))
    return list(names)


def _by_id(table: str, book: RawData) -> dict[str, Doc]:
    """The table's documents by record id; a book holding one id twice is
    not merged, since either document could be the one that counts."""
    documents: dict[str, Doc] = {}
    for key, doc in book.get(table, {}).items():
        record_id = doc.get("id")
        if not isinstance(record_id, str):
            raise MergeProblem(f"{table} document {key} has no id; run `bchan check`")
        if record_id in documents:
            raise MergeProblem(
                f"{table}: id {record_id} is used twice in one copy; run `bchan check`"
            )
        documents[record_id] = doc
    return documents


def _merge_table(
    table: str,
    ours: dict[str, Doc],
    theirs: dict[str, Doc],
    base: dict[str, Doc] | None,
    report: MergeReport,
) -> tuple[dict[str, Doc], list[Conflict]]:
    """The table's merged records by id, in ours' order then theirs'."""
    merged: dict[str, Doc] = {}
    conflicts: list[Conflict] = []
    for record_id in dict.fromkeys([*ours, *theirs]):
        mine, other = ours.get(record_id), theirs.get(record_id)
        before = base.get(record_id) if base is not None else None
        if mine is not None and other is not None:
            doc, found = _merge_record(table, mine, other, before)
            merged[record_id] = doc
            conflicts.extend(found)
            if not _same(doc, mine):
                _count(report.changed, table)
            continue
        present = mine if mine is not None else other
        assert present is not None
        if before is not None and _same(present, before):
            # Unchanged on the side that has it, removed on the other.
            if mine is not None:
                _count(report.removed, table)
            continue
        merged[record_id] = _copy(present)
        if mine is None:
            _count(report.added, table)
    return merged, conflicts


def _merge_record(
    table: str, ours: Doc, theirs: Doc, base: Doc | None
) -> tuple[Doc, list[Conflict]]:
    if _same(ours, theirs):
        return _copy(ours), []
    newer = _newer_side(ours, theirs)
    merged: Doc = {}
    conflicts: list[Conflict] = []
    for field in dict.fromkeys([*ours, *theirs]):
        mine, other = ours.get(field, _MISSING), theirs.get(field, _MISSING)
        before = base.get(field, _MISSING) if base is not None else _MISSING
        if field == "updated_at":
            value = max(_present(mine, other), key=_moment)
        elif _same(mine, other) or other is _MISSING:
            value = mine
        elif mine is _MISSING or (base is not None and _same(mine, before)):
            value = other
        elif base is not None and _same(other, before):
            value = mine
        else:
            theirs_kept = newer > 0 or (newer == 0 and _canonical(other) > _canonical(mine))
            value, lost = (other, mine) if theirs_kept else (mine, other)
            loser = ours if theirs_kept else theirs
            conflicts.append(_conflict(table, ours, field, lost, loser))
        if value is not _MISSING:
            merged[field] = _copy(value)
    return merged, conflicts


def _conflict(table: str, record: Doc, field: str, lost: Any, loser: Doc) -> Conflict:
    record_id = record["id"]
    return Conflict(
        id=conflict_id(table, record_id, field, lost),
        table=table,
        record_id=record_id,
        field=field,
        value=lost,
        updated_at=_text(loser.get("updated_at")),
        contact_id=record_id if table == "contacts" else _text(record.get("contact_id")),
    )


def _newer_side(ours: Doc, theirs: Doc) -> int:
    """1 when ``theirs`` was changed last, -1 when ``ours`` was, 0 when that
    cannot be told (the same time, or none): each field then keeps the
    greater of its two values, an order both sides agree on whichever is
    merged into which, and which a merged record keeps when merged again."""
    mine, other = _moment(ours.get("updated_at")), _moment(theirs.get("updated_at"))
    return (other > mine) - (other < mine)


def _moment(value: Any) -> float:
    if not isinstance(value, str):
        return float("-inf")
    try:
        return timestamp(value)
    except (ValueError, OverflowError):
        return float("-inf")


def _present(*values: Any) -> list[Any]:
    return [value for value in values if value is not _MISSING]


# --- references and conflicts --------------------------------------------------------


def _keep_referenced(merged: RawData, ours: RawData, theirs: RawData, report: MergeReport) -> None:
    """Bring back a record one side removed when a merged record refers to
    it (an intel item the other side linked to a touch since deleted)."""
    sides = {table: (_by_id(table, ours), _by_id(table, theirs)) for _, _, table in _REFERENCES}
    changed = True
    while changed:
        changed = False
        for table, field, target in _REFERENCES:
            for doc in list(merged[table].values()):
                wanted = doc.get(field)
                if not isinstance(wanted, str) or wanted in merged[target]:
                    continue
                mine, other = sides[target]
                gone = mine.get(wanted) or other.get(wanted)
                if gone is not None:
                    merged[target][wanted] = _copy(gone)
                    report.kept_for_references += 1
                    changed = True


def _add_conflicts(merged: RawData, found: Iterable[Conflict], report: MergeReport) -> None:
    """Add the conflicts this merge found, and drop those already settled:
    the record holds the conflict's value, or is gone."""
    conflicts = merged.setdefault(CONFLICTS_TABLE, {})
    for conflict in found:
        if conflict.id not in conflicts:
            conflicts[conflict.id] = conflict_to_doc(conflict)
            report.conflicts.append(conflict)
    for conflict_key, doc in list(conflicts.items()):
        record = merged.get(doc.get("table", ""), {}).get(doc.get("record_id", ""))
        if record is None or _same(record.get(doc.get("field", ""), None), doc.get("value")):
            del conflicts[conflict_key]


def _shared_codenames(contacts: Iterable[Doc]) -> list[str]:
    """Codenames two contacts hold: the store refuses that, but each copy
    may have given the same one to a different person."""
    holders: dict[str, list[str]] = {}
    for contact in contacts:
        codename = contact.get("codename")
        if isinstance(codename, str) and codename:
            holders.setdefault(fold(codename), []).append(codename)
    return sorted(names[0] for names in holders.values() if len(names) > 1)


# --- numbering -----------------------------------------------------------------------


def _numbered(merged: RawData, ours: RawData) -> RawData:
    """The merged tables keyed by document number: ours' records keep theirs,
    the others take the numbers after the highest."""
    numbered: RawData = {META_TABLE: merged[META_TABLE]}
    for table, records in merged.items():
        if table == META_TABLE or table not in TABLES:
            numbered.setdefault(table, records)
            continue
        keys = {doc["id"]: key for key, doc in ours.get(table, {}).items()}
        documents: dict[str, Doc] = {}
        following = max(map(int, ours.get(table, {})), default=0) + 1
        for record_id, doc in records.items():
            key = keys.get(record_id)
            if key is None:
                key, following = str(following), following + 1
            documents[key] = doc
        numbered[table] = documents
    return numbered


# --- values -----------------------------------------------------------------------------


def _same(first: Any, second: Any) -> bool:
    """Equal as JSON: ``1``, ``1.0`` and ``true`` are equal in Python, not here."""
    if first is _MISSING or second is _MISSING:
        return first is second
    return bool(first == second) and _canonical(first) == _canonical(second)


def _copy(value: Any) -> Any:
    """A copy the merged book owns, so that changing it changes neither side."""
    return msgspec.json.decode(_canonical(value)) if isinstance(value, dict | list) else value


def _count(counts: dict[str, int], table: str) -> None:
    counts[table] = counts.get(table, 0) + 1


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
