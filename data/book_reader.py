"""Reading a book: every question asked of it.

Answers come from the session's index (``BookSession``), or from the part
of the book a question needs while the index is not built; ``Store`` adds
the changes on top.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any, TypeVar

from pendulum import DateTime

from . import validate
from .account_map import AccountMap, account_map, account_maps
from .attention import needs_attention
from .book_session import BookSession
from .clock import now as clock_now
from .codec import SchemaProblem
from .dashboard import contact_detail, contact_row, contact_rows, ladder_steps, touches_of
from .errors import NotFoundError
from .first_rows import FIRST_ROWS, first_by_name
from .heat import channel_heat
from .index import BookIndex, IndexProblem
from .ladder import ladder_order, reach_now
from .models import (
    Account,
    AttentionItem,
    Channel,
    ChannelHeat,
    ChannelKind,
    Contact,
    ContactDetail,
    ContactRow,
    Intel,
    Recommendation,
    Rung,
    Touch,
    Urgency,
)
from .search import (
    ContactMatch,
    ContactName,
    contact_names,
    contacts_among,
    search_contacts,
    search_documents,
)

T = TypeVar("T")


class BookReader(BookSession):
    """A book open for a session, and the questions the dashboard and the
    shell ask of it. Methods are safe to call from worker threads."""

    # --- reading ------------------------------------------------------------

    def contact(self, contact_id: str) -> Contact:
        return self._in(self._people(), contact_id)

    @staticmethod
    def _in(index: BookIndex, contact_id: str) -> Contact:
        try:
            return index.contacts[contact_id]
        except KeyError:
            raise NotFoundError(f"no contact with id {contact_id}") from None

    def contacts(self, *, include_archived: bool = False) -> list[Contact]:
        with self._mutex:
            people = self._people().contacts.values()
            return [c for c in people if include_archived or not c.archived]

    def contacts_among(
        self, contact_ids: Iterable[str], *, include_archived: bool = False
    ) -> list[Contact]:
        """The contacts with these ids, in the order ``contacts()`` gives them;
        until the book is indexed, only they are decoded."""
        wanted = set(contact_ids)
        with self._mutex:
            found = self._from_stored_contacts(
                lambda table: contacts_among(table, wanted, include_archived=include_archived)
            )
            if found is not None:
                return found
            people = self.contacts(include_archived=include_archived)
            return [contact for contact in people if contact.id in wanted]

    def contact_names(self) -> list[ContactName]:
        """Every contact's id, name and whether it is archived, in the order
        ``contacts()`` gives them; until the book is indexed, none is decoded."""
        with self._mutex:
            named = self._from_stored_contacts(contact_names)
            if named is not None:
                return named
            people = self._people().contacts.values()
            return [ContactName(c.id, c.name, c.codename, c.archived) for c in people]

    def search_contacts(
        self, query: str, *, among: Collection[str] | None = None
    ) -> list[ContactMatch]:
        """The active contacts ``query`` matches (only those whose id is in
        ``among``, when given), best first, as ``search.search_contacts``
        ranks them.

        Until the book is indexed, only the contacts that match are decoded:
        the shell's searches answer in a fraction of the time.
        """
        with self._mutex:
            matches = self._from_stored_contacts(
                lambda table: search_documents(table, query, among=among)
            )
            if matches is not None:
                return matches
            people = self.contacts()
            if among is not None:
                people = [contact for contact in people if contact.id in among]
            return search_contacts(people, query)

    def _from_stored_contacts(self, answer: Callable[[dict[str, Any]], T]) -> T | None:
        """``answer`` from the stored contact documents, until the contacts are
        decoded; None once they are, or when a document is not as it should
        be (decoding them all then names it)."""
        if self._indexed is not None or self._contacts_only is not None:
            return None
        try:
            return answer(self._raw()["contacts"])
        except (SchemaProblem, AttributeError, KeyError, TypeError):
            return None

    def channel(self, channel_id: str) -> Channel:
        with self._mutex:
            part = self._indexed or self._decoded(
                lambda data, _: BookIndex.of_channels(data, {channel_id}, by="id")
            )
        try:
            return part.channels[channel_id]
        except KeyError:
            raise NotFoundError(f"no channel with id {channel_id}") from None

    def channels(self, kind: ChannelKind | None = None) -> list[Channel]:
        """Every channel of the book (of one ``kind`` when given), active and
        retired, in no particular order."""
        with self._mutex:
            if kind is not None and self._indexed is None:
                of_kind = self._decoded(lambda data, _: BookIndex.of_channels(data, {kind.value}))
                return list(of_kind.channels.values())
            channels = self._index.channels.values()
            return [c for c in channels if kind is None or c.kind is kind]

    def channel_heats(
        self, channels: Iterable[Channel], now: DateTime | None = None
    ) -> list[ChannelHeat]:
        """The heat of each of ``channels``, in order."""
        moment = now or clock_now()
        chosen = list(channels)
        with self._mutex:
            wanted = {channel.id for channel in chosen}
            part = self._indexed or self._decoded(
                lambda data, times: BookIndex.of_outgoing(data, wanted, times)
            )
            return [channel_heat(c, part.out_times.get(c.id, ()), moment) for c in chosen]

    def channels_of(self, contact_id: str, *, include_retired: bool = False) -> list[Channel]:
        """A contact's channels in ladder order (retired ones last when asked for)."""
        with self._mutex:
            part = self._part([contact_id])
            channels = [part.channels[c] for c in part.channels_by_contact.get(contact_id, ())]
        active = ladder_order(channels)
        if not include_retired:
            return active
        return active + [c for c in channels if not c.is_active]

    def touches_of(self, contact_id: str, *, limit: int | None = None) -> list[Touch]:
        """A contact's touches, newest first; only the newest ``limit`` when given."""
        with self._mutex:
            return touches_of(self._index, self._table("touches"), contact_id, limit)

    def intel_of(self, contact_id: str) -> list[Intel]:
        with self._mutex:
            items = [self._index.intel[i] for i in self._index.intel_by_contact.get(contact_id, ())]
        return sorted(items, key=lambda item: item.at, reverse=True)

    def all_intel(self) -> list[Intel]:
        with self._mutex:
            return list(self._index.intel.values())

    def accounts(self) -> list[Account]:
        with self._mutex:
            return sorted(self._index.accounts.values(), key=lambda a: a.name.casefold())

    def account(self, account_id: str) -> Account:
        try:
            return self._index.accounts[account_id]
        except KeyError:
            raise NotFoundError(f"no account with id {account_id}") from None

    def account_map(self, account_id: str, now: DateTime | None = None) -> AccountMap:
        """One account's official process, its people (official process and
        back channels) and the intel that concerns it."""
        self.account(account_id)
        with self._mutex:
            return account_map(self._index, account_id, now or clock_now())

    def account_maps(self, now: DateTime | None = None) -> list[AccountMap]:
        """The map of every account, by name."""
        with self._mutex:
            return account_maps(self._index, now or clock_now())

    def counts(self) -> dict[str, int]:
        """Documents per table, as stored."""
        with self._mutex:
            data = self._storage.read()
            return {
                name: len(data.get(name, {}))
                for name in ("contacts", "channels", "touches", "intel", "accounts")
            }

    # --- the dashboard's questions -------------------------------------------

    def contact_rows(
        self,
        now: DateTime | None = None,
        *,
        include_archived: bool = False,
        contact_ids: Iterable[str] | None = None,
    ) -> list[ContactRow]:
        """Rows of every contact, or of ``contact_ids`` only (in that order)."""
        moment = now or clock_now()
        with self._mutex:
            if contact_ids is None:
                return contact_rows(self._index, moment, include_archived=include_archived)
            ids = list(contact_ids)
            part = self._part(ids)
            return [contact_row(part, self._in(part, i), moment) for i in ids]

    def preview_rows(self, count: int, now: DateTime | None = None) -> list[ContactRow]:
        """The rows of the first ``count`` contacts by name, as ``contact_rows``
        gives them, without indexing the whole book when it is not yet.

        Only those contacts' channels, touches and intel are decoded: on a
        size-M book, a small part of the work of every row.
        """
        moment = now or clock_now()
        with self._mutex:
            index = self._indexed or self._kept_first_rows(count)
            if index is None:
                index = self._decoded(
                    lambda data, times: BookIndex.build(
                        data, first_by_name(data, count), times=times
                    )
                )
            rows = contact_rows(index, moment)
        rows.sort(key=lambda row: row.contact.name.casefold())
        return rows[:count]

    def _kept_first_rows(self, count: int) -> BookIndex | None:
        """The first ``count`` rows' part of the book, from beside it."""
        first = self._first_rows
        if first is None or count > FIRST_ROWS:
            return None
        try:
            return BookIndex.build(first, first_by_name(first, count))
        except (IndexProblem, AttributeError, KeyError, TypeError):
            return None  # the book itself will say what is wrong, if anything

    def contact_detail(
        self, contact_id: str, now: DateTime | None = None, *, recent_touches: int = 20
    ) -> ContactDetail:
        """Everything about one contact, with its newest ``recent_touches``."""
        self.contact(contact_id)
        with self._mutex:
            return contact_detail(
                self._index,
                self._table("touches"),
                contact_id,
                now or clock_now(),
                recent_touches,
            )

    def contact_details(
        self, contact_ids: Sequence[str], now: DateTime | None = None, *, recent_touches: int = 20
    ) -> list[tuple[ContactDetail, dict[str, Channel]]]:
        """``contact_detail`` of each of ``contact_ids``, with every channel of
        theirs by id (retired ones too, which old touches name). Until the book
        is indexed, only the part of it about them is decoded: a forked export
        writes its share of the contacts without indexing the whole book."""
        moment = now or clock_now()
        with self._mutex:
            part, table = self._part_with_touches(contact_ids, recent_touches)
            details = []
            for contact_id in contact_ids:
                self._in(part, contact_id)
                channels = part.channels_by_contact.get(contact_id, ())
                details.append(
                    (
                        contact_detail(part, table, contact_id, moment, recent_touches),
                        {channel_id: part.channels[channel_id] for channel_id in channels},
                    )
                )
            return details

    def read_ahead(self, *, recent_touches: int) -> None:
        """Read now what ``contact_details`` with ``recent_touches`` will
        read: the newest touches kept beside the book or, when they will not
        do, the book. A copy of the process forked next has it already."""
        with self._mutex:
            if self._kept_touches(recent_touches) is None:
                self._storage.read()

    def addresses(self, *, rung: Rung, contact_ids: Collection[str] = ()) -> list[str]:
        """The addresses of every channel on ``rung`` or of ``contact_ids``,
        retired ones too. Until the book is indexed, they are read from the
        stored documents, which the index checks before any is shown."""
        with self._mutex:
            if self._indexed is not None:
                channels = self._indexed.channels.values()
                return [
                    c.address for c in channels if c.rung is rung or c.contact_id in contact_ids
                ]
            documents = self._raw()["channels"].values()
            return [
                address
                for doc in documents
                if isinstance(address := doc.get("address"), str)
                and (doc.get("rung") == rung.value or doc.get("contact_id") in contact_ids)
            ]

    def needs_attention(
        self, now: DateTime | None = None, *, contact_ids: Collection[str] | None = None
    ) -> list[AttentionItem]:
        """What needs attention, of everyone or only of ``contact_ids``; until
        the book is indexed, those are worked out from the part of it about them."""
        moment = now or clock_now()
        with self._mutex:
            if contact_ids is None:
                return needs_attention(self._index, moment)
            wanted = set(contact_ids)
            items = needs_attention(self._part(wanted), moment)
            return [item for item in items if item.contact_id in wanted]

    def reach_now(
        self, contact_id: str, urgency: Urgency | str, now: DateTime | None = None
    ) -> Recommendation:
        """The channel to use now for a matter of this urgency, with its reason."""
        self.contact(contact_id)
        level = validate.choice(Urgency, urgency, "urgency")
        with self._mutex:
            part = self._part([contact_id])
            return reach_now(ladder_steps(part, contact_id, now or clock_now()), level)

    def channel_heat(self, channel_id: str, now: DateTime | None = None) -> ChannelHeat:
        return self.channel_heats([self.channel(channel_id)], now)[0]

    def _table(self, name: str) -> dict[str, Any]:
        return self._documents.table(name)
