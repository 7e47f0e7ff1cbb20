"""The store: the one object that owns a book's file, and the one way the
rest of bchan reads and changes it.

Opening takes the lock (a writer), parses the file and replays its journal.
Every question is then answered from one index of decoded records: the
whole book's, built on first use (the dashboard builds it in a worker), or,
until then, the part of the book about the contacts the question names.
Every change is validated, written durably, and only then applied to the
index, so the index never claims a write that failed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

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
from ..book.index import BookIndex, IndexProblem
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
    Contact,
    ContactDetail,
    ContactRow,
    Intel,
    Recommendation,
    Rung,
    Touch,
    Urgency,
)
from ..domain.search import ContactMatch, ContactName, fold, search_contacts
from ..errors import DatabaseError, NotFoundError
from .book_file import OpenedBook, back_up_once_a_day, broken, open_book
from .changes import Changes
from .documents import DocumentWriter
from .lock import SessionLock


class Store(Changes):
    """A book of contacts in one TinyDB file, open for a session.

    A writer holds the book's lock for the whole session (a second writer
    gets ``DatabaseLockedError``); ``read_only=True`` takes no lock and
    refuses writes. A book reached through a symbolic link is read, written
    and locked at the file the link points to, so the link stays a link.
    Safe to use from worker threads. The changes it makes are written in
    ``Changes``, beside it.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(os.path.realpath(path))
        self.read_only = read_only
        self._mutex = threading.RLock()
        self._index: BookIndex | None = None
        # The last part of the book a question was answered from, by the
        # contacts it is about: an export asks two questions of each part.
        self._part: tuple[frozenset[str], BookIndex] | None = None
        self._closing_thread: int | None = None
        self._closed = False
        self._lock: SessionLock | None = None
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._lock = SessionLock(self.path)
            self._lock.acquire()
        try:
            self._opened: OpenedBook = open_book(self.path, read_only=read_only)
        except BaseException:
            self._release_lock()
            raise
        self._storage = self._opened.storage
        self.journal_set_aside = self._opened.journal_set_aside
        """Where a journal of another generation of the book was set aside at
        opening (its changes are not in the book), or None."""
        self._documents = DocumentWriter(self._storage)

    # --- the index --------------------------------------------------------------

    @property
    def indexed(self) -> bool:
        """Whether the whole book is decoded and checked."""
        return self._index is not None

    def index(self) -> BookIndex:
        """Every record decoded and checked, built on first use.

        A document that does not decode raises ``BrokenDatabaseError``. A
        writer's book is rewritten whole only once this has checked it.
        """
        index = self._index
        if index is not None:
            return index
        with self._mutex:
            if self._index is None:
                self._refuse_if_closing()
                try:
                    # Indexing a large book takes seconds that quitting would
                    # wait for: it stops at the next table once close() begins.
                    built = BookIndex.build(self._data, between=self._refuse_if_closing)
                except IndexProblem as problem:
                    raise broken(self.path, str(problem)) from None
                self._index, self._part = built, None
                if not self.read_only:
                    back_up_once_a_day(self._opened)
            return self._index

    def _view(self, contact_ids: Collection[str]) -> BookIndex:
        """The index or, until it is built, the part of the book about
        ``contact_ids``: the same answers about them, for a fraction of the work."""
        if self._index is not None:
            return self._index
        wanted = frozenset(contact_ids)
        if len(wanted) >= len(self._data["contacts"]):
            return self.index()  # a question about everyone: the part is the whole
        with self._mutex:
            part = self._part
            if part is not None and part[0] == wanted:
                return part[1]
            try:
                built = BookIndex.build(self._data, wanted)
            except IndexProblem as problem:
                raise broken(self.path, str(problem)) from None
            self._part = (wanted, built)
            return built

    def _changed(self) -> None:
        self._part = None

    @property
    def _data(self) -> dict[str, dict[str, Any]]:
        return self._storage.read()

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
        return [ContactName(c.id, c.name, c.codename, c.archived) for c in people]

    def search_contacts(
        self, query: str, *, among: Collection[str] | None = None
    ) -> list[ContactMatch]:
        """The active contacts ``query`` matches (only those whose id is in
        ``among``, when given), best first; until the book is indexed, only
        the contacts that match are decoded."""
        stored = self._stored_contacts()
        if stored is not None:
            try:
                return search_documents(stored, query, among=among)
            except (SchemaProblem, KeyError, TypeError, AttributeError):
                pass  # a document is not as it should be: the index names it
        people = self.contacts()
        if among is not None:
            people = [contact for contact in people if contact.id in among]
        return search_contacts(people, query)

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

    def contacts_with_address(self, kind: ChannelKind, text: str) -> list[str]:
        """Ids of the contacts with a channel of ``kind`` whose address holds
        ``text`` (folded), in stored order; read from the stored documents,
        so no channel is decoded for it."""
        if self._index is not None:
            channels = self._index.channels.values()
            found = (c.contact_id for c in channels if c.kind is kind and text in fold(c.address))
            return list(dict.fromkeys(found))
        return list(
            dict.fromkeys(
                doc["contact_id"]
                for doc in self._data["channels"].values()
                if doc.get("kind") == kind.value
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

    # --- the session ------------------------------------------------------------------

    def close(self) -> None:
        """End the session: a writer whose book was checked whole folds its
        journal into the book; otherwise the journal waits, durable, for the
        next session that checks the book."""
        self._closing_thread = threading.get_ident()
        with self._mutex:
            if self._closed:
                return
            try:
                self._storage.close(fold=self._index is not None)
                self._documents.close()
            finally:
                self._closed = True
                self._release_lock()

    def _refuse_if_closing(self) -> None:
        """Stop a reader once the session has ended, or has begun to end in
        another thread."""
        closing = self._closing_thread
        if self._closed or (closing is not None and closing != threading.get_ident()):
            raise DatabaseError(f"{self.path} is closed: its session has ended")

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes, one durable write: all of them are saved, or none."""
        with self._mutex:
            self.index()
            try:
                with self._documents.batch():
                    yield
            except BaseException:
                # The storage went back to the file on disk; so does the index.
                self._index = None
                self._part = None
                raise


__all__ = ["Store"]
