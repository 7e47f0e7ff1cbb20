"""The store: the one way the rest of bchan reads and changes a book.

Reads come from the in-memory index; every change is validated, written
durably through TinyDB and the atomic storage, and only then applied to the
index, so the index never claims a write that failed.
"""

from __future__ import annotations

import threading
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any

from pendulum import DateTime
from tinydb import TinyDB
from tinydb.table import Document

from . import validate
from .attention import needs_attention
from .clock import now as clock_now
from .codec import (
    Doc,
    account_to_doc,
    channel_to_doc,
    contact_to_doc,
    intel_to_doc,
    touch_to_doc,
)
from .dashboard import contact_detail, contact_row, contact_rows, ladder_steps, touches_of
from .database import build_index, open_database
from .errors import NotFoundError, ValidationError, WriteFailedError
from .fields import (
    ACCOUNT_FIELDS,
    CHANNEL_FIELDS,
    CONTACT_FIELDS,
    INTEL_FIELDS,
    TOUCH_FIELDS,
    clean_fields,
)
from .heat import channel_heat
from .ladder import ladder_order, reach_now
from .models import (
    DEFAULT_CAPACITY,
    DEFAULT_HALF_LIFE_DAYS,
    Account,
    AttentionItem,
    Channel,
    ChannelHeat,
    ChannelKind,
    ChannelStatus,
    Contact,
    ContactDetail,
    ContactRow,
    Direction,
    Intel,
    IntelDirection,
    IntelStatus,
    Recommendation,
    Rung,
    Sensitivity,
    Touch,
    Urgency,
)


def new_id() -> str:
    return uuid.uuid4().hex


class Store:
    """A book of contacts in one TinyDB file, open for a session.

    Opening for writing takes the session lock (a second writer gets
    ``DatabaseLockedError``); ``read_only=True`` takes no lock and refuses
    writes. Methods are safe to call from worker threads.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        opened = open_database(Path(path), read_only=read_only)
        self.path = opened.storage.path
        self.read_only = read_only
        self._storage = opened.storage
        self._index = opened.index
        self._lock = opened.lock
        self._mutex = threading.RLock()
        self._db = TinyDB(storage=lambda: self._storage)
        # TinyDB document ids are assigned here, so a batch can hand them out
        # before its documents reach TinyDB.
        self._next_doc_ids: dict[str, int] = {}
        self._pending: defaultdict[str, dict[int, Document]] | None = None

    # --- session ----------------------------------------------------------

    def close(self) -> None:
        with self._mutex:
            self._db.close()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Store:
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
        """Many changes, one durable write: all of them are saved, or none.

        Inserts wait until the end and go in with one ``insert_multiple`` per
        table: TinyDB copies a whole table on every insert, which made an
        import of thousands of records quadratic.
        """
        with self._mutex:
            if self._pending is not None:
                yield  # nested: the outer batch writes
                return
            self._pending = defaultdict(dict)
            try:
                with self._storage.batch():
                    yield
                    for table, documents in self._pending.items():
                        self._db.table(table).insert_multiple(documents.values())
            except BaseException:
                # The storage went back to the file on disk; so does the index.
                self._next_doc_ids.clear()
                self._index = build_index(self.path, self._storage.read())
                raise
            finally:
                self._pending = None

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

    def contact_detail(self, contact_id: str, now: DateTime | None = None) -> ContactDetail:
        self.contact(contact_id)
        with self._mutex:
            return contact_detail(
                self._index, self._table("touches"), contact_id, now or clock_now()
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

    # --- contacts -------------------------------------------------------------

    def add_contact(self, name: str, **fields: Any) -> Contact:
        """Add a contact; ``name`` is required, every other field optional."""
        values = clean_fields(CONTACT_FIELDS, {"name": name, **fields})
        self._check_account(values.get("account_id"))
        stamp = clock_now()
        contact = Contact(id=new_id(), created_at=stamp, updated_at=stamp, **values)
        with self._mutex:
            doc_id = self._insert("contacts", contact_to_doc(contact))
            self._index.add_contact(doc_id, contact)
        return contact

    def update_contact(self, contact_id: str, **changes: Any) -> Contact:
        values = clean_fields(CONTACT_FIELDS, changes)
        if "account_id" in values:
            self._check_account(values["account_id"])
        with self._mutex:
            contact = replace(self.contact(contact_id), updated_at=clock_now(), **values)
            self._save_contact(contact)
        return contact

    def archive_contact(self, contact_id: str) -> Contact:
        """Hide a contact from the dashboard; nothing is deleted."""
        return self._set_archived(contact_id, True)

    def restore_contact(self, contact_id: str) -> Contact:
        return self._set_archived(contact_id, False)

    def _set_archived(self, contact_id: str, archived: bool) -> Contact:
        with self._mutex:
            contact = replace(self.contact(contact_id), archived=archived, updated_at=clock_now())
            self._save_contact(contact)
        return contact

    def _save_contact(self, contact: Contact) -> None:
        self._update("contacts", contact.id, contact_to_doc(contact))
        self._index.contacts[contact.id] = contact

    # --- channels ---------------------------------------------------------------

    def add_channel(
        self,
        contact_id: str,
        rung: Rung | str,
        kind: ChannelKind | str,
        address: str = "",
        **fields: Any,
    ) -> Channel:
        """Add a channel; capacity and half-life default by rung, rank to last."""
        values = clean_fields(
            CHANNEL_FIELDS, {"rung": rung, "kind": kind, "address": address, **fields}
        )
        rung_value: Rung = values["rung"]
        values.setdefault("capacity", DEFAULT_CAPACITY[rung_value])
        values.setdefault("half_life_days", DEFAULT_HALF_LIFE_DAYS[rung_value])
        granted = fields.get("granted_at")
        with self._mutex:
            self.contact(contact_id)
            siblings = [c for c in self.channels_of(contact_id) if c.rung is rung_value]
            channel = Channel(
                id=new_id(),
                contact_id=contact_id,
                rank=max((c.rank for c in siblings), default=-1) + 1,
                granted_at=granted
                if isinstance(granted, DateTime)
                else (clock_now() if rung_value is Rung.PRIVATE else None),
                **{k: v for k, v in values.items() if k != "granted_at"},
            )
            doc_id = self._insert("channels", channel_to_doc(channel))
            self._index.add_channel(doc_id, channel)
        return channel

    def update_channel(self, channel_id: str, **changes: Any) -> Channel:
        values = clean_fields(CHANNEL_FIELDS, changes)
        with self._mutex:
            channel = replace(self.channel(channel_id), **values)
            self._save_channel(channel)
        return channel

    def retire_channel(self, channel_id: str) -> Channel:
        """Stop using a channel; its history stays."""
        return self.update_channel(channel_id, status=ChannelStatus.RETIRED)

    def move_channel(self, channel_id: str, offset: int) -> list[Channel]:
        """Move a channel up (-1) or down (+1) inside its rung; returns the rung in order."""
        with self._mutex:
            channel = self.channel(channel_id)
            rung = sorted(
                (c for c in self.channels_of(channel.contact_id) if c.rung is channel.rung),
                key=lambda c: c.rank,
            )
            position = next(i for i, c in enumerate(rung) if c.id == channel_id)
            target = max(0, min(len(rung) - 1, position + offset))
            rung.insert(target, rung.pop(position))
            moved = [replace(c, rank=i) for i, c in enumerate(rung)]
            with self.batch():
                for updated in moved:
                    if updated.rank != self._index.channels[updated.id].rank:
                        self._save_channel(updated)
            return moved

    def _save_channel(self, channel: Channel) -> None:
        self._update("channels", channel.id, channel_to_doc(channel))
        self._index.channels[channel.id] = channel

    # --- touches ----------------------------------------------------------------

    def log_touch(
        self,
        contact_id: str,
        channel_id: str,
        *,
        direction: Direction | str = Direction.OUT,
        urgency: Urgency | str = Urgency.ROUTINE,
        reason: str = "",
        note: str = "",
        outcome: str = "pending",
        at: DateTime | None = None,
    ) -> Touch:
        """Record a touch. An outgoing touch on a private channel needs a
        reason: why not a public one?"""
        values = clean_fields(TOUCH_FIELDS, {"reason": reason, "note": note, "outcome": outcome})
        way = validate.choice(Direction, direction, "direction")
        level = validate.choice(Urgency, urgency, "urgency")
        contact = self.contact(contact_id)
        channel = self.channel(channel_id)
        if channel.contact_id != contact.id:
            raise ValidationError("that channel belongs to another contact", field="channel")
        if not channel.is_active:
            raise ValidationError("that channel is retired; choose an active one", field="channel")
        if way is Direction.OUT and channel.rung is Rung.PRIVATE and not values["reason"]:
            raise ValidationError(
                "a private channel needs a reason: why not a public one?", field="reason"
            )
        touch = Touch(
            id=new_id(),
            contact_id=contact_id,
            channel_id=channel_id,
            at=at or clock_now(),
            direction=way,
            urgency=level,
            **values,
        )
        with self._mutex:
            doc_id = self._insert("touches", touch_to_doc(touch))
            self._index.add_touch(doc_id, touch)
        return touch

    # --- intel ------------------------------------------------------------------

    def record_intel(
        self,
        contact_id: str,
        direction: IntelDirection | str,
        summary: str,
        *,
        sensitivity: Sensitivity | str = Sensitivity.NORMAL,
        status: IntelStatus | str = IntelStatus.UNVERIFIED,
        unique: bool | None = None,
        touch_id: str | None = None,
        at: DateTime | None = None,
    ) -> Intel:
        """Record information given to or received from a contact."""
        values = clean_fields(
            INTEL_FIELDS,
            {"summary": summary, "sensitivity": sensitivity, "status": status, "unique": unique},
        )
        way = validate.choice(IntelDirection, direction, "direction")
        self.contact(contact_id)
        if touch_id is not None and touch_id not in self._index.doc_ids["touches"]:
            raise ValidationError("the linked touch does not exist", field="touch")
        item = Intel(
            id=new_id(),
            contact_id=contact_id,
            touch_id=touch_id,
            at=at or clock_now(),
            direction=way,
            **values,
        )
        with self._mutex:
            doc_id = self._insert("intel", intel_to_doc(item))
            self._index.add_intel(doc_id, item)
        return item

    def update_intel(self, intel_id: str, **changes: Any) -> Intel:
        values = clean_fields(INTEL_FIELDS, changes)
        with self._mutex:
            try:
                item = replace(self._index.intel[intel_id], **values)
            except KeyError:
                raise NotFoundError(f"no intel item with id {intel_id}") from None
            self._update("intel", item.id, intel_to_doc(item))
            self._index.add_intel(self._index.doc_ids["intel"][item.id], item)
        return item

    # --- accounts ---------------------------------------------------------------

    def add_account(self, name: str, **fields: Any) -> Account:
        values = clean_fields(ACCOUNT_FIELDS, {"name": name, **fields})
        account = Account(id=new_id(), **values)
        with self._mutex:
            doc_id = self._insert("accounts", account_to_doc(account))
            self._index.add_account(doc_id, account)
        return account

    def update_account(self, account_id: str, **changes: Any) -> Account:
        values = clean_fields(ACCOUNT_FIELDS, changes)
        with self._mutex:
            account = replace(self.account(account_id), **values)
            self._update("accounts", account.id, account_to_doc(account))
            self._index.accounts[account.id] = account
        return account

    def _check_account(self, account_id: str | None) -> None:
        if account_id is not None and account_id not in self._index.accounts:
            raise ValidationError("that account does not exist", field="account")

    # --- persistence --------------------------------------------------------------

    def _table(self, name: str) -> dict[str, Any]:
        table: dict[str, Any] = self._storage.read().get(name, {})
        if self._pending and self._pending.get(name):
            return {**table, **{str(i): doc for i, doc in self._pending[name].items()}}
        return table

    def _next_doc_id(self, table: str) -> int:
        next_id = self._next_doc_ids.get(table)
        if next_id is None:
            next_id = max(map(int, self._storage.read().get(table, {})), default=0) + 1
        self._next_doc_ids[table] = next_id + 1
        return next_id

    def _insert(self, table: str, doc: Doc) -> int:
        doc_id = self._next_doc_id(table)
        document = Document(doc, doc_id=doc_id)
        if self._pending is not None:
            self._pending[table][doc_id] = document
        else:
            self._db.table(table).insert(document)
        return doc_id

    def _update(self, table: str, record_id: str, doc: Doc) -> None:
        doc_id = self._index.doc_ids[table][record_id]
        if self._pending is not None and doc_id in self._pending[table]:
            self._pending[table][doc_id] = Document(doc, doc_id=doc_id)
            return
        self._db.table(table).update(doc, doc_ids=[doc_id])


__all__ = ["Store", "WriteFailedError", "new_id"]
