"""What an imported file holds, before it is checked against the book: a
contact record with its channels for each card or row that could be read,
a broken record (its line and what is wrong) for each that could not.

Both readers build these and the planner consumes them, so this module
imports neither: the dependency runs one way, from the readers and the
planner to here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.models import ChannelKind, Rung
from ..errors import BchanError
from .import_keys import channel_key


class ImportFailedError(BchanError):
    """The file cannot be imported at all (unreadable, or not a known format)."""


@dataclass
class ChannelRecord:
    """A channel as read from a file, before validation."""

    kind: ChannelKind
    address: str
    rung: Rung = Rung.PUBLIC
    label: str = ""
    their_preference: bool = False


@dataclass
class ContactRecord:
    """A contact as read from a file (``line`` is where it starts)."""

    line: int
    name: str
    org: str = ""
    role: str = ""
    notes: str = ""
    codename: str = ""
    tags: list[str] = field(default_factory=list)
    channels: list[ChannelRecord] = field(default_factory=list)
    # vCard properties bchan does not model, one line each (see Contact.vcard).
    vcard: str = ""
    # What of the card or row could not be read, each naming its line.
    problems: list[str] = field(default_factory=list)

    def add_channel(self, channel: ChannelRecord, *, allow_empty: bool = False) -> None:
        """Add a channel once: a repeat only adds its preference. An empty
        address is dropped unless ``allow_empty`` (bchan's own meetings and calls)."""
        if not channel.address.strip() and not allow_empty:
            return
        key = channel_key(channel.kind, channel.address, channel.label)
        for known in self.channels:
            if channel_key(known.kind, known.address, known.label) == key:
                known.their_preference = known.their_preference or channel.their_preference
                return
        self.channels.append(channel)


@dataclass(frozen=True)
class BrokenRecord:
    """A card or row that cannot be read, with the line it starts on."""

    line: int
    reason: str


Record = ContactRecord | BrokenRecord


def joined(*parts: str) -> str:
    """Name parts as one name, empty ones left out."""
    return " ".join(part.strip() for part in parts if part and part.strip())


def named(record: ContactRecord) -> Record:
    """The record, named by its organisation or first address when it has no
    name; a broken record when it has none of them."""
    if not record.name:
        record.name = record.org or next((c.address for c in record.channels if c.address), "")
    if not record.name:
        return BrokenRecord(record.line, "the row has no name, organisation or address")
    return record
