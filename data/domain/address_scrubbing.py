"""Masking hidden addresses wherever free text quotes them
(DESIGN.md "Protect your sources"): "texted +46 (0)70 555 01 42, then
@heron@social.example" keeps neither the number nor the account.

Phone numbers are recognised as numbers (``phone_numbers``), emails,
handles and profile links as the account they name (``handles``), and any
other stored address as written, ignoring case and a link's scheme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .handles import MIN_USER, Identity, identity_of, same_account
from .masking import mask_address
from .phone_numbers import CANDIDATE, HiddenNumbers, looks_like_phone, usual_region

# What may be an address inside free text, tried in this order at each place:
# an email or a fediverse or Matrix account, a phone number, a link with a
# path, a handle, and a word that looks like a user name (a digit, an
# underscore or a dot inside it: "heron.42").
_CANDIDATE = (
    r"(?P<account>@?[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|@[\w.+\-]+:[\w\-]+(?:\.[\w\-]+)+)"
    rf"|(?P<phone>{CANDIDATE})"
    r"|(?P<link>(?:[a-z][a-z0-9+.\-]*://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)+/[^\s<>()\[\]{}\"'`|*]*)"
    r"|(?P<handle>@[\w.\-]+)"
    r"|(?P<word>[\w\-]*[\d_][\w.\-]*|\w+(?:\.\w+)+)"
)


@cache
def _candidates() -> re.Pattern[str]:
    # Compiled when first scrubbing, not by every command at import.
    return re.compile(_CANDIDATE, re.IGNORECASE)


_URL_START = re.compile(r"^(?:https?://)?(?:www\.)?")
# A user name is quoted without its "@" or link only when it cannot be an
# ordinary word: "heron.42" is a Signal username, "heron" is a bird.
_HANDLE_LIKE = re.compile(r"[\d_.]")
_TRAILING = ".,;:!?-/"


def address_key(text: str) -> str:
    """How an address that is neither a number nor an account is recognised
    in free text: ignoring case, a link's scheme and a trailing slash."""
    return _URL_START.sub("", text.strip().casefold()).rstrip("/")


class AddressScrubber:
    """Masks hidden addresses (private ones, a codenamed person's) wherever
    free text quotes them, in any form their kind allows."""

    def __init__(self, addresses: Iterable[str]) -> None:
        stored = list(dict.fromkeys(a.strip() for a in addresses if a and a.strip()))
        self._phones = [a for a in stored if looks_like_phone(a)]
        # Read when free text first holds something like a number: parsing
        # every hidden number costs a large book tens of milliseconds.
        self._numbers: HiddenNumbers | None = None
        self._whole: dict[str, str] = {}
        self._accounts: dict[str, list[tuple[Identity, str]]] = {}
        self._bare_users: set[str] = set()
        phones = set(self._phones)
        for address in stored:
            if address in phones:
                continue
            self._whole.setdefault(address_key(address), address)
            identity = identity_of(address, bare=True)
            if identity is None or len(identity.user) < MIN_USER:
                continue
            self._accounts.setdefault(identity.user, []).append((identity, address))
            if _HANDLE_LIKE.search(identity.user):
                self._bare_users.add(identity.user)
        self._whole.pop("", None)

    def __bool__(self) -> bool:
        return bool(self._phones or self._whole)

    def __call__(self, text: str) -> str:
        if not self:
            return text
        return _candidates().sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        found = match.group(0)
        kind = match.lastgroup
        if kind == "phone":
            core = found
            address = self._number(found)
        else:
            # A sentence's full stop is not part of the address before it.
            core = found.rstrip(_TRAILING)
            address = self._account(core, bare=kind == "word")
        return found if address is None else mask_address(address) + found[len(core) :]

    def _number(self, written: str) -> str | None:
        if not self._phones:
            return None
        if self._numbers is None:
            self._numbers = HiddenNumbers(self._phones, region=usual_region(self._phones))
        return self._numbers.find(written)

    def _account(self, written: str, *, bare: bool) -> str | None:
        address = self._whole.get(address_key(written))
        if address is not None:
            return address
        identity = identity_of(written, bare=bare)
        if identity is None or (bare and identity.user not in self._bare_users):
            return None
        for hidden, address in self._accounts.get(identity.user, ()):
            if same_account(hidden, identity):
                return address
        return None
