"""Every change a store makes to its book: validated, written durably, and
only then applied to the index.

``Changes`` is the writing half of ``Store``, kept in a file of its own; it
has no state of its own and is never used apart from ``Store``.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace
from pendulum import DateTime

from ..book.codec import (
    Doc,
    account_to_doc,
    channel_to_doc,
    contact_to_doc,
    intel_to_doc,
    touch_to_doc,
)
from ..book.index import BookIndex
from ..domain import validate
from ..domain.clock import now as clock_now
from ..domain.fields import (
    ACCOUNT_FIELDS,
    CHANNEL_FIELDS,
    CONTACT_FIELDS,
    INTEL_FIELDS,
    TOUCH_FIELDS,
    clean_fields,
)
from ..domain.ledger import check_intel
from ..domain.models import (
    DEFAULT_CAPACITY,
    DEFAULT_HALF_LIFE_DAYS,
    Account,
    Channel,
    ChannelKind,
    ChannelStatus,
    Contact,
    Direction,
    Intel,
    IntelDirection,
    IntelStatus,
    Rung,
    Sensitivity,
    Touch,
    Urgency,
)
from ..domain.search_text import fold
from ..domain.validate import check_address
from ..domain.when import check_not_future
from ..errors import BrokenDatabaseError, NotFoundError, ValidationError
from .documents import DocumentWriter
from .tinydb_storage import AtomicJSONStorage


def new_id() -> str:
    return uuid.uuid4().hex


class Changes:
    """The changes of ``Store``; see there."""

    _mutex: threading.RLock
    _storage: AtomicJSONStorage
    _documents: DocumentWriter

    if TYPE_CHECKING:
        # What ``Store`` answers, declared for the type checker.
        @property
        def indexed(self) -> bool: ...
        def index(self) -> BookIndex: ...
        def _view(self, contact_ids: Collection[str]) -> BookIndex: ...
        def _changed(self, table: str | None = None) -> None: ...
        def contact(self, contact_id: str) -> Contact: ...
        def channel(self, channel_id: str) -> Channel: ...
        def channels_of(
            self, contact_id: str, *, include_retired: bool = False
        ) -> list[Channel]: ...
        def account(self, account_id: str) -> Account: ...

    # --- contacts -------------------------------------------------------------

    def add_contact(self, name: str, **fields: Any) -> Contact:
        """Add a contact; ``name`` is required, every other field optional."""
        values = clean_fields(CONTACT_FIELDS, {"name": name, **fields})
        self._check_account(values.get("account_id"))
        stamp = clock_now()
        contact = Contact(id=new_id(), created_at=stamp, updated_at=stamp, **values)
        with self._mutex:
            self._check_codename(contact)
            doc_id = self._insert("contacts", contact_to_doc(contact))
            self.index().add_contact(doc_id, contact)
        return contact

    def update_contact(self, contact_id: str, **changes: Any) -> Contact:
        values = clean_fields(CONTACT_FIELDS, changes)
        if "account_id" in values:
            self._check_account(values["account_id"])
        with self._mutex:
            contact = replace(self.contact(contact_id), updated_at=clock_now(), **values)
            if "codename" in values:
                self._check_codename(contact)
            self._save_contact(contact)
        return contact

    def _check_codename(self, contact: Contact) -> None:
        """A codename names one person in the whole book (archived ones too):
        shared, a redacted export would put one's words in the other's name."""
        if not contact.codename:
            return
        wanted = fold(contact.codename)
        for other in self.index().contacts.values():
            if other.id != contact.id and other.codename and fold(other.codename) == wanted:
                raise ValidationError(
                    # Not saying whose: the message may be read on a screen
                    # kept screen-safe.
                    f"the codename {contact.codename!r} is taken by another contact; "
                    "choose another",
                    field="codename",
                )

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
        self.index().contacts[contact.id] = contact

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
        check_address(values["kind"], values["address"])
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
            self.index().add_channel(doc_id, channel)
        return channel

    def update_channel(self, channel_id: str, **changes: Any) -> Channel:
        values = clean_fields(CHANNEL_FIELDS, changes)
        with self._mutex:
            channel = replace(self.channel(channel_id), **values)
            if {"kind", "address"} & values.keys():
                check_address(channel.kind, channel.address)
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
            stored = self.index().channels
            with self._documents.batch():
                for updated in moved:
                    if updated.rank != stored[updated.id].rank:
                        self._save_channel(updated)
            return moved

    def _save_channel(self, channel: Channel) -> None:
        self._update("channels", channel.id, channel_to_doc(channel))
        self.index().channels[channel.id] = channel

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
        reason: why not a public one?

        A touch is checked against the part of the book about its contact
        and appended to the journal: the rest of the book need not be decoded.
        """
        values = clean_fields(TOUCH_FIELDS, {"reason": reason, "note": note, "outcome": outcome})
        way = validate.choice(Direction, direction, "direction")
        level = validate.choice(Urgency, urgency, "urgency")
        with self._mutex:
            part = self._view([contact_id])
            if contact_id not in part.contacts:
                raise NotFoundError(f"no contact with id {contact_id}")
            channel = part.channels.get(channel_id) or self.channel(channel_id)
            if channel.contact_id != contact_id:
                raise ValidationError("that channel belongs to another contact", field="channel")
            if not channel.is_active:
                raise ValidationError(
                    "that channel is retired; choose an active one", field="channel"
                )
            if way is Direction.OUT and channel.rung is Rung.PRIVATE and not values["reason"]:
                raise ValidationError(
                    "a private channel needs a reason: why not a public one?", field="reason"
                )
            moment = clock_now() if at is None else at.in_timezone("UTC")
            check_not_future(moment, clock_now())
            touch = Touch(
                id=new_id(),
                contact_id=contact_id,
                channel_id=channel_id,
                at=moment,
                direction=way,
                urgency=level,
                **values,
            )
            doc_id = self._documents.insert("touches", touch_to_doc(touch))
            self._changed("touches")
            if self.indexed:
                self.index().add_touch(doc_id, touch)
            self._fold_if_full()
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
        """Record information given to or received from a contact.

        Only received items carry a verification status and a unique flag; a
        linked touch must be one of this contact's."""
        values = clean_fields(
            INTEL_FIELDS,
            {"summary": summary, "sensitivity": sensitivity, "status": status, "unique": unique},
        )
        way = validate.choice(IntelDirection, direction, "direction")
        self.contact(contact_id)
        linked = touch_id or None
        item = Intel(
            id=new_id(),
            contact_id=contact_id,
            touch_id=linked,
            at=at or clock_now(),
            direction=way,
            **values,
        )
        check_intel(item)
        with self._mutex:
            if linked is not None:
                self._check_touch(contact_id, linked)
            doc_id = self._insert("intel", intel_to_doc(item))
            self.index().add_intel(doc_id, item)
        return item

    def update_intel(self, intel_id: str, **changes: Any) -> Intel:
        """Change an item's summary, status, unique flag or sensitivity."""
        values = clean_fields(INTEL_FIELDS, changes)
        with self._mutex:
            index = self.index()
            try:
                item = replace(index.intel[intel_id], **values)
            except KeyError:
                raise NotFoundError(f"no intel item with id {intel_id}") from None
            check_intel(item)
            self._update("intel", item.id, intel_to_doc(item))
            index.add_intel(index.doc_ids["intel"][item.id], item)
        return item

    def _check_touch(self, contact_id: str, touch_id: str) -> None:
        stored = self._documents.table("touches")
        keys = self.index().touch_keys.get(contact_id, ())
        if any(stored[key]["id"] == touch_id for key in keys):
            return
        if any(doc["id"] == touch_id for doc in stored.values()):
            raise ValidationError("the linked touch is with another contact", field="touch")
        raise ValidationError("the linked touch does not exist", field="touch")

    # --- accounts ---------------------------------------------------------------

    def add_account(self, name: str, **fields: Any) -> Account:
        """Add an account; its name (1-200 characters) must not be another
        account's, whatever the case."""
        values = clean_fields(ACCOUNT_FIELDS, {"name": name, **fields})
        account = Account(id=new_id(), **values)
        with self._mutex:
            self._check_account_name(account.name)
            doc_id = self._insert("accounts", account_to_doc(account))
            self.index().add_account(doc_id, account)
        return account

    def update_account(self, account_id: str, **changes: Any) -> Account:
        """Change an account's name, official process or notes; a new name
        must not be another account's, whatever the case."""
        values = clean_fields(ACCOUNT_FIELDS, changes)
        with self._mutex:
            account = replace(self.account(account_id), **values)
            if "name" in values:
                self._check_account_name(account.name, account.id)
            self._update("accounts", account.id, account_to_doc(account))
            self.index().accounts[account.id] = account
        return account

    def _check_account_name(self, name: str, account_id: str | None = None) -> None:
        """Refuse a name another account has: two "Northwind"s would be one
        deal split in two, and no one could tell which is which."""
        others = (a.name for a in self.index().accounts.values() if a.id != account_id)
        validate.unique_name(name, others, "an account")

    def _check_account(self, account_id: str | None) -> None:
        if account_id is not None and account_id not in self._view(()).accounts:
            raise ValidationError("that account does not exist", field="account")

    # --- writing ------------------------------------------------------------------

    def _insert(self, table: str, doc: Doc) -> int:
        # Every change but a touch is made on the whole index, so the book
        # is checked whole before anything is written to it.
        self.index()
        doc_id = self._documents.insert(table, doc)
        self._changed(table)
        self._fold_if_full()
        return doc_id

    def _update(self, table: str, record_id: str, doc: Doc) -> None:
        self._documents.update(table, self.index().doc_ids[table][record_id], doc)
        self._changed(table)
        self._fold_if_full()

    def _fold_if_full(self) -> None:
        """Past its size limit, the journal is folded into the book. Only a
        book checked whole is rewritten: a broken one keeps its journal,
        which holds the change already, and is reported by the next reader
        of the whole book."""
        if not self._storage.journal_full:
            return
        try:
            self.index()
        except BrokenDatabaseError:
            return
        self._storage.fold()
