"""The email addresses a mail client may complete from: what ``bchan query``
answers to mutt, neomutt and aerc.

A query matches a contact as in the dashboard's filter, or an address it
contains. Close matches (every word part of the text, or part of an address)
are given alone when there are any, so a completion list is not buried under
contacts whose letters merely occur in order. Private addresses are left out
unless asked for: a back channel is not something to complete by accident,
and a query matches only the addresses it may give, so that it never tells
whom a private address belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pendulum import DateTime

from ..domain.ladder import ladder_key
from ..domain.models import Band, Channel, ChannelKind, Contact, Rung
from ..domain.search_text import fold
from ..storage.store import Store


@dataclass(frozen=True, slots=True)
class AddressEntry:
    """One completion: the address, the person's name, and a short note."""

    address: str
    name: str
    note: str


@dataclass(frozen=True, slots=True)
class AddressBookAnswer:
    entries: tuple[AddressEntry, ...]
    # Private addresses that matched but were left out.
    hidden_private: int


def emails_by_contact(store: Store, contact_ids: Iterable[str]) -> dict[str, list[Channel]]:
    """The active email channels with an address of each of ``contact_ids``
    that has one: public ones first, each rung in ladder order."""
    found: defaultdict[str, list[Channel]] = defaultdict(list)
    for channel in store.channels(ChannelKind.EMAIL, contact_ids=contact_ids):
        if channel.address and channel.is_active:
            found[channel.contact_id].append(channel)
    for emails in found.values():
        emails.sort(key=lambda c: (c.rung is Rung.PRIVATE, ladder_key(c)))
    return dict(found)


def _note(contact: Contact, channel: Channel, band: Band) -> str:
    where = channel.rung.value + (f" ({channel.label})" if channel.label else "")
    parts = [contact.org, where] if contact.org else [where]
    if band is Band.HOT:
        parts.append("hot")
    return " · ".join(parts)


def email_addresses(
    store: Store, query: str, *, include_private: bool, now: DateTime
) -> AddressBookAnswer:
    """The email addresses for ``query``, best match first.

    Only the contacts the query may mean are decoded: those whose stored
    name matches, and those with an email address that contains it.
    """
    found = store.search_contacts(query)
    wanted = fold(query).strip()
    by_address = (
        store.contacts_with_address(ChannelKind.EMAIL, wanted, include_private=include_private)
        if wanted
        else []
    )
    close = [m.contact.id for m in found if m.close]
    named = set(close)
    candidates = close + [contact_id for contact_id in by_address if contact_id not in named]
    emails = emails_by_contact(store, candidates)
    chosen_ids = [contact_id for contact_id in candidates if contact_id in emails]
    if not chosen_ids:
        loose = [m.contact.id for m in found]
        emails = emails_by_contact(store, loose)
        chosen_ids = [contact_id for contact_id in loose if contact_id in emails]
    people = {c.id: c for c in store.contacts_among(chosen_ids)}
    chosen = [people[contact_id] for contact_id in chosen_ids if contact_id in people]
    given = [
        (contact, channel)
        for contact in chosen
        for channel in emails[contact.id]
        if include_private or channel.rung is not Rung.PRIVATE
    ]
    hidden = sum(len(emails[contact.id]) for contact in chosen) - len(given)
    heats = store.channel_heats((channel for _, channel in given), now)
    entries = tuple(
        AddressEntry(channel.address, contact.name, _note(contact, channel, heat.band))
        for (contact, channel), heat in zip(given, heats, strict=True)
    )
    return AddressBookAnswer(entries, hidden)
