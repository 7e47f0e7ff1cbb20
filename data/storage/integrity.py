"""``bchan check``: the file parses, every document matches the schema (the
decoders keep numbers and times in bounds), every reference points at
something, and values keep the domain's bounds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import msgspec

from ..book.codec import (
    SchemaProblem,
    account_from_doc,
    channel_from_doc,
    contact_from_doc,
    intel_from_doc,
    touch_from_doc,
)
from ..book.conflicts import conflict_from_doc
from ..book.schema import TABLES, schema_version
from ..domain.models import Contact
from ..domain.search_text import fold
from ..errors import BrokenDatabaseError
from .backups import newest_backup
from .book_file import read_book
from .book_lines import is_line_form

SHOWN_PROBLEMS = 20
# Enough of the file to tell its form: the first line of either form is short.
_HEAD = 4096
_FORMS = {
    True: "one document per line (git can diff and merge it)",
    False: "TinyDB's single line (written one document per line at the next save)",
}

_DECODERS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "accounts": account_from_doc,
    "contacts": contact_from_doc,
    "channels": channel_from_doc,
    "touches": touch_from_doc,
    "intel": intel_from_doc,
    "conflicts": conflict_from_doc,
}


class IntegrityReport(msgspec.Struct):
    path: Path
    version: int | None = None
    # Whether the file is written one document per line (else TinyDB's one line).
    line_form: bool | None = None
    counts: dict[str, int] = msgspec.field(default_factory=dict)
    problems: list[str] = msgspec.field(default_factory=list)
    backup: Path | None = None

    @property
    def healthy(self) -> bool:
        return self.version is not None and not self.problems

    def render(self) -> str:
        lines = [f"database: {self.path}"]
        if self.version is not None:
            lines.append(f"schema version: {self.version}")
        if self.line_form is not None:
            lines.append(f"form: {_FORMS[self.line_form]}")
        lines.extend(f"{name}: {count:,}" for name, count in self.counts.items())
        lines.append(f"newest backup: {self.backup or 'none'}")
        if self.healthy:
            lines.append("ok: no problems found")
        else:
            lines.append(f"{len(self.problems)} problem(s):")
            lines.extend(f"  - {p}" for p in self.problems[:SHOWN_PROBLEMS])
            if len(self.problems) > SHOWN_PROBLEMS:
                lines.append(f"  ... and {len(self.problems) - SHOWN_PROBLEMS} more")
        return "\n".join(lines)


def check_database(path: Path) -> IntegrityReport:
    report = IntegrityReport(path=path, backup=newest_backup(path))
    if not path.exists():
        report.problems.append("the file does not exist")
        return report
    try:
        data, _ = read_book(path)
    except BrokenDatabaseError as error:
        report.problems.append(str(error))
        return report
    report.version = schema_version(data)
    with path.open("rb") as file:
        report.line_form = is_line_form(file.read(_HEAD))
    records: dict[str, dict[str, Any]] = {}
    for table in TABLES:
        records[table] = _decode_table(table, data.get(table, {}), report.problems)
        report.counts[table] = len(data.get(table, {}))
    report.problems.extend(_reference_problems(records))
    return report


def _decode_table(table: str, docs: Mapping[str, Any], problems: list[str]) -> dict[str, Any]:
    decode = _DECODERS[table]
    decoded: dict[str, Any] = {}
    ids: Counter[str] = Counter()
    for key, doc in docs.items():
        try:
            record = decode(doc)
        except SchemaProblem as problem:
            problems.append(f"{table} document {key}: {problem}")
            continue
        ids[record.id] += 1
        decoded[record.id] = record
        problems.extend(f"{table} document {key}: {p}" for p in _unhealthy(table, record))
    problems.extend(f"{table}: id {i} is used {n} times" for i, n in ids.items() if n > 1)
    return decoded


def _unhealthy(table: str, record: Any) -> list[str]:
    """What is wrong with a record the decoders accept."""
    if table == "contacts" and not record.name.strip():
        return ["empty name"]
    return []


def _reference_problems(records: dict[str, dict[str, Any]]) -> list[str]:
    contacts, channels = records["contacts"], records["channels"]
    touches, accounts = records["touches"], records["accounts"]
    found = _shared_codenames(contacts.values())
    found += [
        f"contact {c.id} names a missing account {c.account_id}"
        for c in contacts.values()
        if c.account_id and c.account_id not in accounts
    ]
    found += [
        f"channel {ch.id} belongs to a missing contact {ch.contact_id}"
        for ch in channels.values()
        if ch.contact_id not in contacts
    ]
    for touch in touches.values():
        channel = channels.get(touch.channel_id)
        if touch.contact_id not in contacts:
            found.append(f"touch {touch.id} names a missing contact {touch.contact_id}")
        if channel is None:
            found.append(f"touch {touch.id} names a missing channel {touch.channel_id}")
        elif channel.contact_id != touch.contact_id:
            found.append(f"touch {touch.id} is on a channel of another contact")
    for item in records["intel"].values():
        if item.contact_id not in contacts:
            found.append(f"intel {item.id} names a missing contact {item.contact_id}")
        if item.touch_id and item.touch_id not in touches:
            found.append(f"intel {item.id} names a missing touch {item.touch_id}")
    return found


def _shared_codenames(contacts: Iterable[Contact]) -> list[str]:
    """Codenames two contacts share: a redacted export would merge them."""
    holders: dict[str, list[Contact]] = {}
    for contact in contacts:
        if contact.codename:
            holders.setdefault(fold(contact.codename), []).append(contact)
    return [
        f"codename {same[0].codename!r} is shared by contacts "
        + ", ".join(contact.id for contact in same)
        for same in holders.values()
        if len(same) > 1
    ]
