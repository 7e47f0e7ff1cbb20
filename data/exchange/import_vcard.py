"""Reading vCard 3.0 and 4.0 files (one or many cards) into contact records.

The file is cut into cards by their BEGIN:VCARD / END:VCARD lines first, so
each card is parsed on its own by vobject: a broken card is reported with
the line it starts on and skipped, and the cards around it still import.
Cards are read as the caller asks for them, so only one is in memory at a
time, however large the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import vobject

from ..domain.models import ChannelKind, Rung
from .export_vcard import BCHAN_CHANNEL, BCHAN_CODENAME, BCHAN_KIND, BCHAN_RUNG
from .import_kinds import clean_label, rung_for, service_kind, social_kind, split_scheme
from .import_records import BrokenRecord, ChannelRecord, ContactRecord, Record
from .import_text import text_lines

_BEGIN = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*END\s*:\s*VCARD\s*$", re.IGNORECASE)
_VOBJECT_LINE = re.compile(r"^At line \d+: ", re.IGNORECASE)
_FAILED_LINE = "Failed to parse line:"

# Properties that are one network each, under their own name.
_NAMED_PROFILES: dict[str, ChannelKind] = {
    "X-TWITTER": ChannelKind.X,
    "X-LINKEDIN": ChannelKind.LINKEDIN,
    "X-MASTODON": ChannelKind.MASTODON,
    "X-TELEGRAM": ChannelKind.TELEGRAM,
    "X-SIGNAL": ChannelKind.SIGNAL,
    "X-WHATSAPP": ChannelKind.WHATSAPP,
    "X-SKYPE": ChannelKind.IM,
    "X-SKYPE-USERNAME": ChannelKind.IM,
    "X-JABBER": ChannelKind.IM,
    "X-AIM": ChannelKind.IM,
    "X-ICQ": ChannelKind.IM,
    "X-MSN": ChannelKind.IM,
    "X-YAHOO": ChannelKind.IM,
    "X-GOOGLE-TALK": ChannelKind.IM,
    "X-GTALK": ChannelKind.IM,
    "X-QQ": ChannelKind.IM,
    "X-GADUGADU": ChannelKind.IM,
}
_SOCIAL_PROFILES = frozenset({"SOCIALPROFILE", "X-SOCIALPROFILE"})
VERSIONS = frozenset({"2.1", "3.0", "4.0"})


def looks_like_vcard(text: str) -> bool:
    """True when the first line with text opens a card."""
    for line in text_lines(text):
        if line.strip():
            return bool(_BEGIN.match(line))
    return False


def split_cards(file_lines: Iterable[str]) -> Iterator[tuple[int, str] | BrokenRecord]:
    """Each card's first line number and text, or what is wrong around it,
    in file order."""
    start: int | None = None
    lines: list[str] = []
    stray: int | None = None
    for number, line in enumerate(file_lines, start=1):
        if _BEGIN.match(line):
            if start is not None:
                yield BrokenRecord(start, "the card has no END:VCARD before the next card")
            if stray is not None:
                yield BrokenRecord(stray, "text outside BEGIN:VCARD ... END:VCARD")
                stray = None
            start, lines = number, [line]
        elif start is not None:
            lines.append(line)
            if _END.match(line):
                yield start, "\r\n".join(lines) + "\r\n"
                start, lines = None, []
        elif line.strip() and stray is None:
            stray = number
    if start is not None:
        yield BrokenRecord(start, "the file ends inside this card (no END:VCARD)")
    if stray is not None:
        yield BrokenRecord(stray, "text outside BEGIN:VCARD ... END:VCARD")


def read_vcards(file_lines: Iterable[str]) -> Iterator[Record]:
    """Every card of a file, given its lines, as a record, in file order."""
    # split_cards already yields in file order: nothing waits to be sorted.
    for piece in split_cards(file_lines):
        yield piece if isinstance(piece, BrokenRecord) else parse_card(*piece)


def parse_card(line: int, text: str) -> Record:
    """One card (starting at ``line`` of the file) as a record."""
    try:
        card = vobject.readOne(text, validate=False)
    except Exception as error:  # vobject raises many kinds on bad input
        return BrokenRecord(line, _vobject_problem(line, text, error))
    children = list(card.getChildren())
    version = _first_text(children, "VERSION")
    if version and version not in VERSIONS:
        return BrokenRecord(line, f"vCard version {version} is not supported (3.0 and 4.0 are)")
    name = _name(children)
    record = ContactRecord(line=line, name=name)
    labels = {
        child.group.casefold(): clean_label(_text(child.value))
        for child in children
        if child.name == "X-ABLABEL" and child.group
    }
    for child in children:
        _read_property(record, child, labels)
    if not record.name:
        record.name = _fallback_name(record)
    if not record.name:
        return BrokenRecord(line, "the card has no name (FN or N) and no address to name it by")
    return record


def _vobject_problem(start: int, text: str, error: Exception) -> str:
    message = _VOBJECT_LINE.sub("", str(error).strip()) or type(error).__name__
    # vobject's own line numbers are unreliable; find the line it quotes.
    quoted = message.partition(_FAILED_LINE)[2].strip()
    if quoted:
        for offset, line in enumerate(text.splitlines()):
            if line.strip() == quoted:
                return f"the card cannot be read: line {start + offset} is not a vCard property"
    return f"the card cannot be read: {message}"


def _read_property(record: ContactRecord, child: Any, labels: dict[str, str]) -> None:
    name = child.name
    if name == "ORG":
        org = _org(child.value)
        record.org = record.org or org
    elif name in ("TITLE", "ROLE"):
        record.role = record.role or _text(child.value)
    elif name == "NOTE":
        note = _text(child.value).strip()
        record.notes = (
            f"{record.notes}\n\n{note}" if record.notes and note else record.notes or note
        )
    elif name == "CATEGORIES":
        values = child.value if isinstance(child.value, list) else _text(child.value).split(",")
        record.tags.extend(tag.strip() for tag in values if tag.strip())
    elif name == BCHAN_CODENAME:
        record.codename = _text(child.value)
    else:
        label = labels.get((child.group or "").casefold(), "")
        channel = _channel(child, label)
        if channel is not None:
            record.add_channel(channel, allow_empty=child.name == BCHAN_CHANNEL)


def _channel(child: Any, label: str) -> ChannelRecord | None:
    """The channel a property describes, or None for properties that are not one."""
    name = child.name
    value = _text(child.value).strip()
    types = _types(child.params)
    kind: ChannelKind | None
    if name == "EMAIL":
        kind, value = ChannelKind.EMAIL, value.removeprefix("mailto:")
    elif name == "TEL":
        if "fax" in types or "pager" in types:
            return None
        kind = ChannelKind.PHONE
        value = value[4:] if value.casefold().startswith("tel:") else value
    elif name == "IMPP":
        scheme, value = split_scheme(value)
        service = _param(child.params, "X-SERVICE-TYPE") or _param(child.params, "SERVICE-TYPE")
        kind = service_kind(service or scheme)
    elif name in _SOCIAL_PROFILES:
        service = (
            _param(child.params, "SERVICE-TYPE")
            or _param(child.params, "X-SERVICE-TYPE")
            or next(
                (t for t in types if service_kind(t, ChannelKind.OTHER) is not ChannelKind.OTHER),
                "",
            )
        )
        kind = service_kind(service, ChannelKind.OTHER)
        if kind is ChannelKind.OTHER:
            kind = social_kind(value) or ChannelKind.OTHER
    elif name in _NAMED_PROFILES:
        kind = _NAMED_PROFILES[name]
    elif name == "URL":
        kind = social_kind(value)
    elif name == BCHAN_CHANNEL:
        kind = ChannelKind.OTHER
    else:
        return None
    kind = _bchan_kind(child.params) or kind
    if kind is None:
        return None
    return ChannelRecord(
        kind=kind,
        address=value,
        rung=_bchan_rung(child.params) or rung_for(types, label),
        label=label if label.casefold() not in _PLAIN_LABELS else "",
        their_preference="pref" in types or _param(child.params, "PREF") == "1",
    )


# Labels that only repeat the type (or the rung): not worth keeping.
_PLAIN_LABELS = frozenset({"", "home", "work", "other", "personal", "private", "internet"})


def _bchan_kind(params: dict[str, list[str]]) -> ChannelKind | None:
    try:
        return ChannelKind(_param(params, BCHAN_KIND).casefold())
    except ValueError:
        return None


def _bchan_rung(params: dict[str, list[str]]) -> Rung | None:
    try:
        return Rung(_param(params, BCHAN_RUNG).casefold())
    except ValueError:
        return None


def _types(params: dict[str, list[str]]) -> set[str]:
    """TYPE values, lower case; "voice,cell" in one value counts as two.
    vCard 2.1's bare parameters (TEL;HOME:...) count as types too."""
    found: set[str] = set()
    for key, values in params.items():
        if key.upper() == "TYPE":
            for value in values:
                found.update(part.strip().casefold() for part in value.split(","))
        elif not values:
            found.add(key.casefold())
    return found


def _param(params: dict[str, list[str]], key: str) -> str:
    values = params.get(key) or params.get(key.lower()) or []
    return str(values[0]).strip() if values else ""


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(part) for part in value if part)
    return str(value) if value is not None else ""


def _first_text(children: list[Any], name: str) -> str:
    return next((_text(child.value).strip() for child in children if child.name == name), "")


def _org(value: Any) -> str:
    # ORG is "Organisation;Unit;Unit": the first part is the organisation.
    if isinstance(value, list):
        return str(value[0]).strip() if value else ""
    return _text(value).strip()


def _name(children: list[Any]) -> str:
    full = _first_text(children, "FN")
    if full:
        return full
    for child in children:
        if child.name == "N":
            parts = (
                getattr(child.value, attribute, "")
                for attribute in ("prefix", "given", "additional", "family", "suffix")
            )
            text = " ".join(_text(part).strip() for part in parts if _text(part).strip())
            if text:
                return text
    return ""


def _fallback_name(record: ContactRecord) -> str:
    """A card without a name is named by its organisation or first address."""
    if record.org:
        return record.org
    return next((c.address for c in record.channels if c.address), "")
