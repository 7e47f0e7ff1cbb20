"""Reading CSV files exported by Google Contacts, Outlook, Thunderbird and
LinkedIn into contact records.

Google Contacts writes numbered column groups ("E-mail 1 - Label",
"E-mail 1 - Value"; its older files say "- Type" and "Organization 1 -
Name"), packs several values of one group into a cell separated by
" ::: ", and marks the preferred one with a "* " before its label. Outlook
writes one column per slot ("E-mail 2 Address", "Home Phone", "Job Title");
files in its style from other programs may say "Email Home" and "Email Work".
Thunderbird's and LinkedIn's readers have modules of their own.

Rows are numbered by the line they start on (a quoted note may span lines);
a row that does not fit the header is reported and skipped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator

from ..domain.models import ChannelKind, Rung
from . import import_csv_linkedin as linkedin
from . import import_csv_thunderbird as thunderbird
from .import_kinds import clean_label, rung_for, service_kind, social_kind
from .import_records import (
    BrokenRecord,
    ChannelRecord,
    ContactRecord,
    ImportFailedError,
    Record,
    joined,
    named,
)

GOOGLE = "Google Contacts CSV"
GOOGLE_OLD = "Google Contacts CSV (older format)"
OUTLOOK = "Outlook CSV"
MULTI = " ::: "
PREFERRED = "* "

# "E-mail 1 - Value", "Phone 2 - Label", "IM 1 - Service", "Organization 1 - Name"
_GROUP_COLUMN = re.compile(r"^(.+?) (\d+) - (.+)$")
_GOOGLE_KINDS = {"e-mail": ChannelKind.EMAIL, "phone": ChannelKind.PHONE}
# Labels that only repeat the type or the rung: not kept as the channel's label.
_PLAIN_LABELS = frozenset({"", "home", "work", "other", "personal", "private", "profile"})
# Google's group of all contacts: "* myContacts", and "* My Contacts" in its older files.
_SYSTEM_GROUPS = frozenset({"mycontacts"})
_OUTLOOK_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
_OUTLOOK_WEB = ("Web Page", "Personal Web Page")
_OUTLOOK_IM = ("IM Address", "IMAddress")
# "Email Home", "Email Work", "Email Other": other programs' Outlook-style columns.
_STYLED_EMAILS = (
    ("Email Home", Rung.PRIVATE),
    ("Email Work", Rung.PUBLIC),
    ("Email Other", Rung.PUBLIC),
)
_GROUP_PARTS = frozenset({"Value", "Label", "Type", "Name", "Title", "Service"})
FORMATS_READ = (
    "Google Contacts (current and older), Outlook, Thunderbird and LinkedIn Connections "
    "CSV, and vCard"
)

Row = dict[str, str]
RowReader = Callable[[int, Row], Record]


def parse_csv(text: str) -> tuple[str, Iterator[Record]]:
    """The file's flavour and its records, read as they are asked for. Raises
    ``ImportFailedError`` at once when the header is neither Google's nor Outlook's."""
    rows = _rows(text)
    first = next(rows, None)
    if first is None or isinstance(first, BrokenRecord):
        raise ImportFailedError("the file is empty, or its first line is not a CSV header")
    _, header = first
    if [cell.strip() for cell in header] == [linkedin.PREAMBLE]:
        # LinkedIn explains its missing emails above the header.
        for item in rows:
            if not isinstance(item, BrokenRecord) and linkedin.is_header(item[1]):
                header = item[1]
                break
    flavour, reader = _flavour(header)
    return flavour, _records(rows, header, reader)


def _records(
    rows: Iterator[tuple[int, list[str]] | BrokenRecord], header: list[str], reader: RowReader
) -> Iterator[Record]:
    for item in rows:
        if isinstance(item, BrokenRecord):
            yield item
            continue
        line, cells = item
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and not any(c.strip() for c in cells[len(header) :]):
            # Thunderbird ends every row with a comma its header does not have.
            cells = cells[: len(header)]
        if len(cells) != len(header):
            yield BrokenRecord(
                line,
                f"the row has {len(cells)} fields and the header {len(header)} "
                "(a stray comma or quote?)",
            )
            continue
        yield reader(line, dict(zip(header, cells, strict=True)))


def _rows(text: str) -> Iterator[tuple[int, list[str]] | BrokenRecord]:
    """Rows with the line each starts on; a row the csv module rejects
    becomes a ``BrokenRecord`` and reading goes on after it."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    previous = 0
    while True:
        start = previous + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problem = str(error)
            if "unexpected end of data" in problem:
                problem = "a quoted field is never closed before the end of the file"
            yield BrokenRecord(start, f"the row cannot be read as CSV: {problem}")
        else:
            yield start, cells
        previous = reader.line_num


def _flavour(header: list[str]) -> tuple[str, RowReader]:
    columns = set(header)
    grouped = {
        match.group(1)
        for column in header
        if (match := _GROUP_COLUMN.match(column)) and match.group(3) in _GROUP_PARTS
    }
    if linkedin.is_header(header):
        return linkedin.LINKEDIN, linkedin.linkedin_row
    if columns & thunderbird.COLUMNS:
        return thunderbird.THUNDERBIRD, thunderbird.thunderbird_row
    if "Given Name" in columns or "Group Membership" in columns or "Organization" in grouped:
        return GOOGLE_OLD, _google_row
    if grouped & {"E-mail", "Phone"} or "Labels" in columns or "Organization Name" in columns:
        return GOOGLE, _google_row
    outlook = {*_OUTLOOK_EMAILS, *(c for c, _ in _STYLED_EMAILS), "Business Phone", "Mobile Phone"}
    if columns & {*outlook, "Job Title", "Company"}:
        return OUTLOOK, _outlook_row
    shown = _short(", ".join(repr(c) for c in header[:4]) + (", ..." if len(header) > 4 else ""))
    raise ImportFailedError(
        f"the CSV header ({shown}) is not one bchan knows: it reads {FORMATS_READ} "
        "(columns such as 'E-mail 1 - Value', 'E-mail Address', 'Primary Email' "
        "or 'Email Address')"
    )


# --- Google -----------------------------------------------------------------------


def _google_row(line: int, row: Row) -> Record:
    name = row.get("Name", "").strip() or joined(
        row.get("First Name", "") or row.get("Given Name", ""),
        row.get("Middle Name", "") or row.get("Additional Name", ""),
        row.get("Last Name", "") or row.get("Family Name", ""),
    )
    record = ContactRecord(
        line=line,
        name=name or row.get("Nickname", "").strip() or row.get("File As", "").strip(),
        org=(row.get("Organization Name") or row.get("Organization 1 - Name") or "").strip(),
        role=(row.get("Organization Title") or row.get("Organization 1 - Title") or "").strip(),
        notes=row.get("Notes", "").strip(),
    )
    groups = row.get("Labels") or row.get("Group Membership") or ""
    for group in groups.split(MULTI):
        tag = group.strip().removeprefix(PREFERRED.strip()).strip()
        if tag and tag.casefold().replace(" ", "") not in _SYSTEM_GROUPS:
            record.tags.append(tag)
    for prefix, number in _groups(row):
        _google_group(record, row, prefix, number)
    return named(record)


def _groups(row: Row) -> list[tuple[str, str]]:
    """Each (group, number) with a Value column, in column order."""
    found = []
    for column in row:
        match = _GROUP_COLUMN.match(column)
        if match and match.group(3) == "Value":
            found.append((match.group(1), match.group(2)))
    return found


def _google_group(record: ContactRecord, row: Row, prefix: str, number: str) -> None:
    values = [v.strip() for v in row.get(f"{prefix} {number} - Value", "").split(MULTI)]
    raw_label = row.get(f"{prefix} {number} - Label") or row.get(f"{prefix} {number} - Type") or ""
    preferred = raw_label.startswith(PREFERRED)
    label = clean_label(raw_label.removeprefix(PREFERRED).strip())
    group = prefix.casefold()
    shown = "" if label.casefold() in _PLAIN_LABELS else label
    for position, value in enumerate(values):
        if not value:
            continue
        kind: ChannelKind | None
        channel_label = shown
        if group in _GOOGLE_KINDS:
            if group == "phone" and ("fax" in label.casefold() or "pager" in label.casefold()):
                continue
            kind = _GOOGLE_KINDS[group]
        elif group == "im":
            service = _part(row.get(f"IM {number} - Service", ""), position)
            kind = service_kind(service or label)
            if kind is ChannelKind.IM and not channel_label:
                # Kept as the label, or nothing would say which service it is.
                channel_label = service
        elif group == "website":
            kind = social_kind(value)
            if kind is None and label.casefold() not in ("", "profile", "home page", "homepage"):
                kind = service_kind(label, ChannelKind.OTHER)
                kind = None if kind is ChannelKind.OTHER else kind
        else:
            continue
        if kind is None:
            continue
        record.add_channel(
            ChannelRecord(
                kind=kind,
                address=value,
                rung=rung_for((), label),
                label=channel_label,
                # "* Home" marks the group's first value as the preferred one.
                their_preference=preferred and position == 0,
            )
        )


def _part(cell: str, position: int) -> str:
    """The part of a " ::: " cell that goes with the group's value at
    ``position``: Google writes one per value ("Google Talk ::: Skype"), or
    one for them all."""
    parts = [part.strip() for part in cell.split(MULTI)]
    return parts[position] if position < len(parts) else parts[-1]


# --- Outlook ----------------------------------------------------------------------------


def _outlook_row(line: int, row: Row) -> Record:
    record = ContactRecord(
        line=line,
        name=joined(row.get("First Name", ""), row.get("Middle Name", ""), row.get("Last Name", ""))
        or row.get("Nickname", "").strip(),
        org=row.get("Company", "").strip(),
        role=row.get("Job Title", "").strip(),
        notes=row.get("Notes", "").strip(),
    )
    for tag in re.split(r"[;,]", row.get("Categories", "")):
        if tag.strip():
            record.tags.append(tag.strip())
    for column in _OUTLOOK_EMAILS:
        record.add_channel(ChannelRecord(ChannelKind.EMAIL, row.get(column, "").strip()))
    for column, rung in _STYLED_EMAILS:
        record.add_channel(ChannelRecord(ChannelKind.EMAIL, row.get(column, "").strip(), rung=rung))
    for column, value in row.items():
        if column == "Primary Phone" or not _is_phone_column(column) or not value.strip():
            continue
        slot = column.removesuffix(" 2").removesuffix("Phone").strip()
        rung = Rung.PRIVATE if slot.casefold() == "home" else Rung.PUBLIC
        label = "" if slot.casefold() in ("home", "other") else slot.casefold()
        record.add_channel(ChannelRecord(ChannelKind.PHONE, value.strip(), rung=rung, label=label))
    primary = row.get("Primary Phone", "").strip()
    if primary:
        # The same number in another column only gains the preference.
        record.add_channel(ChannelRecord(ChannelKind.PHONE, primary, their_preference=True))
    for column in _OUTLOOK_IM:
        record.add_channel(ChannelRecord(ChannelKind.IM, row.get(column, "").strip()))
    for column in _OUTLOOK_WEB:
        value = row.get(column, "").strip()
        kind = social_kind(value) if value else None
        if kind is not None:
            rung = Rung.PRIVATE if column.startswith("Personal") else Rung.PUBLIC
            record.add_channel(ChannelRecord(kind, value, rung=rung))
    return named(record)


def _is_phone_column(column: str) -> bool:
    base = column.removesuffix(" 2")
    return (base.endswith("Phone") or base in ("Callback", "ISDN")) and "Fax" not in base


# The most of a header an error quotes: a binary file's "header" can be any
# length.
HEADER_SHOWN = 100


def _short(header: str) -> str:
    return header if len(header) <= HEADER_SHOWN else header[: HEADER_SHOWN - 1] + "…"
