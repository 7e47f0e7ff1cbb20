"""The one scrubber for free text (DESIGN.md "Protect your sources").

Notes, reasons, intel, what a contact gains, account notes: people write
addresses and names into them. The redacted export, screen-safe mode and
everything else that shows such text while hiding sources pass it through
one ``Scrubber``, so each hides exactly what the others hide:

- every hidden address (the private rung of everyone, every address of a
  codenamed person) in any form its kind allows: phone numbers compared as
  numbers, emails ignoring case, handles and profile links by the account
  they name (``address_scrubbing``);
- a codenamed person's names, also with suffixes, inside hyphenated
  compounds and in scripts written without spaces (``name_scrubbing``).

Characters that show nothing (soft hyphens, zero-width spaces) are dropped
first, so they can split neither a name nor a number.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .address_scrubbing import AddressScrubber
from .name_scrubbing import Named, NameScrubber
from .text import drop_invisible

# How many scrubbed texts are remembered.
RECENT_TEXTS = 4096


class Scrubber:
    """Hides what a source's protection requires from free text."""

    def __init__(
        self, contacts: Iterable[Named] = (), hidden_addresses: Iterable[str] = ()
    ) -> None:
        self._addresses = AddressScrubber(hidden_addresses)
        self._names = NameScrubber(contacts)
        # A screen draws the same few texts again and again; an export goes
        # through each once, so the memory is bounded rather than a copy of
        # every note in the book.
        self._scrubbed = functools.lru_cache(maxsize=RECENT_TEXTS)(self._scrub)

    def __bool__(self) -> bool:
        """Whether there is anything to hide at all."""
        return bool(self._addresses or self._names)

    def __call__(self, text: str) -> str:
        if not self or not text:
            return text
        return self._scrubbed(text)

    def _scrub(self, text: str) -> str:
        # Addresses first: a name inside an email address would hide the address.
        return self._names(self._addresses(drop_invisible(text)))

    def addresses(self, text: str) -> str:
        """``text`` with hidden addresses masked, and names left as they are
        (a contact named by an address on an imported card)."""
        return self._addresses(drop_invisible(text)) if self._addresses else text
