"""The book as vCards (3.0), so it can go back to a phone or another address book.

Standard properties carry what other address books understand: EMAIL, TEL,
IMPP and X-SOCIALPROFILE, with TYPE=HOME for the private rung, TYPE=WORK for
the public one and TYPE=pref for the contact's own preference; a label rides
on Apple's ``itemN.X-ABLabel``. What an import kept of a card (N, BDAY, ADR,
PHOTO, a phone's TEL types...) is written back as it was read, and a channel
read from a card is written with its own line, so a round trip changes
nothing a phone shows. bchan's own parameters (X-BCHAN-RUNG, X-BCHAN-KIND)
are added only where the standard ones would bring a channel back on
another rung or as another kind: an ordinary EMAIL line stays short enough
that no mail client has to unfold it. Capacity, half-life, terms and
history stay in the book.

A vCard carries every name and address in full: it is not redacted.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import count

from ..domain.models import Channel, ChannelKind, Contact, Rung
from ..domain.search_text import fold
from ..storage.store import Store
from .import_keys import channel_key
from .import_vcard import CHANNEL_PROPERTIES, channel_of
from .vcard_lines import ContentLine, components, escape, parse_line, structured_name
from .vcard_names import BCHAN_CHANNEL, BCHAN_CODENAME, BCHAN_KIND, BCHAN_RUNG

__all__ = ["BCHAN_CHANNEL", "BCHAN_CODENAME", "BCHAN_KIND", "BCHAN_RUNG", "export_vcards"]

_IM_SERVICES = {
    ChannelKind.SIGNAL: ("Signal", "signal"),
    ChannelKind.WHATSAPP: ("WhatsApp", "whatsapp"),
    ChannelKind.TELEGRAM: ("Telegram", "telegram"),
    ChannelKind.IM: ("", "im"),
}
_SOCIAL = {
    ChannelKind.LINKEDIN: "linkedin",
    ChannelKind.X: "twitter",
    ChannelKind.MASTODON: "mastodon",
}
_RUNG_TYPE = {Rung.PRIVATE: "HOME", Rung.PUBLIC: "WORK"}
# RFC 6350 3.2: lines longer than 75 octets should be folded.
LINE_OCTETS = 75


def export_vcards(store: Store, *, contact_ids: Iterable[str] | None = None) -> str:
    """vCards of the given contacts (every active contact when None), sorted by name."""
    if contact_ids is None:
        chosen = store.contacts()
    else:
        chosen = [store.contact(cid) for cid in dict.fromkeys(contact_ids)]
    chosen.sort(key=lambda c: (fold(c.name), c.id))
    return "".join(vcard_of(contact, store.channels_of(contact.id)) for contact in chosen)


def vcard_of(contact: Contact, channels: Iterable[Channel]) -> str:
    """One contact and its active channels as a serialised vCard 3.0."""
    kept = _kept_lines(contact)
    groups = {line.group.casefold() for line in kept if line.group}
    fresh = (f"item{n}" for n in count(1) if f"item{n}" not in groups)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:{escape(contact.id)}"]
    lines.append(f"FN:{escape(contact.name)}")
    if not any(line.name == "N" for line in kept):
        lines.append(f"N:{structured_name(contact.name)}")
    org_kept = next((line for line in kept if line.name == "ORG"), None)
    if org_kept is not None and components(org_kept.value)[0].strip() != contact.org:
        # The organisation was changed in bchan: its line replaces the card's.
        kept.remove(org_kept)
        org_kept = None
    if contact.org and org_kept is None:
        lines.append(f"ORG:{escape(contact.org)}")
    if contact.role:
        lines.append(f"TITLE:{escape(contact.role)}")
    if contact.notes:
        lines.append(f"NOTE:{escape(contact.notes)}")
    if contact.tags:
        lines.append("CATEGORIES:" + ",".join(escape(tag) for tag in contact.tags))
    if contact.codename:
        lines.append(f"{BCHAN_CODENAME}:{escape(contact.codename)}")
    # Every line the card had for a channel (a number may be both HOME and
    # CELL), written again while the channel is active.
    by_key: dict[tuple[str, str], list[ContentLine]] = {}
    for line in kept:
        if line.name in CHANNEL_PROPERTIES and (read := channel_of(line, "")) is not None:
            by_key.setdefault(channel_key(read.kind, read.address), []).append(line)
    for channel in (c for c in channels if c.is_active):
        first, *others = by_key.pop(channel_key(channel.kind, channel.address), None) or [
            _channel_line(channel)
        ]
        lines.extend(_with_bchan_params(first, channel, fresh))
        lines.extend(other.normal() for other in others)
    for line in kept:
        is_channel = line.name in CHANNEL_PROPERTIES and channel_of(line, "") is not None
        # A channel's line goes with its channel: one retired in bchan is not written.
        if not is_channel:
            lines.append(line.normal())
    lines.append("END:VCARD")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def _kept_lines(contact: Contact) -> list[ContentLine]:
    kept = []
    for number, text in enumerate(contact.vcard.split("\n") if contact.vcard else (), start=1):
        line = parse_line(number, text, latin1=False)
        if isinstance(line, ContentLine):
            kept.append(line)
    return kept


def _channel_line(channel: Channel) -> ContentLine:
    """The standard line for a channel bchan holds no line of."""
    kind = channel.kind
    line = ContentLine(0, "", BCHAN_CHANNEL, {}, escape(channel.address))
    types: list[str] = []
    if kind is ChannelKind.EMAIL and channel.address:
        line.name = "EMAIL"
    elif kind in (ChannelKind.PHONE, ChannelKind.SMS) and channel.address:
        line.name = "TEL"
        types = ["CELL"] if kind is ChannelKind.SMS else []
    elif kind in _IM_SERVICES and channel.address:
        service, scheme = _IM_SERVICES[kind]
        line.name, line.value = "IMPP", escape(f"{scheme}:{channel.address}")
        if service:
            line.params["X-SERVICE-TYPE"] = [service]
    elif kind in _SOCIAL and channel.address:
        line.name = "X-SOCIALPROFILE"
        types = [_SOCIAL[kind]]
    if line.name != BCHAN_CHANNEL and channel.rung in _RUNG_TYPE:
        types.append(_RUNG_TYPE[channel.rung])
    if channel.their_preference:
        types.append("pref")
    if types:
        line.params["TYPE"] = types
    return line


def _with_bchan_params(line: ContentLine, channel: Channel, fresh: Iterable[str]) -> list[str]:
    """The channel's line, with its label, and bchan's parameters where an
    import would otherwise read another rung or kind."""
    line = ContentLine(line.line, line.group, line.name, dict(line.params), line.value)
    if channel.label and not line.group:
        line.group = next(iter(fresh))
    read = channel_of(line, channel.label)
    if read is None or read.rung is not channel.rung:
        line.params[BCHAN_RUNG] = [channel.rung.value]
    if read is None or read.kind is not channel.kind:
        line.params[BCHAN_KIND] = [channel.kind.value]
    lines = [line.normal()]
    if channel.label:
        lines.append(f"{line.group}.X-ABLabel:{escape(channel.label)}")
    return lines


def fold_line(line: str) -> str:
    """A content line folded at 75 octets (RFC 6350 3.2), never inside a
    character: CRLF and a space before each further part."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        # Every part after the first starts with the space that folds it.
        limit = LINE_OCTETS if not parts else LINE_OCTETS - 1
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)
