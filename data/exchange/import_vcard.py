"""Reading vCard 2.1, 3.0 and 4.0 files (one or many cards) into contact records.

The file is cut into cards by their BEGIN:VCARD / END:VCARD lines first, and
each card's lines are read on their own (see ``vcard_lines``): a card that
cannot be read is reported with the line it starts on and skipped, and the
cards around it still import; a property that cannot be read is reported with
its line and skipped, and the rest of its card imports. Cards are read as the
caller asks for them, so only one is in memory at a time, however large the
file.

What bchan does not model (N, BDAY, NICKNAME, ADR, URL, PHOTO, the other
parts of ORG, a phone's TEL types, IMPP's scheme and service) is kept with
the contact, one vCard 3.0 line each, for ``bchan export --format vcard``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..domain.models import ChannelKind, Rung
from ..domain.validate import CARD_MAX
from .import_kinds import clean_label, rung_for, service_kind, social_kind, split_scheme
from .import_records import BrokenRecord, ChannelRecord, ContactRecord, Record
from .import_text import text_lines
from .vcard_lines import (
    BadLine,
    ContentLine,
    components,
    logical_lines,
    parse_line,
    structured_name,
    unescape,
)
from .vcard_names import BCHAN_CHANNEL, BCHAN_CODENAME, BCHAN_KIND, BCHAN_RUNG

_BEGIN = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*END\s*:\s*VCARD\s*$", re.IGNORECASE)

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


Card = list[tuple[int, str]]


def split_cards(file_lines: Iterable[str]) -> Iterator[tuple[int, Card] | BrokenRecord]:
    """Each card's first line number and its lines (with their numbers), or
    what is wrong around it, in file order."""
    start: int | None = None
    lines: Card = []
    stray: int | None = None
    for number, line in enumerate(file_lines, start=1):
        if _BEGIN.match(line):
            if start is not None:
                yield BrokenRecord(start, "the card has no END:VCARD before the next card")
            if stray is not None:
                yield BrokenRecord(stray, "text outside BEGIN:VCARD ... END:VCARD")
                stray = None
            start, lines = number, []
        elif start is not None:
            if _END.match(line):
                yield start, lines
                start, lines = None, []
            else:
                lines.append((number, line))
        elif line.strip() and stray is None:
            stray = number
    if start is not None:
        yield BrokenRecord(start, "the file ends inside this card (no END:VCARD)")
    if stray is not None:
        yield BrokenRecord(stray, "text outside BEGIN:VCARD ... END:VCARD")


def read_vcards(file_lines: Iterable[str], *, latin1: bool = False) -> Iterator[Record]:
    """Every card of a file, given its lines, as a record, in file order.
    ``latin1``: the file was read byte for byte (it is not UTF-8), so each
    value is decoded by its own CHARSET."""
    for piece in split_cards(file_lines):
        yield piece if isinstance(piece, BrokenRecord) else parse_card(*piece, latin1=latin1)


# Properties a record holds in fields of its own: not kept as vCard lines.
_MODELLED = frozenset(
    {"VERSION", "PRODID", "REV", "UID", "FN", "NOTE", "CATEGORIES", "X-ABLABEL", BCHAN_CODENAME}
)
CHANNEL_PROPERTIES = frozenset(
    {"EMAIL", "TEL", "IMPP", "URL", BCHAN_CHANNEL, *_SOCIAL_PROFILES, *_NAMED_PROFILES}
)


def parse_card(first: int, lines: Card, *, latin1: bool = False) -> Record:
    """One card (starting at line ``first`` of the file; its lines, with
    their numbers) as a record."""
    properties: list[ContentLine] = []
    record = ContactRecord(line=first, name="")
    for number, text in logical_lines(lines):
        if not text.strip():
            continue
        parsed = parse_line(number, text, latin1=latin1)
        if isinstance(parsed, BadLine):
            record.problems.append(parsed.reason)
        else:
            properties.append(parsed)
    version = next((unescape(p.value).strip() for p in properties if p.name == "VERSION"), "")
    if version and version not in VERSIONS:
        return BrokenRecord(
            first, f"vCard version {version} is not supported (2.1, 3.0 and 4.0 are)"
        )
    labels = {
        p.group.casefold(): clean_label(unescape(p.value))
        for p in properties
        if p.name == "X-ABLABEL" and p.group
    }
    channel_groups: set[str] = set()
    kept: list[str] = []
    role_taken = False
    for prop in properties:
        channel = None
        if prop.name in CHANNEL_PROPERTIES:
            channel = channel_of(prop, labels.get(prop.group.casefold(), ""))
            if channel is not None:
                record.add_channel(channel, allow_empty=prop.name == BCHAN_CHANNEL)
                if prop.group:
                    channel_groups.add(prop.group.casefold())
        if prop.name in ("TITLE", "ROLE") and not role_taken:
            record.role, role_taken = unescape(prop.value).strip(), True
            continue
        _read_field(record, prop)
        if prop.name in _MODELLED or (channel is not None and prop.name == BCHAN_CHANNEL):
            continue
        kept.append(prop.normal())
    # A label belongs with what it labels: a channel's travels as its label,
    # any other's is kept beside it.
    kept.extend(
        p.normal()
        for p in properties
        if p.name == "X-ABLABEL" and p.group and p.group.casefold() not in channel_groups
    )
    record.name = record.name or _name_from_parts(properties) or _fallback_name(record)
    if not record.name:
        return BrokenRecord(first, "the card has no name (FN or N) and no address to name it by")
    # An N that says only what bchan writes from the name adds nothing.
    plain_n = f"N:{structured_name(record.name)}"
    record.vcard = _capped([line for line in kept if line != plain_n], record)
    return record


def _capped(kept: list[str], record: ContactRecord) -> str:
    """The kept lines, as many as fit under the cap (a huge photo does not)."""
    text = "\n".join(kept)
    if len(text) <= CARD_MAX:
        return text
    fitting: list[str] = []
    size = 0
    for line in kept:
        if size + len(line) + 1 > CARD_MAX:
            name = line.split(";")[0].split(":")[0]
            record.problems.append(f"{name} is too large to keep ({len(line):,} characters)")
            continue
        fitting.append(line)
        size += len(line) + 1
    return "\n".join(fitting)


def _read_field(record: ContactRecord, prop: ContentLine) -> None:
    name = prop.name
    if name == "FN":
        record.name = record.name or unescape(prop.value).strip()
    elif name == "ORG":
        record.org = record.org or components(prop.value)[0].strip()
    elif name == "NOTE":
        note = unescape(prop.value).strip()
        record.notes = (
            f"{record.notes}\n\n{note}" if record.notes and note else record.notes or note
        )
    elif name == "CATEGORIES":
        record.tags.extend(tag.strip() for tag in components(prop.value, ",") if tag.strip())
    elif name == BCHAN_CODENAME:
        record.codename = unescape(prop.value).strip()


def channel_of(prop: ContentLine, label: str) -> ChannelRecord | None:
    """The channel a property describes, or None for properties that are not one."""
    name = prop.name
    value = unescape(prop.value).strip()
    types = prop.types()
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
        service = prop.param("X-SERVICE-TYPE") or prop.param("SERVICE-TYPE")
        kind = service_kind(service or scheme)
    elif name in _SOCIAL_PROFILES:
        service = (
            prop.param("SERVICE-TYPE")
            or prop.param("X-SERVICE-TYPE")
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
        # A web page is a channel when it is a profile: by its host, or by
        # the label Google and Apple give it ("Twitter", "LinkedIn").
        kind = social_kind(value)
        if kind is None and label:
            by_label = service_kind(label, ChannelKind.OTHER)
            kind = None if by_label in (ChannelKind.OTHER, ChannelKind.IM) else by_label
    elif name == BCHAN_CHANNEL:
        kind = ChannelKind.OTHER
    else:
        return None
    kind = _bchan_kind(prop) or kind
    if kind is None:
        return None
    return ChannelRecord(
        kind=kind,
        address=value,
        rung=_bchan_rung(prop) or rung_for(types, label),
        label=label if label.casefold() not in _PLAIN_LABELS else "",
        their_preference="pref" in types or prop.param("PREF") == "1",
    )


# Labels that only repeat the type (or the rung): not worth keeping.
_PLAIN_LABELS = frozenset({"", "home", "work", "other", "personal", "private", "internet"})


def _bchan_kind(prop: ContentLine) -> ChannelKind | None:
    try:
        return ChannelKind(prop.param(BCHAN_KIND).casefold())
    except ValueError:
        return None


def _bchan_rung(prop: ContentLine) -> Rung | None:
    try:
        return Rung(prop.param(BCHAN_RUNG).casefold())
    except ValueError:
        return None


def _name_from_parts(properties: list[ContentLine]) -> str:
    """A name from N: prefix, given, additional, family, suffix."""
    for prop in properties:
        if prop.name == "N":
            parts = components(prop.value)
            family, given, additional, prefix, suffix = (parts + [""] * 5)[:5]
            words = (prefix, given, additional, family, suffix)
            text = " ".join(w.strip() for w in words if w.strip())
            if text:
                return text
    return ""


def _fallback_name(record: ContactRecord) -> str:
    """A card without a name is named by its organisation or first address."""
    if record.org:
        return record.org
    return next((c.address for c in record.channels if c.address), "")
