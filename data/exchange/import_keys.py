"""When an imported channel or contact is one the book already has: the
keys both are compared by, so the same address written two ways matches."""

from __future__ import annotations

import re

from ..domain.models import ChannelKind

# Kinds whose address is usually a phone number, matched by its digits.
PHONE_KINDS = frozenset(
    {ChannelKind.PHONE, ChannelKind.SMS, ChannelKind.SIGNAL, ChannelKind.WHATSAPP, ChannelKind.CALL}
)
MIN_PHONE_DIGITS = 5
_PHONE_TEXT = re.compile(r"^\+?[\d\s().\-/]+$")
_SPACES = re.compile(r"\s+")
_URL_PREFIX = re.compile(r"^(?:https?://)?(?:www\.|mobile\.)?")


def normal_email(address: str) -> str:
    text = address.strip()
    if text.casefold().startswith("mailto:"):
        text = text[len("mailto:") :]
    return text.casefold()


def normal_phone(address: str) -> str | None:
    """A phone number's digits (with a leading + kept), or None when the
    text is not a phone number."""
    text = address.strip()
    if text.casefold().startswith("tel:"):
        text = text[len("tel:") :]
    if not _PHONE_TEXT.match(text):
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    return ("+" if text.startswith("+") else "") + digits


def channel_key(kind: ChannelKind, address: str, label: str = "") -> tuple[str, str]:
    """Two channels with the same key are the same channel."""
    if kind is ChannelKind.EMAIL:
        return kind.value, normal_email(address)
    phone = normal_phone(address) if kind in PHONE_KINDS else None
    if phone is not None:
        return kind.value, phone
    text = normal_profile(kind, address)
    # An address-less channel (a meeting) is told apart by its label.
    return kind.value, text or "label:" + _SPACES.sub(" ", label).strip().casefold()


def normal_profile(kind: ChannelKind, address: str) -> str:
    """A profile or handle without what varies between address books:
    ``https://www.linkedin.com/in/jo/`` and ``linkedin.com/in/jo`` are one
    profile, and so are ``https://twitter.com/jo`` and ``@jo``."""
    text = _SPACES.sub(" ", address).strip().casefold()
    text = _URL_PREFIX.sub("", text).rstrip("/")
    if kind is ChannelKind.X:
        host, _, path = text.partition("/")
        if host in ("twitter.com", "x.com") and path:
            text = path.split("/")[0]
        text = text.removeprefix("@")
    return text


def name_key(name: str, org: str) -> tuple[str, str]:
    return (_SPACES.sub(" ", name).strip().casefold(), _SPACES.sub(" ", org).strip().casefold())
