"""The domain model: typed, immutable records of contacts, channels, touches,
intel and accounts (DESIGN.md section 2).

Records are frozen, so the store can hand out the objects it keeps without
anyone changing its cache behind its back. They are msgspec structs rather
than dataclasses: a struct class is made in C, where a frozen dataclass
costs this module some 20 ms of every start, and a struct is built about
five times faster, which counts when a book decodes a record per touch.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec
from pendulum import DateTime

from .clock import from_epoch
from .replies import NO_REPLIES, ReplyRate


class Rung(StrEnum):
    """The three rungs of the ladder, strongest first."""

    RELATIONSHIP = "relationship"
    PRIVATE = "private"
    PUBLIC = "public"


RUNG_ORDER: tuple[Rung, ...] = (Rung.RELATIONSHIP, Rung.PRIVATE, Rung.PUBLIC)


class ChannelKind(StrEnum):
    IN_PERSON = "in_person"
    CALL = "call"
    EMAIL = "email"
    PHONE = "phone"
    SMS = "sms"
    SIGNAL = "signal"
    WHATSAPP = "whatsapp"
    TELEGRAM = "telegram"
    IM = "im"
    LINKEDIN = "linkedin"
    X = "x"
    MASTODON = "mastodon"
    OTHER = "other"


# "private signal", "relationship in person": worked out once, not per channel shown.
_DESCRIPTIONS = {
    (rung, kind): f"{rung.value} {kind.value.replace('_', ' ')}"
    for rung in Rung
    for kind in ChannelKind
}


class ChannelStatus(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"


class Direction(StrEnum):
    OUT = "out"
    IN = "in"


class Urgency(StrEnum):
    ROUTINE = "routine"
    IMPORTANT = "important"
    URGENT = "urgent"


class Outcome(StrEnum):
    PENDING = "pending"
    REPLIED = "replied"
    NO_REPLY = "no_reply"


class IntelDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"


class IntelStatus(StrEnum):
    UNVERIFIED = "unverified"
    CONFIRMED = "confirmed"
    CONTRADICTED = "contradicted"


class Sensitivity(StrEnum):
    NORMAL = "normal"
    CONFIDENTIAL = "confidential"


class Band(StrEnum):
    """How hot a channel is, from its level (heat / capacity)."""

    COOL = "cool"
    WARM = "warm"
    HOT = "hot"


class RelationshipState(StrEnum):
    """How a relationship stands against its cadence."""

    FRESH = "fresh"
    DUE = "due"
    OVERDUE = "overdue"


DEFAULT_CAPACITY: dict[Rung, float] = {Rung.RELATIONSHIP: 3, Rung.PRIVATE: 1, Rung.PUBLIC: 5}
DEFAULT_HALF_LIFE_DAYS: dict[Rung, float] = {
    Rung.RELATIONSHIP: 7,
    Rung.PRIVATE: 14,
    Rung.PUBLIC: 3,
}
DEFAULT_CADENCE_DAYS = 30


class Contact(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    codename: str = ""
    org: str = ""
    role: str = ""
    account_id: str | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    strength: int = 0
    cadence_days: int = DEFAULT_CADENCE_DAYS
    intention: str = ""
    # vCard properties bchan does not model (N, BDAY, ADR, PHOTO, a phone's
    # TEL types...), one unfolded content line each, kept from an import so
    # that ``bchan export --format vcard`` gives them back.
    vcard: str = ""
    created_at: DateTime
    updated_at: DateTime
    archived: bool = False

    def display_name(self, *, screen_safe: bool = False) -> str:
        """The name to show; the codename instead when screen-safe and one is set."""
        if screen_safe and self.codename:
            return self.codename
        return self.name


class Channel(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    contact_id: str
    rung: Rung
    kind: ChannelKind
    address: str = ""
    label: str = ""
    rank: int = 0
    their_preference: bool = False
    capacity: float
    half_life_days: float
    granted_at: DateTime | None = None
    terms: str = ""
    status: ChannelStatus = ChannelStatus.ACTIVE

    @property
    def is_active(self) -> bool:
        return self.status is ChannelStatus.ACTIVE

    def describe(self) -> str:
        """A short human name such as "private signal" or "public email (work)"."""
        text = _DESCRIPTIONS[self.rung, self.kind]
        return f"{text} ({self.label})" if self.label else text


class Touch(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    contact_id: str
    channel_id: str
    at: DateTime
    direction: Direction = Direction.OUT
    urgency: Urgency = Urgency.ROUTINE
    reason: str = ""
    note: str = ""
    outcome: Outcome = Outcome.PENDING


class Intel(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    contact_id: str
    touch_id: str | None = None
    at: DateTime
    direction: IntelDirection
    summary: str
    status: IntelStatus = IntelStatus.UNVERIFIED
    unique: bool | None = None
    sensitivity: Sensitivity = Sensitivity.NORMAL


class Account(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: str
    official_process: str = ""
    notes: str = ""


def _moment(epoch: float | None) -> DateTime | None:
    return None if epoch is None else from_epoch(epoch)


class ChannelHeat(msgspec.Struct, frozen=True):
    """A channel's derived state at one moment.

    Times are kept as epoch seconds and turned into DateTimes only when
    shown: the contact list derives tens of thousands of these at once.
    """

    heat: float
    level: float
    band: Band
    last_used_at: float | None
    ready_again_at: float | None

    @property
    def last_used(self) -> DateTime | None:
        return _moment(self.last_used_at)

    @property
    def ready_again(self) -> DateTime | None:
        """When a hot channel leaves the hot band with no new use."""
        return _moment(self.ready_again_at)


class Recommendation(msgspec.Struct, frozen=True):
    """Which channel ``reach now`` picks, and the one-line reason why."""

    urgency: Urgency
    channel: Channel | None
    reason: str


class ContactRow(msgspec.Struct, frozen=True):
    """One line of the dashboard's contact list, with its derived values."""

    contact: Contact
    routine_channel: Channel | None
    routine_band: Band | None
    private_band: Band | None
    last_touch_at: float | None
    state: RelationshipState
    overdue_ratio: float
    balance: int
    max_level: float

    @property
    def last_touch(self) -> DateTime | None:
        """The newest touch of any kind, either direction."""
        return _moment(self.last_touch_at)


class LadderStep(msgspec.Struct, frozen=True):
    """A channel on a contact's ladder with its heat and reply rate."""

    channel: Channel
    heat: ChannelHeat
    replies: ReplyRate = NO_REPLIES


class ContactDetail(msgspec.Struct, frozen=True):
    """Everything the contact screen shows."""

    contact: Contact
    account: Account | None
    ladder: tuple[LadderStep, ...]
    recommendations: tuple[Recommendation, ...]
    touches: tuple[Touch, ...]
    intel: tuple[Intel, ...]
    state: RelationshipState
    last_touch: DateTime | None
    balance: int
    confirmed: int
    contradicted: int

    @property
    def is_source(self) -> bool:
        """Whether the contact has told you anything: then they are a source to protect."""
        return any(item.direction is IntelDirection.RECEIVED for item in self.intel)


class AttentionKind(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    HOT_PRIVATE = "hot_private"
    UNVERIFIED = "unverified"
    ONE_SIDED = "one_sided"
    NO_TOUCH_YET = "no_touch_yet"
    CONFLICT = "conflict"


class AttentionItem(msgspec.Struct, frozen=True):
    """One thing the dashboard says needs doing."""

    kind: AttentionKind
    contact_id: str
    text: str
    sort_key: float = 0.0
    # The text while sources are protected (screen-safe, a redacted export),
    # when the text quotes something confidential or counts what a source gave.
    screen_safe_text: str | None = None
    # The merge conflict the item asks to settle ("" for other kinds).
    conflict_id: str = ""
