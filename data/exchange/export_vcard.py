"""The book as vCards (3.0, written with vobject), so it can go back to a
phone or another address book.

Standard properties carry what other address books understand: EMAIL, TEL,
IMPP and X-SOCIALPROFILE, with TYPE=HOME for the private rung, TYPE=WORK for
the public one and TYPE=pref for the contact's own preference; a label rides
on Apple's ``itemN.X-ABLabel``. bchan's own parameters (X-BCHAN-RUNG,
X-BCHAN-KIND) and properties (X-BCHAN-CHANNEL for a meeting or a call,
X-BCHAN-CODENAME) are ignored by other programs and let ``bchan import``
bring every active channel back on its rung, with its kind. Capacity,
half-life, terms and history stay in the book.

A vCard carries every name and address in full: it is not redacted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import vobject

from ..domain.models import Channel, ChannelKind, Contact, Rung
from ..domain.search import fold
from ..storage.store import Store

BCHAN_RUNG = "X-BCHAN-RUNG"
BCHAN_KIND = "X-BCHAN-KIND"
BCHAN_CHANNEL = "X-BCHAN-CHANNEL"
BCHAN_CODENAME = "X-BCHAN-CODENAME"

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
    card = vobject.vCard()
    card.add("uid").value = contact.id
    card.add("fn").value = contact.name
    family, given = _split_name(contact.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact.org:
        card.add("org").value = [contact.org]
    if contact.role:
        card.add("title").value = contact.role
    if contact.notes:
        card.add("note").value = contact.notes
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    if contact.codename:
        card.add(BCHAN_CODENAME.lower()).value = contact.codename
    for number, channel in enumerate((c for c in channels if c.is_active), start=1):
        _add_channel(card, channel, f"item{number}")
    serialised: str = card.serialize()
    return serialised


def _split_name(name: str) -> tuple[str, str]:
    """(family, given) for the structured N property: the last word is the family name."""
    given, _, family = name.rpartition(" ")
    return (family, given) if given else (name, "")


def _add_channel(card: Any, channel: Channel, group: str) -> None:
    kind = channel.kind
    types: list[str] = []
    rung_type = _RUNG_TYPE.get(channel.rung)
    if kind is ChannelKind.EMAIL and channel.address:
        line = card.add("email")
        types = ["INTERNET"]
        line.value = channel.address
    elif kind in (ChannelKind.PHONE, ChannelKind.SMS) and channel.address:
        line = card.add("tel")
        types = ["CELL" if kind is ChannelKind.SMS else "VOICE"]
        line.value = channel.address
    elif kind in _IM_SERVICES and channel.address:
        line = card.add("impp")
        service, scheme = _IM_SERVICES[kind]
        if service:
            line.params["X-SERVICE-TYPE"] = [service]
        line.value = f"{scheme}:{channel.address}"
    elif kind in _SOCIAL and channel.address:
        line = card.add("x-socialprofile")
        types = [_SOCIAL[kind]]
        line.value = channel.address
    else:
        # A meeting, a call, an address-less channel: no standard home in a vCard.
        line = card.add(BCHAN_CHANNEL.lower())
        line.value = channel.address
    if rung_type:
        types.append(rung_type)
    if channel.their_preference:
        types.append("pref")
    if types:
        line.params["TYPE"] = types
    line.params[BCHAN_RUNG] = [channel.rung.value]
    line.params[BCHAN_KIND] = [channel.kind.value]
    if channel.label:
        line.group = group
        label = card.add("x-ablabel")
        label.group = group
        label.value = channel.label
