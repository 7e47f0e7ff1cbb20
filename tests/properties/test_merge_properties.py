"""Merging two copies of a book: two random histories from one base, merged
both ways, against the union of their records.

The base is a book the store wrote. Each history adds contacts, touches
and intel items, changes fields (from a few values and a few times, so both
sides often make the same change, or change the same field at the same
moment), archives, retires, and deletes touches and intel items. The
merge must not depend on the order of the sides, must change nothing when
repeated, and must keep every record and every value of either side:
in the merged record, or in a conflict waiting for a choice.
"""

from __future__ import annotations

import copy
import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bchan_tui.data import Rung, Store
from bchan_tui.data.book.schema import TABLES, RawData
from bchan_tui.data.storage.book_file import read_database
from bchan_tui.data.storage.merge import merge_books

HISTORY_EXAMPLES = 300

TIMES = (
    "2026-12-01T09:00:00.000000Z",
    "2026-12-02T09:00:00.000000Z",
    "2026-12-03T09:00:00.000000Z",
)
VALUES = ("Acme", "Globex", "Initech")
# The fields a history changes, per table, and the values it gives them.
CHANGES: dict[str, dict[str, tuple[Any, ...]]] = {
    "contacts": {"org": VALUES, "notes": VALUES, "archived": (True, False), "strength": (1, 4)},
    "channels": {"status": ("active", "retired"), "label": VALUES},
    "touches": {"outcome": ("replied", "no_reply"), "note": VALUES},
    "intel": {"status": ("confirmed", "contradicted"), "summary": VALUES},
}
DELETABLE = ("touches", "intel")


@pytest.fixture(scope="module")
def base_book(tmp_path_factory: pytest.TempPathFactory) -> RawData:
    """Three people, each with two channels, touches and intel, as the store writes them."""
    path: Path = tmp_path_factory.mktemp("merge") / "book.json"
    with Store(path) as store:
        for name in ("Marta Lindqvist", "Jonas Weber", "Priya Raman"):
            person = store.add_contact(name, org="Northwind")
            public = store.add_channel(person.id, Rung.PUBLIC, "email", address=f"{name[:4]}@x.io")
            store.add_channel(person.id, Rung.RELATIONSHIP, "call", address="+46 70 123 45 67")
            touch = store.log_touch(person.id, public.id, note="first")
            store.log_touch(person.id, public.id, note="second")
            store.record_intel(person.id, "received", "budget moved", touch_id=touch.id)
        store.index()
    return read_database(path)


# One step of a history: ("set", table, which, field, value, time),
# ("add", table, which, time) or ("delete", table, which).
steps = st.one_of(
    st.tuples(
        st.just("set"),
        st.sampled_from(sorted(CHANGES)),
        st.integers(0, 3),
        st.integers(0, 10),
        st.integers(0, 10),
        st.sampled_from(TIMES),
    ),
    st.tuples(
        st.just("add"),
        st.sampled_from(("contacts", "touches", "intel")),
        st.integers(0, 20),
        st.sampled_from(TIMES),
    ),
    st.tuples(st.just("delete"), st.sampled_from(DELETABLE), st.integers(0, 20)),
)
histories = st.lists(steps, max_size=12)


def lived(base: RawData, history: list[tuple[Any, ...]], side: str) -> RawData:
    """``base`` after ``history`` on one device (whose new ids start with ``side``)."""
    book = copy.deepcopy(base)
    made = itertools.count()
    for step in history:
        kind, table = step[0], step[1]
        docs = book[table]
        keys = sorted(docs, key=int)
        if kind == "set" and keys:
            _, _, which, field_pick, value_pick, at = step
            fields = sorted(CHANGES[table])
            field = fields[field_pick % len(fields)]
            values = CHANGES[table][field]
            key = keys[which % len(keys)]
            docs[key] = {**docs[key], field: values[value_pick % len(values)], "updated_at": at}
        elif kind == "add":
            _, _, which, at = step
            template = docs[sorted(docs, key=int)[which % len(docs)]] if docs else None
            if template is None:
                continue
            new = {**template, "id": f"{side}{next(made)}", "updated_at": at}
            if table == "contacts":
                new["name"] = f"New person {new['id']}"
            docs[str(max(map(int, docs), default=0) + 1)] = new
        elif kind == "delete" and keys:
            victim = keys[step[2] % len(keys)]
            linked = any(
                item.get("touch_id") == docs[victim]["id"] for item in book["intel"].values()
            )
            if table == "touches" and linked:
                continue  # the store refuses to delete a touch intel links to
            del docs[victim]
    return book


def records(book: RawData) -> dict[str, dict[str, Any]]:
    """The book's records by table and id: what a merge must agree on,
    whatever document numbers it gave them."""
    return {table: {doc["id"]: doc for doc in book.get(table, {}).values()} for table in TABLES}


def conflicting_values(book: RawData) -> set[tuple[str, str, str, str]]:
    return {
        (doc["table"], doc["record_id"], doc["field"], repr(doc["value"]))
        for doc in book.get("conflicts", {}).values()
    }


@settings(max_examples=HISTORY_EXAMPLES, deadline=None)
@given(ours=histories, theirs=histories)
def test_a_merge_is_order_free_repeatable_and_keeps_everything(
    base_book: RawData, ours: list[tuple[Any, ...]], theirs: list[tuple[Any, ...]]
) -> None:
    one, other = lived(base_book, ours, "a"), lived(base_book, theirs, "b")
    merged = merge_books(one, other, base_book).data

    assert records(merged) == records(merge_books(other, one, base_book).data)
    # Merged again with either side (now its ancestor), or with itself: nothing changes.
    assert records(merge_books(merged, one, one).data) == records(merged)
    assert records(merge_books(merged, other, other).data) == records(merged)
    assert records(merge_books(merged, copy.deepcopy(merged)).data) == records(merged)
    _keeps_every_record_and_value(base_book, one, other, merged)


@settings(max_examples=HISTORY_EXAMPLES // 2, deadline=None)
@given(ours=histories, theirs=histories)
def test_without_a_base_the_merge_is_the_union(
    base_book: RawData, ours: list[tuple[Any, ...]], theirs: list[tuple[Any, ...]]
) -> None:
    one, other = lived(base_book, ours, "a"), lived(base_book, theirs, "b")
    merged = merge_books(one, other).data

    assert records(merged) == records(merge_books(other, one).data)
    assert records(merge_books(merged, other).data) == records(merged)
    assert records(merge_books(merged, one).data) == records(merged)
    for table in TABLES[:-1]:
        assert set(records(merged)[table]) == set(records(one)[table]) | set(records(other)[table])
    _keeps_every_record_and_value(None, one, other, merged)


def _keeps_every_record_and_value(
    base: RawData | None, one: RawData, other: RawData, merged: RawData
) -> None:
    before = records(base) if base is not None else None
    mine, theirs, result = records(one), records(other), records(merged)
    conflicts = conflicting_values(merged)
    referenced = {
        doc.get(field)
        for table in ("touches", "intel", "channels")
        for doc in result[table].values()
        for field in ("contact_id", "channel_id", "touch_id")
    }
    for table in TABLES[:-1]:
        for record_id in set(mine[table]) | set(theirs[table]):
            a, b = mine[table].get(record_id), theirs[table].get(record_id)
            m = result[table].get(record_id)
            if m is None:
                # Only a record deleted on one side, unchanged on the other
                # and referred to by nothing, may be gone.
                assert before is not None and record_id in before[table]
                present = a if a is not None else b
                assert present == before[table][record_id]
                assert record_id not in referenced
                continue
            if a is None or b is None:
                assert m == (a if a is not None else b)
                continue
            was = before[table].get(record_id) if before is not None else None
            for field in (set(a) | set(b)) - {"updated_at"}:
                mv, av, bv = m.get(field), a.get(field), b.get(field)
                if av == bv:
                    assert mv == av
                elif was is not None and av == was.get(field):
                    assert mv == bv
                elif was is not None and bv == was.get(field):
                    assert mv == av
                else:
                    assert mv in (av, bv)
                    lost = bv if mv == av else av
                    assert (table, record_id, field, repr(lost)) in conflicts
