"""How an export protects its sources (DESIGN.md "Protect your sources").

Redacted, the default: a contact with a codename is called by it, and every
address of that contact is masked (a work email such as
``marta.lindqvist@...`` names the person as surely as the name does); the
private rung of everyone is masked; the real name of a codenamed contact is
replaced in free text too (intel, notes, reasons), whole or in parts.
Revealed: everything is shown as stored.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from typing import Protocol, TypeVar

from .masking import mask_address, shown_address
from .models import Channel
from .search import fold

WITHHELD = "[name withheld]"
A_SOURCE = "a source"
# Parts of a name shorter than this ("Li", "de") are only replaced as part
# of the whole name: alone they are too often ordinary words.
MIN_PART = 3

K = TypeVar("K", bound=Hashable)

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


class Named(Protocol):
    """A contact as far as redaction goes: a ``Contact``, or a ``ContactName``
    read without decoding it."""

    @property
    def name(self) -> str: ...

    @property
    def codename(self) -> str: ...


# "'s" ending a name in free text: "Marta's budget" still names Marta.
_POSSESSIVE = ("'s", "\u2019s")


class NameScrubber:
    """Replaces the real names of codenamed contacts in free text."""

    def __init__(self, contacts: Iterable[Named]) -> None:
        self._whole: dict[tuple[str, ...], str] = {}
        self._parts: dict[str, str] = {}
        self._cache: dict[str, str] = {}
        for contact in contacts:
            if contact.codename:
                self._learn(contact.name, contact.codename)
        self._longest = max((len(key) for key in self._whole), default=0)

    def _learn(self, name: str, codename: str) -> None:
        words = tuple(fold(word) for word in _WORD.findall(name))
        if not words:
            return
        _claim(self._whole, words, codename)
        for word in words:
            if len(word) >= MIN_PART:
                _claim(self._parts, word, codename)

    def __call__(self, text: str) -> str:
        if not self._parts and not self._whole:
            return text
        done = self._cache.get(text)
        if done is None:
            done = self._cache[text] = self._scrub(text)
        return done

    def _scrub(self, text: str) -> str:
        words = list(_WORD.finditer(text))
        folded = [fold(word.group(0)) for word in words]
        pieces: list[str] = []
        position = 0
        index = 0
        while index < len(words):
            found = self._match_at(text, words, folded, index)
            if found is None:
                index += 1
                continue
            length, replacement = found
            pieces.append(text[position : words[index].start()])
            pieces.append(replacement)
            position = words[index + length - 1].end()
            index += length
        if not pieces:
            return text
        pieces.append(text[position:])
        return "".join(pieces)

    def _match_at(
        self, text: str, words: list[re.Match[str]], folded: list[str], index: int
    ) -> tuple[int, str] | None:
        """The longest name starting at word ``index``: (words it spans, replacement)."""
        for length in range(min(self._longest, len(words) - index), 1, -1):
            span = range(index, index + length - 1)
            # A whole name is words separated by blanks only.
            if all(text[words[i].end() : words[i + 1].start()].isspace() for i in span):
                last = words[index + length - 1].group(0)
                found = self._name(tuple(folded[index : index + length]), last, whole_only=True)
                if found:
                    return length, found
        found = self._name((folded[index],), words[index].group(0), whole_only=False)
        return (1, found) if found else None

    def _name(self, key: tuple[str, ...], last: str, *, whole_only: bool) -> str | None:
        """The replacement for the name ``key`` (folded words), also when its
        last word is possessive: "Marta's" keeps its "'s" after the codename."""
        found = self._lookup(key, whole_only=whole_only)
        if found:
            return found
        if not key[-1].endswith(_POSSESSIVE):
            return None
        found = self._lookup((*key[:-1], key[-1][:-2]), whole_only=whole_only)
        return found + last[-2:] if found else None

    def _lookup(self, key: tuple[str, ...], *, whole_only: bool) -> str | None:
        found = self._whole.get(key)
        if found is None and not whole_only and len(key) == 1:
            found = self._parts.get(key[0])
        return found


def _claim(table: dict[K, str], key: K, codename: str) -> None:
    # Two codenamed people sharing a name part: say neither codename.
    current = table.get(key)
    table[key] = codename if current in (None, codename) else WITHHELD


# What may be an address inside free text: a web address with a path, an
# email, a phone number, a handle.
_CANDIDATE = re.compile(
    r"(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)+/[\w\-./%~#@]*"
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
    r"|\+?\d[\d ().\-/]{3,}\d"
    r"|@[\w.\-]{2,}"
)
_URL_START = re.compile(r"^(?:https?://)?(?:www\.)?")
_MIN_PHONE_DIGITS = 5
_LETTER = re.compile(r"[^\W\d_]")
_NOT_DIGIT = re.compile(r"\D")


def address_key(text: str) -> str:
    """How an address is recognised in free text, however it is written there."""
    core = text.strip().casefold()
    if _LETTER.search(core) is None:
        digits = _NOT_DIGIT.sub("", core)
        if len(digits) >= _MIN_PHONE_DIGITS:
            return digits
    return _URL_START.sub("", core).rstrip("/")


class AddressScrubber:
    """Masks hidden addresses (private ones, a codenamed person's) wherever
    free text quotes them: "texted +46 70 555 0142" keeps no number."""

    def __init__(self, addresses: Iterable[str]) -> None:
        # Masked when found: a large book hides tens of thousands of addresses.
        self._hidden = {address_key(a): a for a in addresses}
        self._hidden.pop("", None)
        # Phone numbers by their digits, and how many digits each has: a
        # number run together with more digits ("0142 2 times") is still found.
        self._phone_lengths = sorted({len(key) for key in self._hidden if key.isdigit()})

    def __call__(self, text: str) -> str:
        if not self._hidden:
            return text
        return _CANDIDATE.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        found = match.group(0)
        # A sentence's full stop is not part of the address before it.
        core = found.rstrip(".-/")
        key = address_key(core)
        address = self._hidden.get(key)
        if address is None and key.isdigit():
            address = self._phone_inside(key)
        return found if address is None else mask_address(address) + found[len(core) :]

    def _phone_inside(self, digits: str) -> str | None:
        """A hidden phone number whose digits appear inside ``digits``."""
        for length in self._phone_lengths:
            for start in range(len(digits) - length + 1):
                address = self._hidden.get(digits[start : start + length])
                if address is not None:
                    return address
        return None


class Redaction:
    """What an export shows of names, addresses and free text.

    ``hidden_addresses`` are masked wherever free text quotes them: every
    private address, and every address of a codenamed contact."""

    def __init__(
        self,
        contacts: Iterable[Named],
        *,
        reveal: bool,
        hidden_addresses: Iterable[str] = (),
    ) -> None:
        self.reveal = reveal
        self._names = NameScrubber(() if reveal else contacts)
        self._addresses = AddressScrubber(() if reveal else hidden_addresses)
        self._cache: dict[str, str] = {}

    def _scrub(self, text: str) -> str:
        # Addresses first: a name inside an email address would hide the address.
        done = self._cache.get(text)
        if done is None:
            done = self._cache[text] = self._names(self._addresses(text))
        return done

    def name(self, contact: Named) -> str:
        """The codename when one is set; else the name, with any hidden address
        in it masked (an imported card without a name is named by its address)."""
        if self.reveal:
            return contact.name
        if contact.codename:
            return contact.codename
        return self._addresses(contact.name)

    def address(self, contact: Named, channel: Channel) -> str:
        if not self.reveal and contact.codename:
            return mask_address(channel.address)
        return self._scrub(shown_address(channel, reveal=self.reveal))

    def text(self, text: str) -> str:
        """Free text with codenamed people's real names replaced."""
        return text if self.reveal else self._scrub(text)

    def source(self, contact: Named) -> str:
        """Who received intel came from."""
        return self.name(contact) if self.reveal else A_SOURCE
