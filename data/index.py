"""The in-memory index of a book: decoded records and the touch aggregates
that heat and relationship health are computed from.

Touches are the bulk of a book (ten per contact), so they are not decoded at
load: only their times are indexed, by channel and by contact, and a whole
``Touch`` is decoded from its stored document when a screen asks for it.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .clock import timestamp
from .codec import (
    SchemaProblem,
    account_from_doc,
    channel_from_doc,
    contact_from_doc,
    intel_from_doc,
)
from .collector import collector_paused
from .models import Account, Channel, Contact, Intel, IntelDirection, IntelStatus, Touch
from .schema import RawData

R = TypeVar("R")


class IndexProblem(ValueError):
    """A document that cannot be indexed; the message names its table and id."""


@dataclass
class IntelTally:
    given: int = 0
    received: int = 0
    confirmed: int = 0
    contradicted: int = 0


@dataclass(frozen=True, slots=True)
class TouchTimes:
    """A book's touches reduced to what rows and heat are worked out from:
    each channel's outgoing times (ascending epoch seconds) and each
    contact's newest touch. An index built from them answers rows, heat and
    ``reach now``, and has no touch to show."""

    out_times: dict[str, list[float]]
    newest: dict[str, float]

    def add(self, contact_id: str, at: float, *, out_on: str | None = None) -> None:
        """One more touch of ``contact_id`` at ``at``; ``out_on``: its channel,
        when it was outgoing."""
        self.newest[contact_id] = max(at, self.newest.get(contact_id, at))
        if out_on is not None:
            insort(self.out_times.setdefault(out_on, []), at)


@dataclass
class BookIndex:
    contacts: dict[str, Contact] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)
    intel: dict[str, Intel] = field(default_factory=dict)
    accounts: dict[str, Account] = field(default_factory=dict)
    # id -> TinyDB document id, per table, so updates address the right doc.
    doc_ids: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    channels_by_contact: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    intel_by_contact: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # Ascending epoch seconds of outgoing touches, per channel.
    out_times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    # Every touch of a contact, oldest first (by time, then by document id):
    # their epoch seconds, and their document keys in the same order. Two
    # flat lists hold a hundred thousand touches in a third of the memory
    # of a list of pairs.
    touch_times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    touch_keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    tallies: dict[str, IntelTally] = field(default_factory=lambda: defaultdict(IntelTally))

    def last_touch(self, contact_id: str) -> float | None:
        """Epoch seconds of the newest touch of any kind, either direction."""
        times = self.touch_times.get(contact_id)
        return times[-1] if times else None

    # --- building -------------------------------------------------------

    @classmethod
    def build(
        cls,
        data: RawData,
        contact_ids: Collection[str] | None = None,
        *,
        people: BookIndex | None = None,
        between: Callable[[], None] = lambda: None,
        times: TouchTimes | None = None,
    ) -> BookIndex:
        """Index the whole book, or only what concerns ``contact_ids`` (and
        every account): a part of the book indexed in a fraction of the time,
        whose answers about those contacts are the whole book's answers.

        ``people`` is an index ``of_contacts`` of the same data, whose
        decoded contacts and accounts are taken rather than decoded again.
        ``between`` is called before each table, and may raise to stop.
        ``times``: the touches' times, taken instead of those of the touches
        table, which then holds only some of their documents (the newest).
        """
        index = cls()
        with collector_paused():
            index._build(data, contact_ids, people, between)
            touches = data.get("touches", {})
            if contact_ids is not None:
                touches = dict(_kept(touches, "contact_id", contact_ids))
            index._load_touches(touches)
            if times is not None:
                index._take_times(times)
        return index

    def _build(
        self,
        data: RawData,
        contact_ids: Collection[str] | None,
        people: BookIndex | None,
        between: Callable[[], None],
    ) -> None:
        if people is not None and contact_ids is None:
            self.accounts, self.contacts = dict(people.accounts), dict(people.contacts)
            for table in ("accounts", "contacts"):
                self.doc_ids[table] = dict(people.doc_ids[table])
        else:
            self._load(data, "accounts", account_from_doc, self.add_account)
            between()
            self._load(data, "contacts", contact_from_doc, self.add_contact, contact_ids, by="id")
        between()
        self._load(data, "channels", channel_from_doc, self.add_channel, contact_ids)
        between()
        self._load(data, "intel", intel_from_doc, self.add_intel, contact_ids)
        between()

    @classmethod
    def of_contacts(cls, data: RawData) -> BookIndex:
        """Accounts and contacts only: enough to search for people and name them."""
        index = cls()
        with collector_paused():
            index._load(data, "accounts", account_from_doc, index.add_account)
            index._load(data, "contacts", contact_from_doc, index.add_contact)
        return index

    @classmethod
    def of_channels(cls, data: RawData, values: Collection[str], *, by: str = "kind") -> BookIndex:
        """The channels whose field ``by`` is among ``values``: every email
        address, say, or (``by="id"``) a few channels."""
        index = cls()
        index._load(data, "channels", channel_from_doc, index.add_channel, values, by=by)
        return index

    @classmethod
    def of_outgoing(
        cls, data: RawData, channel_ids: Collection[str], times: TouchTimes | None = None
    ) -> BookIndex:
        """The touches of ``channel_ids`` only: enough to work out their heat."""
        index = cls()
        if times is None:
            index._load_touches(dict(_kept(data.get("touches", {}), "channel_id", channel_ids)))
        else:
            for channel_id in channel_ids:
                if found := times.out_times.get(channel_id):
                    index.out_times[channel_id] = list(found)
        return index

    def _load(
        self,
        data: RawData,
        table: str,
        decode: Callable[[Mapping[str, Any]], R],
        add: Callable[[int, R], None],
        keep: Collection[str] | None = None,
        *,
        by: str = "contact_id",
    ) -> None:
        """Decode and add the table's documents (only those whose field ``by``
        is in ``keep``, when given)."""
        documents = data.get(table, {})
        chosen = documents.items() if keep is None else _kept(documents, by, keep)
        for key, doc in chosen:
            try:
                add(int(key), decode(doc))
            except SchemaProblem as problem:
                raise IndexProblem(f"table {table!r}, document {key}: {problem}") from None

    def _load_touches(self, table: Mapping[str, Any]) -> None:
        out_times = self.out_times
        times_of, keys_of = self.touch_times, self.touch_keys
        # Touches are not indexed by their own id: a hundred thousand ids
        # would cost megabytes for the rare question of which touch an
        # intel item links to, which the contact's few touches answer.
        try:
            for key, doc in table.items():
                at = timestamp(doc["at"])
                if "id" not in doc:
                    raise KeyError("id")
                contact_id = doc["contact_id"]
                times_of[contact_id].append(at)
                keys_of[contact_id].append(key)
                if doc["direction"] == "out":
                    out_times[doc["channel_id"]].append(at)
                elif doc["direction"] != "in":
                    raise SchemaProblem(f"unknown direction {doc['direction']!r}")
        except (KeyError, TypeError, ValueError) as problem:
            raise IndexProblem(f"table 'touches', document {key}: {problem!r}") from None
        for times in out_times.values():
            times.sort()
        for contact_id, times in times_of.items():
            keys = keys_of[contact_id]
            # One contact's few touches at a time, so the pairs never all exist.
            ordered = sorted(zip(times, map(int, keys), keys, strict=True))
            times[:] = [at for at, _, _ in ordered]
            keys[:] = [key for _, _, key in ordered]

    def _take_times(self, times: TouchTimes) -> None:
        """The times of the indexed contacts' touches, from ``times``; a
        contact whose newest touches were loaded keeps them."""
        for channel_id in self.channels:
            if found := times.out_times.get(channel_id):
                self.out_times[channel_id] = list(found)
        for contact_id in self.contacts:
            newest = times.newest.get(contact_id)
            if newest is not None and not self.touch_times.get(contact_id):
                self.touch_times[contact_id] = [newest]

    def touch_summary(self) -> TouchTimes:
        """This index's touches as ``TouchTimes``."""
        return TouchTimes(
            {channel_id: times for channel_id, times in self.out_times.items() if times},
            {contact_id: times[-1] for contact_id, times in self.touch_times.items() if times},
        )

    # --- keeping it current ----------------------------------------------

    def add_account(self, doc_id: int, account: Account) -> None:
        self.accounts[account.id] = account
        self.doc_ids["accounts"][account.id] = doc_id

    def add_contact(self, doc_id: int, contact: Contact) -> None:
        self.contacts[contact.id] = contact
        self.doc_ids["contacts"][contact.id] = doc_id

    def add_channel(self, doc_id: int, channel: Channel) -> None:
        if channel.id not in self.channels:
            self.channels_by_contact[channel.contact_id].append(channel.id)
        self.channels[channel.id] = channel
        self.doc_ids["channels"][channel.id] = doc_id

    def add_intel(self, doc_id: int, item: Intel) -> None:
        old = self.intel.get(item.id)
        if old is not None:
            self._tally(old, -1)
        else:
            self.intel_by_contact[item.contact_id].append(item.id)
        self.intel[item.id] = item
        self.doc_ids["intel"][item.id] = doc_id
        self._tally(item, +1)

    def add_touch(self, doc_id: int, touch: Touch) -> None:
        at = touch.at.timestamp()
        # The newest document: after any touch at the same time.
        times = self.touch_times[touch.contact_id]
        place = bisect_right(times, at)
        times.insert(place, at)
        self.touch_keys[touch.contact_id].insert(place, str(doc_id))
        if touch.direction.value == "out":
            insort(self.out_times[touch.channel_id], at)

    def _tally(self, item: Intel, sign: int) -> None:
        tally = self.tallies[item.contact_id]
        if item.direction is IntelDirection.GIVEN:
            tally.given += sign
            return
        tally.received += sign
        if item.status is IntelStatus.CONFIRMED:
            tally.confirmed += sign
        elif item.status is IntelStatus.CONTRADICTED:
            tally.contradicted += sign


def _kept(
    documents: Mapping[str, Any], by: str, keep: Collection[str]
) -> Iterator[tuple[str, Any]]:
    """The (key, document) pairs whose field ``by`` is in ``keep``: a
    question about a few contacts passes over every one of a book's hundred
    thousand touches, so ``keep`` is made a set first."""
    wanted = keep if isinstance(keep, set | frozenset) else set(keep)
    return ((key, doc) for key, doc in documents.items() if doc.get(by) in wanted)
