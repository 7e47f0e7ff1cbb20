"""The account map: an account's official process and, beside it, its people
— who sits in the official process and who is a back channel — with the
intel that concerns the account.

A person is a back channel when they have an active private channel; the
heat of their back channel is that of the hottest one. The intel that
concerns an account is what its people gave or were given.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import msgspec
from pendulum import DateTime

from ..domain.models import Account, Band, Channel, Contact, Intel, RelationshipState, Rung
from .dashboard import ladder_steps, relationship_of
from .index import BookIndex


class AccountPerson(msgspec.Struct, frozen=True):
    """Someone assigned to an account, as the account map shows them.

    ``back_channel`` is their hottest active private channel (None when they
    have none: they sit in the official process); ``back_channel_band`` its
    heat band.
    """

    contact: Contact
    state: RelationshipState
    back_channel: Channel | None
    back_channel_band: Band | None

    @property
    def is_back_channel(self) -> bool:
        """True when they have an active private channel."""
        return self.back_channel is not None

    @property
    def intention(self) -> str:
        """What they gain from the back channel."""
        return self.contact.intention

    @property
    def strength(self) -> int:
        """How high you stand on their list, 0-5."""
        return self.contact.strength


class AccountMap(msgspec.Struct, frozen=True):
    """One account: its official process and notes, its people split into the
    official process and back channels (strongest first), and the intel its
    people gave or were given, newest first."""

    account: Account
    official: tuple[AccountPerson, ...]
    back_channels: tuple[AccountPerson, ...]
    intel: tuple[Intel, ...]

    @property
    def people(self) -> tuple[AccountPerson, ...]:
        """Everyone on the account: the official process first, then the back channels."""
        return self.official + self.back_channels


class AccountSummary(msgspec.Struct, frozen=True):
    """An account with how many people it has and how many are back channels:
    enough to list accounts without working out every heat."""

    account: Account
    people: int
    back_channels: int


def account_person(index: BookIndex, contact: Contact, now: DateTime) -> AccountPerson:
    """A contact with their relationship state and the heat of their back channel."""
    private = [
        step for step in ladder_steps(index, contact.id, now) if step.channel.rung is Rung.PRIVATE
    ]
    hottest = max(private, key=lambda step: step.heat.level, default=None)
    state, _, _ = relationship_of(index, contact, now)
    return AccountPerson(
        contact=contact,
        state=state,
        back_channel=hottest.channel if hottest else None,
        back_channel_band=hottest.heat.band if hottest else None,
    )


def _strongest_first(person: AccountPerson) -> tuple[int, str, str]:
    return (-person.contact.strength, person.contact.name.casefold(), person.contact.id)


def _build(index: BookIndex, account: Account, members: list[Contact], now: DateTime) -> AccountMap:
    people = sorted((account_person(index, c, now) for c in members), key=_strongest_first)
    # Items of the same moment keep the order they were recorded in (the
    # sort is stable), so the map reads the same every time.
    intel = sorted(
        (index.intel[i] for c in members for i in index.intel_by_contact.get(c.id, ())),
        key=lambda item: item.at,
        reverse=True,
    )
    return AccountMap(
        account=account,
        official=tuple(p for p in people if not p.is_back_channel),
        back_channels=tuple(p for p in people if p.is_back_channel),
        intel=tuple(intel),
    )


def _members(index: BookIndex) -> dict[str, list[Contact]]:
    """The active contacts of each account, by account id."""
    members: dict[str, list[Contact]] = defaultdict(list)
    for contact in index.contacts.values():
        if contact.account_id is not None and not contact.archived:
            members[contact.account_id].append(contact)
    return members


def account_map(index: BookIndex, account_id: str, now: DateTime) -> AccountMap:
    """The map of one account (the account must exist)."""
    account = index.accounts[account_id]
    return _build(index, account, _members(index).get(account_id, []), now)


def _by_name(index: BookIndex) -> list[Account]:
    return sorted(index.accounts.values(), key=lambda a: (a.name.casefold(), a.id))


def account_maps(index: BookIndex, now: DateTime) -> list[AccountMap]:
    """The map of every account, by name."""
    members = _members(index)
    return [_build(index, a, members.get(a.id, []), now) for a in _by_name(index)]


def account_summaries(index: BookIndex) -> list[AccountSummary]:
    """Every account of the book by name, with its count of people and of
    back channels: no heat is worked out, so it is quick on any book."""
    with_back_channel = {
        channel.contact_id
        for channel in index.channels.values()
        if channel.rung is Rung.PRIVATE and channel.is_active
    }
    people: Counter[str] = Counter()
    back: Counter[str] = Counter()
    for contact in index.contacts.values():
        if contact.account_id is not None and not contact.archived:
            people[contact.account_id] += 1
            back[contact.account_id] += contact.id in with_back_channel
    return [
        AccountSummary(account, people[account.id], back[account.id])
        for account in sorted(index.accounts.values(), key=lambda a: a.name.casefold())
    ]
