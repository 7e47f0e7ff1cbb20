"""The in-memory index of a book: decoded records and the touch aggregates
that heat and relationship health are computed from.

Touches are the bulk of a book (ten per contact), so they are not decoded at
load: only their times are indexed, by channel and by contact, and a whole
``Touch`` is decoded from its stored document when a screen asks for it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any, TypeVar

import msgspec

from ..domain.clock import timestamp
from ..domain.models import Account, Channel, Contact, Intel, IntelDirection, IntelStatus, Touch
from .codec import (
    SchemaProblem,
    account_from_doc,
    channel_from_doc,
    contact_from_doc,
    intel_from_doc,
)
from .conflicts import Conflict, conflict_from_doc
from .schema import RawData

R = TypeVar("R")


class IndexProblem(ValueError):
    """A document that cannot be indexed; the message names its table and id."""


class IntelTally(msgspec.Struct):
    given: int = 0
    received: int = 0
    confirmed: int = 0
    contradicted: int = 0


class BookIndex(msgspec.Struct):
    contacts: dict[str, Contact] = msgspec.field(default_factory=dict)
    channels: dict[str, Channel] = msgspec.field(default_factory=dict)
    intel: dict[str, Intel] = msgspec.field(default_factory=dict)
    accounts: dict[str, Account] = msgspec.field(default_factory=dict)
    # id -> TinyDB document id, per table, so updates address the right doc.
    doc_ids: dict[str, dict[str, int]] = msgspec.field(default_factory=lambda: defaultdict(dict))
    channels_by_contact: dict[str, list[str]] = msgspec.field(
        default_factory=lambda: defaultdict(list)
    )
    intel_by_contact: dict[str, list[str]] = msgspec.field(
        default_factory=lambda: defaultdict(list)
    )
    # Ascending epoch seconds of outgoing touches, per channel.
    out_times: dict[str, list[float]] = msgspec.field(default_factory=lambda: defaultdict(list))
    # Ascending epoch seconds of the outgoing touches that were answered, per
    # channel: with ``out_times``, a channel's reply rate.
    replied_times: dict[str, list[float]] = msgspec.field(default_factory=lambda: defaultdict(list))
    # Every touch of a contact, oldest first (by time, then by document id):
    # their epoch seconds, and their document keys in the same order. Two
    # flat lists hold a hundred thousand touches in a third of the memory
    # of a list of pairs.
    touch_times: dict[str, list[float]] = msgspec.field(default_factory=lambda: defaultdict(list))
    touch_keys: dict[str, list[str]] = msgspec.field(default_factory=lambda: defaultdict(list))
    tallies: dict[str, IntelTally] = msgspec.field(default_factory=lambda: defaultdict(IntelTally))
    # Merge conflicts waiting for a choice, by id (a part of the book holds
    # every one: they are few).
    conflicts: dict[str, Conflict] = msgspec.field(default_factory=dict)

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
        between: Callable[[], None] = lambda: None,
    ) -> BookIndex:
        """Index the whole book or, in partial mode, only what concerns
        ``contact_ids`` (and every account): a part of the book indexed in a
        fraction of the time, whose answers about those contacts are the
        whole book's answers.

        ``between`` is called before each table, and may raise to stop.
        """
        index = cls()
        index._load(data, "accounts", account_from_doc, index.add_account)
        between()
        index._load(data, "contacts", contact_from_doc, index.add_contact, contact_ids, by="id")
        between()
        index._load(data, "channels", channel_from_doc, index.add_channel, contact_ids)
        between()
        index._load(data, "intel", intel_from_doc, index.add_intel, contact_ids)
        between()
        touches = data.get("touches", {})
        if contact_ids is not None:
            touches = dict(_kept(touches, "contact_id", contact_ids))
        index._load_touches(touches)
        index._load(data, "conflicts", conflict_from_doc, index.add_conflict)
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
        out_times, replied_times = self.out_times, self.replied_times
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
                    # Books older than outcomes have none: pending.
                    if doc.get("outcome") == "replied":
                        replied_times[doc["channel_id"]].append(at)
                elif doc["direction"] != "in":
                    raise SchemaProblem(f"unknown direction {doc['direction']!r}")
        except (KeyError, TypeError, ValueError) as problem:
            raise IndexProblem(f"table 'touches', document {key}: {problem!r}") from None
        for times in out_times.values():
            times.sort()
        for times in replied_times.values():
            times.sort()
        for contact_id, times in times_of.items():
            keys = keys_of[contact_id]
            # One contact's few touches at a time, so the pairs never all exist.
            ordered = sorted(zip(times, map(int, keys), keys, strict=True))
            times[:] = [at for at, _, _ in ordered]
            keys[:] = [key for _, _, key in ordered]

    # --- keeping it current ----------------------------------------------

    def add_account(self, doc_id: int, account: Account) -> None:
        self.accounts[account.id] = account
        self.doc_ids["accounts"][account.id] = doc_id

    def add_conflict(self, doc_id: int, conflict: Conflict) -> None:
        self.conflicts[conflict.id] = conflict
        self.doc_ids["conflicts"][conflict.id] = doc_id

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
            if touch.outcome.value == "replied":
                insort(self.replied_times[touch.channel_id], at)

    def remove_touch(self, doc_id: int, touch: Touch) -> None:
        """Forget a touch ``add_touch`` added (or the index was built with)."""
        at = touch.at.timestamp()
        times, keys = self.touch_times[touch.contact_id], self.touch_keys[touch.contact_id]
        place = keys.index(str(doc_id))
        del times[place], keys[place]
        if touch.direction.value == "out":
            _remove_one(self.out_times[touch.channel_id], at)
            if touch.outcome.value == "replied":
                _remove_one(self.replied_times[touch.channel_id], at)

    def remove_intel(self, item: Intel) -> None:
        """Forget an intel item."""
        if self.intel.pop(item.id, None) is None:
            return
        self._tally(item, -1)
        self.intel_by_contact[item.contact_id].remove(item.id)
        self.doc_ids["intel"].pop(item.id, None)

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


def _remove_one(times: list[float], at: float) -> None:
    place = bisect_left(times, at)
    if place < len(times) and times[place] == at:
        del times[place]


def _kept(
    documents: Mapping[str, Any], by: str, keep: Collection[str]
) -> Iterator[tuple[str, Any]]:
    """The (key, document) pairs whose field ``by`` is in ``keep``: a
    question about a few contacts passes over every one of a book's hundred
    thousand touches, so ``keep`` is made a set first."""
    wanted = keep if isinstance(keep, set | frozenset) else set(keep)
    return ((key, doc) for key, doc in documents.items() if doc.get(by) in wanted)
