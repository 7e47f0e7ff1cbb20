"""Relationship health (going cold) and the give/get balance."""

from __future__ import annotations

from .clock import SECONDS_PER_DAY
from .models import RelationshipState

DUE_FROM = 1.0
OVERDUE_FROM = 1.5


def cadence_ratio(last_touch: float, cadence_days: int, now: float) -> float:
    """Days since the newest touch, as a multiple of the cadence."""
    days = max(0.0, now - last_touch) / SECONDS_PER_DAY
    return days / cadence_days


def state_of(ratio: float) -> RelationshipState:
    """fresh below the cadence, due from 1x, overdue from 1.5x."""
    if ratio >= OVERDUE_FROM:
        return RelationshipState.OVERDUE
    if ratio >= DUE_FROM:
        return RelationshipState.DUE
    return RelationshipState.FRESH


def give_get_balance(given: int, received: int) -> int:
    """Items given minus items received: negative means you owe."""
    return given - received
