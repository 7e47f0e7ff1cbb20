"""Importing contacts from vCard and CSV files (DESIGN.md section 5: imports
report per-record problems with counts; duplicates are detected, not doubled).

A file is read into ``ContactRecord``s (or ``BrokenRecord``s naming the line
and what is wrong) by ``import_vcard`` or ``import_csv``, one record at a
time as the plan asks for it. ``plan_import`` matches each record against
the book and against the records before it: a contact with the same email
or phone number and a name that may be the same person's, or exactly the
same name and organisation, is merged (new channels and empty fields filled
in), never doubled, so importing the same file twice adds nothing. A shared
number or mailbox under another name adds a new contact, reported as a
possible duplicate: a channel never moves onto a person of another name.
Every record is validated by the store's own rules while planning, so
``--dry-run`` reports exactly what a real import does.
``apply_import`` writes the plan in one ``Store.batch()``: all of it is
saved, or none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.fields import CHANNEL_FIELDS, CONTACT_FIELDS, clean_fields
from ..domain.models import Channel, ChannelKind, Contact
from ..domain.search_text import fold, words_of
from ..domain.text import clean_line
from ..errors import ValidationError
from ..storage.store import Store
from .import_csv import parse_csv
from .import_keys import PHONE_KINDS, channel_key, name_key, normal_email, normal_phone
from .import_plan import (
    ImportPlan,
    ImportReport,
    Outcome,
    PlannedContact,
    PlannedMerge,
    ReportLine,
    Target,
)
from .import_records import BrokenRecord, ChannelRecord, ContactRecord, ImportFailedError, Record
from .import_text import decode_card_text, decode_text, text_lines
from .import_vcard import looks_like_vcard, read_vcards

# Contact fields filled in on a merge when the book has them empty.
MERGED_FIELDS = ("org", "role", "notes", "codename", "vcard")
_FIELD_WORDS = {
    "org": "organisation",
    "role": "role",
    "notes": "notes",
    "codename": "codename",
    "vcard": "vCard details",
}
REASON_MAX = 120


# --- what a file holds ----------------------------------------------------------


@dataclass(frozen=True)
class ParsedFile:
    """What a file holds, and in which format it was read. The records are
    read as they are iterated, once: a large file's records are never all
    in memory together."""

    format: str
    records: Iterator[Record]


def read_import_file(path: Path) -> ParsedFile:
    """Read a vCard (.vcf) or a Google or Outlook CSV file, by its content.
    Raises ``ImportFailedError`` at once when the file cannot be read at all."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFailedError(f"cannot read {path}: {error.strerror or error}") from None
    text, byte_for_byte = decode_card_text(raw)
    if looks_like_vcard(text) or path.suffix.casefold() in (".vcf", ".vcard"):
        return ParsedFile("vCard", read_vcards(text_lines(text), latin1=byte_for_byte))
    flavour, records = parse_csv(decode_text(raw) if byte_for_byte else text)
    return ParsedFile(flavour, records)


# --- matching -------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """The contact a record is (``target``, None for nobody), why we think
    so, and who shares an address with it without being the same person."""

    target: Target | None
    why: str = ""
    resembles: tuple[str, ...] = ()


class _Book:
    """The match keys of the book, and of what the plan adds as it goes."""

    def __init__(self, store: Store) -> None:
        self.contacts: dict[str, Contact] = {}
        self.by_email: dict[str, list[Target]] = {}
        self.by_phone: dict[str, list[Target]] = {}
        self.by_name: dict[tuple[str, str], Target] = {}
        self.by_codename: dict[str, Target] = {}
        self.channel_keys: dict[str | int, set[tuple[str, str]]] = {}
        for contact in store.contacts(include_archived=True):
            self.contacts[contact.id] = contact
            self.remember(contact.id, contact.name, contact.org, contact.codename)
        # Retired channels too: an address the user retired is not brought back.
        for channel in store.channels():
            if channel.contact_id in self.contacts:
                target = self.contacts[channel.contact_id].id
                self.remember_channel(target, channel.kind, channel.address, channel.label)

    def keys_of(self, target: Target) -> set[tuple[str, str]]:
        # A planned contact has no id yet: it is known by the object itself.
        key = target if isinstance(target, str) else id(target)
        return self.channel_keys.setdefault(key, set())

    def name_of(self, target: Target) -> str:
        if isinstance(target, PlannedContact):
            return str(target.fields["name"])
        return self.contacts[target].name

    def remember(self, target: Target, name: str, org: str, codename: str = "") -> None:
        self.by_name.setdefault(name_key(name, org), target)
        self.remember_codename(target, codename)

    def remember_codename(self, target: Target, codename: str) -> None:
        if codename:
            self.by_codename.setdefault(fold(codename), target)

    def remember_channel(self, target: Target, kind: ChannelKind, address: str, label: str) -> None:
        self.keys_of(target).add(channel_key(kind, address, label))
        owners: list[Target] | None = None
        if kind is ChannelKind.EMAIL and address.strip():
            owners = self.by_email.setdefault(normal_email(address), [])
        elif kind in PHONE_KINDS and (phone := normal_phone(address)):
            owners = self.by_phone.setdefault(phone, [])
        if owners is not None and not any(_same(owner, target) for owner in owners):
            owners.append(target)

    def match(self, record: ContactRecord) -> Match:
        """The contact a record is: one with the same email or number and a
        name that may be the same person's, or exactly the same name and
        organisation. A shared switchboard number, household phone or team
        mailbox under another name is not the same person: it is only
        named in ``resembles``."""
        resembles: dict[str, None] = {}
        for channel in record.channels:
            if channel.kind is ChannelKind.EMAIL:
                owners = self.by_email.get(normal_email(channel.address), [])
                why = f"same email {channel.address}"
            elif channel.kind in PHONE_KINDS and (phone := normal_phone(channel.address)):
                owners = self.by_phone.get(phone, [])
                why = f"same number {channel.address}"
            else:
                continue
            for owner in owners:
                if same_person(self.name_of(owner), record.name):
                    return Match(owner, why)
                resembles.setdefault(f"{_quoted(self.name_of(owner))} ({why})")
        found = self.by_name.get(name_key(record.name, record.org))
        if found is not None:
            return Match(found, "same name and organisation" if record.org else "same name")
        return Match(None, resembles=tuple(resembles))

    def codename_taken(self, codename: str, target: Target | None) -> str | None:
        """Whose codename ``codename`` already is, when not ``target``'s."""
        owner = self.by_codename.get(fold(codename)) if codename else None
        if owner is None or (target is not None and _same(owner, target)):
            return None
        return self.name_of(owner)


def _same(one: Target, other: Target) -> bool:
    # A planned contact is itself (two may hold equal fields); a contact of
    # the book is its id.
    if isinstance(one, PlannedContact) or isinstance(other, PlannedContact):
        return one is other
    return one == other


def same_person(name: str, other: str) -> bool:
    """Whether two names may be one person's: every word of the shorter one
    starts a word of the longer ("Marta L." and "Lindqvist, Marta" are
    Marta Lindqvist; "Erik Berg" is not Anna Berg)."""
    mine, theirs = words_of(name).split(), words_of(other).split()
    if not mine or not theirs:
        return False
    short, long = sorted((mine, theirs), key=len)
    return all(any(word.startswith(part) for word in long) for part in short)


def plan_import(store: Store, parsed: ParsedFile, source: str) -> ImportPlan:
    """Decide, record by record, what importing ``parsed`` into the book does.
    Reads the store; writes nothing."""
    book = _Book(store)
    plan = ImportPlan(source, parsed.format)
    for record in parsed.records:
        if isinstance(record, BrokenRecord):
            plan.lines.append(ReportLine(record.line, Outcome.SKIPPED, _reason(record.reason)))
            continue
        try:
            _plan_record(book, plan, record)
        except ValidationError as error:
            plan.lines.append(ReportLine(record.line, Outcome.SKIPPED, _reason(str(error))))
    return plan


def _plan_record(book: _Book, plan: ImportPlan, record: ContactRecord) -> None:
    channels = [_channel_fields(channel) for channel in record.channels]
    matched = book.match(record)
    target = matched.target
    taken = book.codename_taken(record.codename, target)
    if taken is not None:
        # Two people under one codename would make a redacted export say
        # one's words in the other's name.
        raise ValidationError(f"codename {record.codename!r} is already {_quoted(taken)}'s")
    if target is None:
        fields = clean_fields(CONTACT_FIELDS, _contact_values(record))
        new = PlannedContact(record.line, fields, [])
        _take_channels(book, new, new.channels, channels)
        plan.new.append(new)
        book.remember(new, fields["name"], fields.get("org", ""), fields.get("codename", ""))
        count = len(new.channels)
        text = f"{_quoted(fields['name'])} with {count} channel{'s' if count != 1 else ''}"
        if matched.resembles:
            text += f"; possible duplicate of {', '.join(matched.resembles)}"
        plan.lines.append(ReportLine(record.line, Outcome.ADDED, _with_problems(text, record)))
        return
    why = matched.why
    if isinstance(target, PlannedContact):
        changes = _fill_in(target.fields, record)
        target.fields.update(changes)
        added = _take_channels(book, target, target.channels, channels)
        who = f"{_quoted(target.fields['name'])} (line {target.line})"
    else:
        merge = plan.merges.setdefault(target, PlannedMerge(target))
        contact = book.contacts[target]
        current = {name: getattr(contact, name) for name in MERGED_FIELDS}
        current.update({k: v for k, v in merge.changes.items() if k in MERGED_FIELDS})
        current["tags"] = merge.changes.get("tags", contact.tags)
        changes = _fill_in(current, record)
        merge.changes.update(changes)
        added = _take_channels(book, target, merge.channels, channels)
        who = _quoted(contact.name) + (" (archived)" if contact.archived else "")
    if "codename" in changes:
        book.remember_codename(target, changes["codename"])
    news = [f"{added} new channel{'s' if added != 1 else ''}"] if added else []
    news.extend(_FIELD_WORDS.get(name, name) for name in changes)
    if news:
        text = f"into {who}, {why}: {', '.join(news)}"
    else:
        text = f"already in the book as {who}, {why}: nothing new"
    plan.lines.append(ReportLine(record.line, Outcome.MERGED, _with_problems(text, record)))


def _with_problems(text: str, record: ContactRecord) -> str:
    """The report of a record, with what of it could not be read."""
    if not record.problems:
        return text
    return f"{text}; left out: {'; '.join(record.problems)}"


def _contact_values(record: ContactRecord) -> dict[str, Any]:
    values: dict[str, Any] = {"name": record.name}
    for name in MERGED_FIELDS:
        if getattr(record, name):
            values[name] = getattr(record, name)
    if record.tags:
        values["tags"] = list(record.tags)
    return values


def _fill_in(current: dict[str, Any], record: ContactRecord) -> dict[str, Any]:
    """Fields the record brings that the contact lacks (validated)."""
    changes: dict[str, Any] = {}
    for name in MERGED_FIELDS:
        value = getattr(record, name)
        if value and not current.get(name):
            changes[name] = value
    tags = tuple(current.get("tags") or ())
    extra = [tag for tag in record.tags if tag not in tags]
    if extra:
        changes["tags"] = [*tags, *extra]
    cleaned = clean_fields(CONTACT_FIELDS, changes)
    # Cleaning may reduce a tag to one the contact has already.
    if "tags" in cleaned and tuple(cleaned["tags"]) == tags:
        del cleaned["tags"]
    return {k: v for k, v in cleaned.items() if v}


def _channel_fields(channel: ChannelRecord) -> dict[str, Any]:
    values: dict[str, Any] = {
        "rung": channel.rung,
        "kind": channel.kind,
        "address": channel.address,
        "their_preference": channel.their_preference,
    }
    if channel.label:
        values["label"] = channel.label
    return clean_fields(CHANNEL_FIELDS, values)


def _take_channels(
    book: _Book,
    target: Target,
    into: list[dict[str, Any]],
    channels: Sequence[dict[str, Any]],
) -> int:
    """Add the channels the target does not have yet; return how many."""
    known = book.keys_of(target)
    added = 0
    for values in channels:
        key = channel_key(values["kind"], values["address"], values.get("label", ""))
        if key in known:
            continue
        into.append(values)
        book.remember_channel(target, values["kind"], values["address"], values.get("label", ""))
        added += 1
    return added


def _quoted(name: str) -> str:
    return f'"{name}"'


def _reason(text: str) -> str:
    line = clean_line(text)
    return line if len(line) <= REASON_MAX else line[: REASON_MAX - 1] + "…"


# --- writing ------------------------------------------------------------------------------


def apply_import(store: Store, plan: ImportPlan) -> list[Channel]:
    """Write the plan in one batch: every change is saved, or none is.
    Returns the channels added."""
    added: list[Channel] = []
    if not plan.writes_anything:
        return added
    with store.batch():
        for new in plan.new:
            contact = store.add_contact(**new.fields)
            added.extend(_add_channels(store, contact.id, new.channels))
        for merge in plan.merges.values():
            if merge.changes:
                store.update_contact(merge.contact_id, **merge.changes)
            added.extend(_add_channels(store, merge.contact_id, merge.channels))
    return added


def _add_channels(
    store: Store, contact_id: str, channels: Iterable[dict[str, Any]]
) -> list[Channel]:
    return [store.add_channel(contact_id, **values) for values in channels]


def import_file(store: Store, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Read, plan and (unless ``dry_run``) write an import; the report either way."""
    parsed = read_import_file(path)
    plan = plan_import(store, parsed, str(path))
    if not dry_run:
        apply_import(store, plan)
    return plan.report(dry_run=dry_run)
