"""Reading LinkedIn's Connections.csv, the export salespeople have: a few
"Notes:" lines before the header, then "First Name, Last Name, URL, Email
Address, Company, Position, Connected On"."""

from __future__ import annotations

from ..domain.models import ChannelKind
from .import_records import ChannelRecord, ContactRecord, Record, joined, named

LINKEDIN = "LinkedIn Connections CSV"
COLUMNS = frozenset({"First Name", "Last Name", "URL", "Email Address", "Connected On"})
PREAMBLE = "Notes:"


def is_header(cells: list[str]) -> bool:
    return {cell.strip() for cell in cells} >= COLUMNS


def linkedin_row(line: int, row: dict[str, str]) -> Record:
    """One connection as a record: their profile, and their email when they
    let their connections see it."""
    record = ContactRecord(
        line=line,
        name=joined(row.get("First Name", ""), row.get("Last Name", "")),
        org=row.get("Company", "").strip(),
        role=row.get("Position", "").strip(),
    )
    email = row.get("Email Address", "").strip()
    if email:
        record.add_channel(ChannelRecord(ChannelKind.EMAIL, email))
    profile = row.get("URL", "").strip()
    if profile:
        record.add_channel(ChannelRecord(ChannelKind.LINKEDIN, profile))
    return named(record)
