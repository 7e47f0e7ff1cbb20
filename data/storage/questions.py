"""Every question a store answers: about people, channels, touches, intel
and accounts, and the dashboard's rows and details.

``Questions`` is the reading half of ``Store``, kept in a file of its own;
it has no state of its own and asks everything of the one index (see
``Store.index`` and ``Store._view``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pendulum import DateTime

from ..book.account_map import (
    AccountMap,
    AccountSummary,
    account_map,
    account_maps,
    account_summaries,
)
from ..book.attention import needs_attention
from ..book.codec import SchemaProblem
from ..book.dashboard import (
    contact_detail,
    contact_row,
    contact_rows,
    first_by_name,
    ladder_steps,
    touches_of,
)
from ..book.index import BookIndex
from ..book.schema import TABLES
from ..book.stored_contacts import contact_names, search_documents
from ..domain import validate
from ..domain.clock import now as clock_now
from ..domain.heat import channel_heat
from ..domain.ladder import ladder_order, reach_now
from ..domain.models import (
    Account,
    AttentionItem,
    Channel,
    ChannelHeat,
    ChannelKind,
    ChannelStatus,
    Contact,
    ContactDetail,
    ContactRow,
    Intel,
    Recommendation,
    Rung,
    Touch,
    Urgency,
)
from ..domain.naming import ContactName
from ..domain.search import ContactMatch, search_contacts
from ..domain.search_text import fold
from ..errors import NotFoundError
from .documents import DocumentWriter


class Questions:
    """The questions of ``Store``; see there."""

    _index: BookIndex | None
    _documents: DocumentWriter

    if TYPE_CHECKING:
        # What ``Store`` holds, declared for the type checker.
        @property
        def _data(self) -> dict[str, dict[str, Any]]: ...
        def index(self) -> BookIndex: ...
        def _view(self, contact_ids: Collection[str]) -> BookIndex: ...

    def _stored_contacts(self) -> dict[str, Any] | None:
        """The stored contact documents, to search and name people without
        decoding them all; None once the index has them decoded."""
        return None if self._index is not None else self._data["contacts"]

    # --- contacts ---------------------------------------------------------------

    def contact(self, contact_id: str) -> Contact:
        return self._contact_in(self._view([contact_id]), contact_id)

    @staticmethod
    def _contact_in(index: BookIndex, contact_id: str) -> Contact:
        try:
            return index.contacts[contact_id]
        except KeyError:
            raise NotFoundError(f"no contact with id {contact_id}") from None

    def contacts(self, *, include_archived: bool = False) -> list[Contact]:
        people = self.index().contacts.values()
        return [c for c in people if include_archived or not c.archived]

    def contacts_among(
        self, contact_ids: Iterable[str], *, include_archived: bool = False
    ) -> list[Contact]:
        """The contacts with these ids, in the order ``contacts()`` gives them."""
        wanted = list(dict.fromkeys(contact_ids))
        part = self._view(wanted)
        order = {contact_id: place for place, contact_id in enumerate(part.contacts)}
        found = [part.contacts[i] for i in wanted if i in part.contacts]
        found.sort(key=lambda contact: order[contact.id])
        return [c for c in found if include_archived or not c.archived]

    def contact_names(self) -> list[ContactName]:
        """Every contact's id, name, codename and whether it is archived, in
        the order ``contacts()`` gives them, without decoding every contact."""
        stored = self._stored_contacts()
        if stored is not None:
            try:
                return contact_names(stored)
            except (KeyError, TypeError, AttributeError):
                pass  # a document is not as it should be: the index names it
        people = self.index().contacts.values()
        return [ContactName(c.id, c.name, c.codename, c.archived, c.org) for c in people]

    def search_contacts(
        self, query: str, *, among: Collection[str] | None = None
    ) -> list[ContactMatch]:
        """The active contacts ``query`` matches (only those whose id is in
        ``among``, when given), best first, as the dashboard's filter ranks
        them; until the book is indexed, only the contacts that match are
        decoded."""
        stored = self._stored_contacts()
        if stored is not None:
            try:
                return search_documents(
                    stored, query, among=among, channels=self._data.get("channels", {})
                )
            except (SchemaProblem, KeyError, TypeError, AttributeError, ValueError):
                pass  # a document is not as it should be: the index names it
        people = self.contacts()
        if among is not None:
            people = [contact for contact in people if contact.id in among]
        return search_contacts(people, query, self.channels())

    # --- channels ---------------------------------------------------------------

    def channel(self, channel_id: str) -> Channel:
        index = self._index
        if index is None:
            owner = self._owner_of("channels", channel_id)
            index = self._view([owner] if owner is not None else [])
        try:
            return index.channels[channel_id]
        except KeyError:
            raise NotFoundError(f"no channel with id {channel_id}") from None

    def _owner_of(self, table: str, record_id: str) -> str | None:
        """The contact a stored record of ``table`` belongs to, if any."""
        for doc in self._data[table].values():
            if doc.get("id") == record_id:
                owner = doc.get("contact_id")
                return owner if isinstance(owner, str) else None
        return None

    def channels(
        self, kind: ChannelKind | None = None, *, contact_ids: Iterable[str] | None = None
    ) -> list[Channel]:
        """Every channel of the book, or of ``contact_ids`` (of one ``kind``
        when given), active and retired, in no particular order."""
        index = self.index() if contact_ids is None else self._view(set(contact_ids))
        return [c for c in index.channels.values() if kind is None or c.kind is kind]

    def contacts_with_address(
        self, kind: ChannelKind, text: str, *, include_private: bool
    ) -> list[str]:
        """Ids of the contacts with an active channel of ``kind`` whose
        address holds ``text`` (folded), in stored order; private addresses
        only with ``include_private``, so that a question never finds whom an
        address it would not show belongs to. Read from the stored documents,
        so no channel is decoded for it."""
        if self._index is not None:
            found = (
                c.contact_id
                for c in self._index.channels.values()
                if c.kind is kind
                and c.is_active
                and (include_private or c.rung is not Rung.PRIVATE)
                and text in fold(c.address)
            )
            return list(dict.fromkeys(found))
        private = Rung.PRIVATE.value
        active = ChannelStatus.ACTIVE.value
        return list(
            dict.fromkeys(
                doc["contact_id"]
                for doc in self._data["channels"].values()
                if doc.get("kind") == kind.value
                and doc.get("status", active) == active
                and (include_private or doc.get("rung") != private)
                and isinstance(doc.get("contact_id"), str)
                and isinstance(address := doc.get("address"), str)
                and text in fold(address)
            )
        )

    def channels_of(self, contact_id: str, *, include_retired: bool = False) -> list[Channel]:
        """A contact's channels in ladder order (retired ones last when asked for)."""
        part = self._view([contact_id])
        channels = [part.channels[c] for c in part.channels_by_contact.get(contact_id, ())]
        active = ladder_order(channels)
        if not include_retired:
            return active
        return active + [c for c in channels if not c.is_active]

    def channel_heats(
        self, channels: Iterable[Channel], now: DateTime | None = None
    ) -> list[ChannelHeat]:
        """The heat of each of ``channels``, in order."""
        moment = now or clock_now()
        chosen = list(channels)
        part = self._view({channel.contact_id for channel in chosen})
        return [channel_heat(c, part.out_times.get(c.id, ()), moment) for c in chosen]

    def channel_heat(self, channel_id: str, now: DateTime | None = None) -> ChannelHeat:
        return self.channel_heats([self.channel(channel_id)], now)[0]

    def addresses(self, *, rung: Rung, contact_ids: Collection[str] = ()) -> list[str]:
        """The addresses of every channel on ``rung`` or of ``contact_ids``,
        retired ones too; until the book is indexed, read from the stored
        documents, so a redacted export decodes no channel for them."""
        if self._index is not None:
            channels = self._index.channels.values()
            return [c.address for c in channels if c.rung is rung or c.contact_id in contact_ids]
        return [
            address
            for doc in self._data["channels"].values()
            if isinstance(address := doc.get("address"), str)
            and (doc.get("rung") == rung.value or doc.get("contact_id") in contact_ids)
        ]

    # --- touches and intel --------------------------------------------------------

    def touches_of(self, contact_id: str, *, limit: int | None = None) -> list[Touch]:
        """A contact's touches, newest first; only the newest ``limit`` when given."""
        part = self._view([contact_id])
        return touches_of(part, self._documents.table("touches"), contact_id, limit)

    def intel_of(self, contact_id: str) -> list[Intel]:
        part = self._view([contact_id])
        items = [part.intel[i] for i in part.intel_by_contact.get(contact_id, ())]
        return sorted(items, key=lambda item: item.at, reverse=True)

    def all_intel(self) -> list[Intel]:
        return list(self.index().intel.values())

    # --- accounts -----------------------------------------------------------------

    def accounts(self) -> list[Account]:
        accounts = self._view(()).accounts.values()
        return sorted(accounts, key=lambda a: a.name.casefold())

    def account(self, account_id: str) -> Account:
        try:
            return self._view(()).accounts[account_id]
        except KeyError:
            raise NotFoundError(f"no account with id {account_id}") from None

    def account_map(self, account_id: str, now: DateTime | None = None) -> AccountMap:
        """One account's official process, its people (official process and
        back channels) and the intel that concerns it."""
        self.account(account_id)
        return account_map(self.index(), account_id, now or clock_now())

    def account_maps(self, now: DateTime | None = None) -> list[AccountMap]:
        """The map of every account, by name."""
        return account_maps(self.index(), now or clock_now())

    def account_summaries(self) -> list[AccountSummary]:
        """Every account by name, with its count of people and of back channels."""
        return account_summaries(self.index())

    def counts(self) -> dict[str, int]:
        """Documents per table, as stored."""
        return {name: len(self._data.get(name, {})) for name in TABLES}

    # --- the dashboard's questions ---------------------------------------------------

    def contact_rows(
        self,
        now: DateTime | None = None,
        *,
        include_archived: bool = False,
        contact_ids: Iterable[str] | None = None,
    ) -> list[ContactRow]:
        """Rows of every contact, or of ``contact_ids`` only (in that order)."""
        moment = now or clock_now()
        if contact_ids is None:
            return contact_rows(self.index(), moment, include_archived=include_archived)
        ids = list(contact_ids)
        part = self._view(ids)
        return [contact_row(part, self._contact_in(part, i), moment) for i in ids]

    def preview_rows(self, count: int, now: DateTime | None = None) -> list[ContactRow]:
        """The rows of the first ``count`` contacts by name, as ``contact_rows``
        gives them: until the book is indexed, only those contacts are
        decoded, so the dashboard shows its first screen at once."""
        if self._index is not None:
            rows = self.contact_rows(now)
        else:
            try:
                first = first_by_name(self._data["contacts"], count)
            except (KeyError, TypeError, AttributeError):
                first = None  # a document is not as it should be: the index names it
            rows = self.contact_rows(now, contact_ids=first) if first is not None else []
            if first is None:
                rows = self.contact_rows(now)
        rows.sort(key=lambda row: row.contact.name.casefold())
        return rows[:count]

    def contact_detail(
        self, contact_id: str, now: DateTime | None = None, *, recent_touches: int = 20
    ) -> ContactDetail:
        """Everything about one contact, with its newest ``recent_touches``."""
        detail, _ = next(self.contact_details([contact_id], now, recent_touches=recent_touches))
        return detail

    def contact_details(
        self, contact_ids: Sequence[str], now: DateTime | None = None, *, recent_touches: int = 20
    ) -> Iterator[tuple[ContactDetail, dict[str, Channel]]]:
        """``contact_detail`` of each of ``contact_ids`` in turn, with every
        channel of theirs by id (retired ones too, which old touches name).

        One at a time: an export of thousands of contacts writes each one's
        section and lets its detail go, rather than keep them all.
        """
        moment = now or clock_now()
        part = self._view(contact_ids)
        # With a batch's inserts that are still waiting.
        touches = self._documents.table("touches")
        for contact_id in contact_ids:
            self._contact_in(part, contact_id)
            channels = part.channels_by_contact.get(contact_id, ())
            detail = contact_detail(part, touches, contact_id, moment, recent_touches)
            yield detail, {c: part.channels[c] for c in channels}

    def needs_attention(
        self, now: DateTime | None = None, *, contact_ids: Collection[str] | None = None
    ) -> list[AttentionItem]:
        """What needs attention, of everyone or only of ``contact_ids``."""
        moment = now or clock_now()
        if contact_ids is None:
            return needs_attention(self.index(), moment)
        wanted = set(contact_ids)
        items = needs_attention(self._view(wanted), moment)
        return [item for item in items if item.contact_id in wanted]

    def reach_now(
        self, contact_id: str, urgency: Urgency | str, now: DateTime | None = None
    ) -> Recommendation:
        """The channel to use now for a matter of this urgency, with its reason."""
        level = validate.choice(Urgency, urgency, "urgency")
        part = self._view([contact_id])
        self._contact_in(part, contact_id)
        return reach_now(ladder_steps(part, contact_id, now or clock_now()), level)
