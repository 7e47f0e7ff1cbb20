"""What a contact is found by: its text folded (case and accents) and split
into words once, so a search only scans strings (see ``search``)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import msgspec

from .models import Channel, Contact, Rung


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "García" -> "garcia"."""
    if text.isascii():
        # Nothing to fold but case: the common case, and 20x cheaper.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Anything that is not a letter or a digit ends a word: "Anne-Marie",
# "O'Brien" and "Lindqvist," are found by each of their parts.
_WORD_BREAKS = re.compile(r"[\W_]+")


def words_of(text: str) -> str:
    """The folded words of ``text``, each after a space: " anne marie dupont".

    The leading space makes a word's start a substring search: " lind".
    """
    folded = _WORD_BREAKS.sub(" ", fold(text)).strip()
    return f" {folded}" if folded else ""


def whole_name(text: str) -> str:
    """A name as an exact match compares it: folded words, single-spaced."""
    return words_of(text).strip()


PHONE_TERM = re.compile(r"^\+?[\d().\-/]+$")
MIN_NUMBER_DIGITS = 3


def digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class SearchText(msgspec.Struct, frozen=True):
    """What one contact is found by, folded once."""

    words: str
    names: frozenset[str]
    name_words: str = ""
    tags: str = ""
    addresses: str = ""
    numbers: str = ""


def search_text(
    contact: Contact, channels: Iterable[Channel] = (), *, screen_safe: bool = False
) -> SearchText:
    """The ``SearchText`` of a contact with its channels (retired ones are
    left out: nobody reaches anyone on them)."""
    return _search_text(
        contact.name,
        contact.codename,
        (contact.org, contact.role),
        contact.tags,
        contact.notes,
        [(c.rung, c.address) for c in channels if c.is_active],
        screen_safe=screen_safe,
    )


def document_search_text(
    doc: Mapping[str, Any], addresses: Sequence[tuple[Rung, str]] = ()
) -> SearchText:
    """``search_text`` of a stored contact document, without decoding it.

    Raises ``TypeError`` when a field searched is not text.
    """
    texts = (doc["name"], doc.get("codename") or "", doc.get("org") or "", doc.get("role") or "")
    tags = tuple(doc.get("tags") or ())
    notes = doc.get("notes") or ""
    if not all(isinstance(text, str) for text in (*texts, *tags, notes)):
        raise TypeError(f"contact {doc.get('id')!r}: a searched field is not text")
    name, codename, org, role = texts
    return _search_text(name, codename, (org, role), tags, notes, addresses)


def _search_text(
    name: str,
    codename: str,
    about: tuple[str, str],
    tags: Iterable[str],
    notes: str,
    addresses: Iterable[tuple[Rung, str]],
    *,
    screen_safe: bool = False,
) -> SearchText:
    tags = tuple(tags)
    if screen_safe:
        # Only what the screen shows: the codename in place of the name.
        named_by: tuple[str, ...] = (codename or name,)
        other = " ".join(about)
        addresses = [(rung, address) for rung, address in addresses if rung is Rung.PUBLIC]
    else:
        named_by = (name, codename) if codename else (name,)
        other = " ".join((*about, notes))
    # One pass of folding and splitting for each kind of text, not for each
    # field: ``bchan find`` works this out for every contact it searches.
    name_words = words_of(" ".join(named_by))
    tag_words = words_of(" ".join(tags)) if tags else ""
    kept = [address for _, address in addresses if address]
    return SearchText(
        words=name_words + words_of(other) + tag_words,
        names=frozenset(whole_name(text) for text in named_by),
        name_words=name_words,
        tags=tag_words,
        addresses="\n".join(fold(address) for address in kept),
        numbers="\n".join(
            digits_of(address) for address in kept if PHONE_TERM.match(address.replace(" ", ""))
        ),
    )
