"""Reading a book: the session on its file and every question asked of it.

Reads come from the in-memory index built at open; ``Store`` adds the
changes on top.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from pendulum import DateTime

from . import validate
from .account_map import AccountMap, account_map, account_maps
from .attention import needs_attention
from .clock import now as clock_now
from .dashboard import contact_detail, contact_row, contact_rows, ladder_steps, touches_of
from .database import OpenDatabase, build_index, open_database, settle
from .documents import DocumentWriter
from .errors import NotFoundError
from .heat import channel_heat
from .index import BookIndex, IndexProblem
from .ladder import ladder_order, reach_now
from .models import (
    Account,
    AttentionItem,
    Channel,
    ChannelHeat,
    Contact,
    ContactDetail,
    ContactRow,
    Intel,
    Recommendation,
    Touch,
    Urgency,
)


class BookReader:
    """A book of contacts in one TinyDB file, open for a session, and the
    questions the dashboard and the shell ask of it.

    Opening for writing takes the session lock (a second writer gets
    ``DatabaseLockedError``); ``read_only=True`` takes no lock and refuses
    writes. Methods are safe to call from worker threads.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        opened = open_database(Path(path), read_only=read_only)
        self.path = opened.storage.path
        self.read_only = read_only
        self._storage = opened.storage
        self._indexed: BookIndex | None = None
        self._lock = opened.lock
        self._unsettled: OpenDatabase | None = None if read_only else opened
        self._mutex = threading.RLock()
        self._documents = DocumentWriter(opened.storage)

    @property
    def _index(self) -> BookIndex:
        """Every record decoded and checked, built on first use.

        Opening only parses the file, so the dashboard can show its first
        rows (``preview_rows``) while the rest is decoded. A document that
        does not decode raises ``BrokenDatabaseError`` here; every write
        checks the whole book first (``_require_checked``), so nothing is
        written before that.
        """
        indexed = self._indexed
        return indexed if indexed is not None else self._build_index()

    def _build_index(self) -> BookIndex:
        with self._mutex:
            if self._indexed is None:
                self._indexed = build_index(self.path, self._storage.read())
                if self._unsettled is not None:
                    settle(self._unsettled)
                    self._unsettled = None
            return self._indexed

    def _require_checked(self) -> None:
        if self._indexed is None:
            self._build_index()

    # --- session ----------------------------------------------------------

    def close(self) -> None:
        with self._mutex:
            self._documents.close()
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
            try:
                with self._documents.batch():
                    yield
            except BaseException:
                # The storage went back to the file on disk; so does the index.
                self._indexed = None
                raise

    # --- reading ------------------------------------------------------------

    def contact(self, contact_id: str) -> Contact:
        try:
            return self._index.contacts[contact_id]
        except KeyError:
            raise NotFoundError(f"no contact with id {contact_id}") from None

    def contacts(self, *, include_archived: bool = False) -> list[Contact]:
        with self._mutex:
            return [c for c in self._index.contacts.values() if include_archived or not c.archived]

    def channel(self, channel_id: str) -> Channel:
        try:
            return self._index.channels[channel_id]
        except KeyError:
            raise NotFoundError(f"no channel with id {channel_id}") from None

    def channels(self) -> list[Channel]:
        """Every channel of the book, active and retired, in no particular order."""
        with self._mutex:
            return list(self._index.channels.values())

    def channels_of(self, contact_id: str, *, include_retired: bool = False) -> list[Channel]:
        """A contact's channels in ladder order (retired ones last when asked for)."""
        with self._mutex:
            channels = [
                self._index.channels[c] for c in self._index.channels_by_contact.get(contact_id, ())
            ]
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
            return [contact_row(self._index, self.contact(i), moment) for i in contact_ids]

    def preview_rows(self, count: int, now: DateTime | None = None) -> list[ContactRow]:
        """The rows of the first ``count`` contacts by name, as ``contact_rows``
        gives them, without indexing the whole book when it is not yet.

        Only those contacts' channels, touches and intel are decoded: on a
        size-M book, a small part of the work of every row.
        """
        moment = now or clock_now()
        with self._mutex:
            index = self._indexed
            if index is None:
                try:
                    index = BookIndex.build(self._storage.read(), self._first_by_name(count))
                except (IndexProblem, AttributeError, KeyError, TypeError):
                    # A document is not as it should be: the whole index names it.
                    index = self._index
            rows = contact_rows(index, moment)
        rows.sort(key=lambda row: row.contact.name.casefold())
        return rows[:count]

    def _first_by_name(self, count: int) -> set[str]:
        shown = (d for d in self._storage.read()["contacts"].values() if not d.get("archived"))
        # nsmallest keeps equal names in stored order, as the list's sort does.
        first = heapq.nsmallest(count, shown, key=lambda doc: doc["name"].casefold())
        return {doc["id"] for doc in first}

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

    def needs_attention(self, now: DateTime | None = None) -> list[AttentionItem]:
        with self._mutex:
            return needs_attention(self._index, now or clock_now())

    def reach_now(
        self, contact_id: str, urgency: Urgency | str, now: DateTime | None = None
    ) -> Recommendation:
        """The channel to use now for a matter of this urgency, with its reason."""
        self.contact(contact_id)
        level = validate.choice(Urgency, urgency, "urgency")
        with self._mutex:
            return reach_now(ladder_steps(self._index, contact_id, now or clock_now()), level)

    def channel_heat(self, channel_id: str, now: DateTime | None = None) -> ChannelHeat:
        channel = self.channel(channel_id)
        with self._mutex:
            times = list(self._index.out_times.get(channel_id, ()))
        return channel_heat(channel, times, now or clock_now())

    def _table(self, name: str) -> dict[str, Any]:
        return self._documents.table(name)
