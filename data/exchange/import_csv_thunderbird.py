"""Reading the CSV files Thunderbird writes (and Roundcube, which reads and
writes the same columns): "Primary Email", "Secondary Email", "Work Phone",
"Home Phone", "Mobile Number", "Display Name", "Organization"."""

from __future__ import annotations

from ..domain.models import ChannelKind, Rung
from .import_kinds import social_kind
from .import_records import ChannelRecord, ContactRecord, Record, joined, named

THUNDERBIRD = "Thunderbird CSV"
# Columns only Thunderbird's header has: one of them makes a file its.
COLUMNS = frozenset({"Primary Email", "Secondary Email", "Mobile Number", "Screen Name"})
# (column, rung, kind, label)
_CHANNELS = (
    ("Primary Email", Rung.PUBLIC, ChannelKind.EMAIL, ""),
    ("Secondary Email", Rung.PUBLIC, ChannelKind.EMAIL, ""),
    ("Work Phone", Rung.PUBLIC, ChannelKind.PHONE, "work"),
    ("Home Phone", Rung.PRIVATE, ChannelKind.PHONE, ""),
    ("Mobile Number", Rung.PUBLIC, ChannelKind.PHONE, "mobile"),
    ("Screen Name", Rung.PUBLIC, ChannelKind.IM, ""),
)


def thunderbird_row(line: int, row: dict[str, str]) -> Record:
    """One row of Thunderbird's CSV as a record."""
    record = ContactRecord(
        line=line,
        name=row.get("Display Name", "").strip()
        or joined(row.get("First Name", ""), row.get("Last Name", ""))
        or row.get("Nickname", "").strip(),
        org=row.get("Organization", "").strip(),
        role=row.get("Job Title", "").strip(),
        notes=row.get("Notes", "").strip(),
    )
    for column, rung, kind, label in _CHANNELS:
        value = row.get(column, "").strip()
        if value:
            record.add_channel(ChannelRecord(kind, value, rung=rung, label=label))
    for column in ("Web Page 1", "Web Page 2"):
        value = row.get(column, "").strip()
        profile = social_kind(value) if value else None
        if profile is not None:
            record.add_channel(ChannelRecord(profile, value))
    return named(record)
