"""bchan's data layer: the domain model, the store and everything derived.

It never imports Textual; the CLI's shell commands run on it alone.
"""

from .book.account_map import AccountMap, AccountPerson, AccountSummary
from .book.dashboard import FIRST_ROWS
from .domain.models import (
    Account,
    AttentionItem,
    AttentionKind,
    Band,
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
    LadderStep,
    Outcome,
    Recommendation,
    RelationshipState,
    Rung,
    Sensitivity,
    Touch,
    Urgency,
)
from .errors import (
    BchanError,
    BrokenDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    NotFoundError,
    ValidationError,
    WriteFailedError,
)
from .storage.paths import default_db_path, resolve_db_path
from .storage.store import Store

__all__ = [
    "FIRST_ROWS",
    "Account",
    "AccountMap",
    "AccountPerson",
    "AccountSummary",
    "AttentionItem",
    "AttentionKind",
    "Band",
    "BchanError",
    "BrokenDatabaseError",
    "Channel",
    "ChannelHeat",
    "ChannelKind",
    "ChannelStatus",
    "Contact",
    "ContactDetail",
    "ContactRow",
    "DatabaseError",
    "DatabaseLockedError",
    "Direction",
    "Intel",
    "IntelDirection",
    "IntelStatus",
    "LadderStep",
    "NotFoundError",
    "Outcome",
    "Recommendation",
    "RelationshipState",
    "Rung",
    "Sensitivity",
    "Store",
    "Touch",
    "Urgency",
    "ValidationError",
    "WriteFailedError",
    "default_db_path",
    "resolve_db_path",
]
