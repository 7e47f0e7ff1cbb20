"""The rules of the intel ledger: what a given item may carry, and the order
a received item's verification status and uniqueness step through."""

from __future__ import annotations

from ..errors import ValidationError
from .models import Intel, IntelDirection, IntelStatus

# The order one key steps through: checked, then found wrong, then back to open.
_NEXT_STATUS = {
    IntelStatus.UNVERIFIED: IntelStatus.CONFIRMED,
    IntelStatus.CONFIRMED: IntelStatus.CONTRADICTED,
    IntelStatus.CONTRADICTED: IntelStatus.UNVERIFIED,
}


def next_status(status: IntelStatus) -> IntelStatus:
    """unverified → confirmed → contradicted → unverified."""
    return _NEXT_STATUS[status]


def next_unique(unique: bool | None) -> bool | None:
    """unknown → unique (only this source) → also heard elsewhere → unknown."""
    if unique is None:
        return True
    return False if unique else None


def check_intel(item: Intel) -> None:
    """Refuse what a given item cannot carry.

    Only what you received can be checked against other sources: a given
    item has no verification status and is neither unique nor not.
    """
    if item.direction is not IntelDirection.GIVEN:
        return
    if item.status is not IntelStatus.UNVERIFIED:
        raise ValidationError(
            "a given item has no verification status: only received intel is verified",
            field="status",
        )
    if item.unique is not None:
        raise ValidationError(
            "a given item is neither unique nor heard elsewhere: only received intel is",
            field="unique",
        )
