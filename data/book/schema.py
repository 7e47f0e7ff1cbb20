"""The file's shape: table names, the schema version and its migrations."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "_meta"
# "conflicts": values a merge of two copies of the book did not keep (see ``conflicts``).
TABLES = ("contacts", "channels", "touches", "intel", "accounts", "conflicts")

RawData = dict[str, dict[str, Any]]

# TinyDB's document ids as it writes them: "1", "2", ... Two spellings of
# one number ("1" and "01", or "1" and an Arabic-Indic one, which int() also
# reads as 1) would be one document to TinyDB, so only this one is accepted.
# At most 18 digits: every id then fits in 64 bits, however it is written.
_DOCUMENT_ID = r"[1-9][0-9]{0,17}"
_is_document_id = re.compile(_DOCUMENT_ID).fullmatch
# Every key of a table, each after a newline, in one match: half the
# time of a match per key (a size-M book has 150,000 documents).
_are_document_ids = re.compile(rf"(?:\n{_DOCUMENT_ID})*").fullmatch
# How much of a wrong key a message shows: a key can be megabytes long.
_SHOWN_KEY = 20

# MIGRATIONS[n] turns a version-n file into version n + 1, in place.
MIGRATIONS: dict[int, Callable[[RawData], None]] = {}


class SchemaMismatch(ValueError):
    """The file is JSON but not a bchan database this version can open."""


def new_database() -> RawData:
    data: RawData = {name: {} for name in TABLES}
    data[META_TABLE] = {"1": {"schema_version": SCHEMA_VERSION}}
    return data


def schema_version(data: object) -> int:
    """The version recorded in ``_meta``; raises ``SchemaMismatch`` if absent."""
    if not isinstance(data, dict):
        raise SchemaMismatch("the file holds no tables (top level is not an object)")
    meta = data.get(META_TABLE)
    if not isinstance(meta, dict) or not meta:
        raise SchemaMismatch("no _meta table: this is not a bchan database")
    first: object = next(iter(meta.values()))
    version = first.get("schema_version") if isinstance(first, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SchemaMismatch("_meta has no valid schema_version")
    return version


def check_structure(data: object) -> RawData:
    """Check tables and documents are objects keyed by document id: a
    whole number from 1, in ASCII digits, without leading zeros, of at most
    18 digits. Raises ``SchemaMismatch`` naming the table and the key."""
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        raise SchemaMismatch(
            f"schema version {version} was written by a newer bchan "
            f"(this one reads up to {SCHEMA_VERSION})"
        )
    assert isinstance(data, dict)
    for name, table in data.items():
        if not isinstance(table, dict):
            raise SchemaMismatch(f"table {name!r} is not an object")
        # Checked in C first; the loop only runs to name the entry that is wrong.
        if _all_document_ids(table) and set(map(type, table.values())) <= {dict}:
            continue
        for doc_id, doc in table.items():
            if not _is_document_id(doc_id):
                raise SchemaMismatch(
                    f"table {name!r}: key {_shown(doc_id)} is not a document id "
                    "(1, 2, 3... without leading zeros)"
                )
            if not isinstance(doc, dict):
                raise SchemaMismatch(f"table {name!r}: entry {doc_id!r} is not a document")
    for name in TABLES:
        data.setdefault(name, {})
    return data


def _all_document_ids(keys: Collection[str]) -> bool:
    """Whether every one of ``keys`` is a document id."""
    if not keys:
        return True
    joined = "\n" + "\n".join(keys)
    # A key holding a newline would pass as two keys: count them too.
    return joined.count("\n") == len(keys) and _are_document_ids(joined) is not None


def _shown(key: str) -> str:
    """``key`` quoted, cut short when long."""
    if len(key) <= _SHOWN_KEY:
        return repr(key)
    return f"{key[:_SHOWN_KEY]!r}... ({len(key):,} characters)"


def needs_migration(data: RawData) -> bool:
    return schema_version(data) < SCHEMA_VERSION


def migrate(data: RawData) -> None:
    """Bring ``data`` to the current version, one step at a time."""
    version = schema_version(data)
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](data)
        version += 1
        next(iter(data[META_TABLE].values()))["schema_version"] = version
