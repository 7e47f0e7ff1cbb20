"""Which fields of each record a user may set, and how each is validated."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import ValidationError
from . import validate
from .models import (
    ChannelKind,
    ChannelStatus,
    IntelStatus,
    Outcome,
    Rung,
    Sensitivity,
)

Validator = Callable[[Any], Any]


def _optional_id(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValidationError("an id must be text", field="id")
    return value


def _unique(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValidationError("unique must be yes, no or unknown", field="unique")


CONTACT_FIELDS: dict[str, Validator] = {
    "name": validate.name,
    "codename": lambda v: validate.line(v, "codename"),
    "org": lambda v: validate.line(v, "organisation"),
    "role": lambda v: validate.line(v, "role"),
    "account_id": _optional_id,
    "tags": validate.tags,
    "notes": lambda v: validate.block(v, "notes"),
    "strength": lambda v: validate.whole_number(v, "strength", 0, 5),
    "cadence_days": lambda v: validate.whole_number(v, "cadence", 1, 3650),
    "intention": lambda v: validate.block(v, "intention", 2000),
    "vcard": validate.card,
}

CHANNEL_FIELDS: dict[str, Validator] = {
    "rung": lambda v: validate.choice(Rung, v, "rung"),
    "kind": lambda v: validate.choice(ChannelKind, v, "kind"),
    "address": validate.address,
    "label": lambda v: validate.line(v, "label", 100),
    "their_preference": lambda v: validate.flag(v, "their preference"),
    "capacity": lambda v: validate.positive_number(v, "capacity", 1000),
    "half_life_days": lambda v: validate.positive_number(v, "half-life", 3650),
    "terms": lambda v: validate.block(v, "terms", 2000),
    "status": lambda v: validate.choice(ChannelStatus, v, "status"),
}

INTEL_FIELDS: dict[str, Validator] = {
    "summary": lambda v: validate.name(v, "summary"),
    "status": lambda v: validate.choice(IntelStatus, v, "status"),
    "unique": _unique,
    "sensitivity": lambda v: validate.choice(Sensitivity, v, "sensitivity"),
}

ACCOUNT_FIELDS: dict[str, Validator] = {
    "name": lambda v: validate.name(v, "account name"),
    "official_process": lambda v: validate.block(v, "official process", 2000),
    "notes": lambda v: validate.block(v, "notes"),
}

TOUCH_FIELDS: dict[str, Validator] = {
    "note": lambda v: validate.block(v, "note", 2000),
    "reason": lambda v: validate.block(v, "reason", 2000),
    "outcome": lambda v: validate.choice(Outcome, v, "outcome"),
}


def clean_fields(allowed: Mapping[str, Validator], values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate each given field; unknown field names are a programming error."""
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    return {key: allowed[key](value) for key, value in values.items()}
