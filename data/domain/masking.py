"""Masking private addresses, so a back channel can be named without being
given away (DESIGN.md "Protect your sources").

The shell's ``bchan reach``, the dashboard's screen-safe mode and the
redacted markdown export all mask the same way. A mask keeps just enough to
recognise an address you already know (its first character, an email's
top-level domain, a phone number's last two digits) and always has the same
length, so it does not tell how long the address is.
"""

from __future__ import annotations

import re

from .models import Channel, Rung

MASK = "•••"

# Digits with the usual phone punctuation, and at least five digits.
_PHONE = re.compile(r"^\+?[\d\s().\-/]+$")
_MIN_PHONE_DIGITS = 5
_SHORT = 3


def _mask_email(local: str, domain: str) -> str:
    head = local[:1] if len(local) >= _SHORT else ""
    _, dot, top_level = domain.rpartition(".")
    tail = f"{MASK}.{top_level}" if dot and top_level else MASK
    return f"{head}{MASK}@{tail}"


def _mask_phone(address: str, digits: str) -> str:
    plus = "+" if address.startswith("+") else ""
    return f"{plus}{MASK} {MASK}{digits[-2:]}"


def mask_address(address: str) -> str:
    """The address with most of it hidden.

    ``marta@proton.example`` -> ``m•••@•••.example``; ``+46 70 555 0142`` ->
    ``+••• •••42``; ``@hirotanaka`` -> ``@h•••``; anything of three characters
    or fewer -> ``•••``. An empty address stays empty.
    """
    text = address.strip()
    if not text:
        return ""
    local, at, domain = text.rpartition("@")
    if at and local and domain:
        return _mask_email(local, domain)
    digits = "".join(ch for ch in text if ch.isdigit())
    if _PHONE.match(text) and len(digits) >= _MIN_PHONE_DIGITS:
        return _mask_phone(text, digits)
    handle = text[1:] if text.startswith("@") else text
    if len(handle) <= _SHORT:
        return MASK
    return f"{text[: len(text) - len(handle)]}{handle[0]}{MASK}"


def shown_address(channel: Channel, *, reveal: bool = False) -> str:
    """The channel's address as it may be shown: masked on the private rung
    unless ``reveal`` is asked for explicitly."""
    if channel.rung is Rung.PRIVATE and not reveal:
        return mask_address(channel.address)
    return channel.address
