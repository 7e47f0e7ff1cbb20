"""The file's shape: table names, the schema version and its migrations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "_meta"
TABLES = ("contacts", "channels", "touches", "intel", "accounts")

RawData = dict[str, dict[str, Any]]

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
    """Check tables and documents are objects keyed by document id."""
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
        # Checked in C first (a size-M book has 150,000 documents); the loop
        # only runs to name the entry that is wrong.
        if all(map(str.isdigit, table)) and {type(doc) for doc in table.values()} <= {dict}:
            continue
        for doc_id, doc in table.items():
            if not doc_id.isdigit() or not isinstance(doc, dict):
                raise SchemaMismatch(f"table {name!r}: entry {doc_id!r} is not a document")
    for name in TABLES:
        data.setdefault(name, {})
    return data


def needs_migration(data: RawData) -> bool:
    return schema_version(data) < SCHEMA_VERSION


def migrate(data: RawData) -> None:
    """Bring ``data`` to the current version, one step at a time."""
    version = schema_version(data)
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](data)
        version += 1
        next(iter(data[META_TABLE].values()))["schema_version"] = version
