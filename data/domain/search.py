"""Matching contacts to what the user types: the dashboard's filter and
``bchan find`` share it, so both find the same people in the same order.

A query is words, and every word must match. A plain word matches the
contact's name, codename, organisation, role, tags and notes, ignoring case
and accents; ``tag:analyst`` matches a tag only; ``@fastmail`` matches an
address; a number (``070 555``, ``+46-70``) matches the digits of a phone
number as well as words. How well a contact matches is the worst of its
words' tiers, best first:

- ``EXACT``: the whole query is the contact's name or codename;
- ``NAME_PREFIX``: every word starts a word of the name or codename
  ("marta lind" for Marta Lindqvist);
- ``WORD_PREFIX``: every word starts a word of the contact, wherever it is
  (her organisation, a note that names her);
- ``SUBSTRING``: every word is at least part of one ("qvist");
- ``LETTERS``: the letters of a word in order ("mlq"), shown only when
  nothing matches better: letters in order match almost anyone.

What a contact is found by (``search_text.SearchText``) is worked out once.
While screen-safe, it is only what the screen shows: a codenamed contact is found
by its codename and never by the name it hides, notes are not searched, and
addresses are public ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import IntEnum
from typing import Self

import msgspec

from .models import Channel, Contact
from .search_text import (
    MIN_NUMBER_DIGITS,
    PHONE_TERM,
    SearchText,
    digits_of,
    fold,
    search_text,
    words_of,
)


class Tier(IntEnum):
    """How well a contact matches a query; higher is better."""

    LETTERS = 1
    SUBSTRING = 2
    WORD_PREFIX = 3
    NAME_PREFIX = 4
    EXACT = 5


# --- queries -------------------------------------------------------------------


class Term(msgspec.Struct, frozen=True):
    """One word of a query: ``kind`` is "word", "tag", "address" or "number"."""

    kind: str
    text: str

    def narrows(self, before: Term) -> bool:
        """Whether this term can only match what ``before`` matched."""
        return self.kind == before.kind and self.text.startswith(before.text)


def _terms(query: str) -> list[Term]:
    terms: list[Term] = []
    raws = query.split()
    at = 0
    while at < len(raws):
        raw = raws[at]
        at += 1
        if PHONE_TERM.match(raw):
            # A number is often typed in groups: "+46 70 555" is one term.
            while at < len(raws) and PHONE_TERM.match(raws[at]):
                raw += " " + raws[at]
                at += 1
            if len(digits_of(raw)) >= MIN_NUMBER_DIGITS:
                terms.append(Term("number", raw))
                continue
        if raw.casefold().startswith("tag:"):
            terms += [Term("tag", word) for word in words_of(raw[4:]).split()]
        elif raw.startswith("@") and len(raw) > 1:
            terms.append(Term("address", fold(raw[1:])))
        else:
            terms += [Term("word", word) for word in words_of(raw).split()]
    return terms


def _letters(word: str) -> re.Pattern[str]:
    # The word's letters in order, anything between them.
    return re.compile(".*?".join(map(re.escape, word)))


class Query:
    """A parsed query; ``tiers`` says how well each text matches."""

    def __init__(self, query: str) -> None:
        self.terms = _terms(query)
        self.whole = " ".join(t.text for t in self.terms if t.kind == "word")
        self._only_words = all(t.kind == "word" for t in self.terms)

    @property
    def blank(self) -> bool:
        return not self.terms

    @property
    def needs_addresses(self) -> bool:
        return any(term.kind in {"address", "number"} for term in self.terms)

    def narrows(self, before: Query) -> bool:
        """Whether this query can only match what ``before`` matched (all
        tiers counted): the same terms, the last one perhaps longer, and
        perhaps more after it."""
        if before.blank or len(self.terms) < len(before.terms):
            return False
        *kept, last = before.terms
        mine = self.terms
        return mine[: len(kept)] == kept and mine[len(kept)].narrows(last)

    def tiers(self, texts: Iterable[tuple[str, SearchText]]) -> dict[str, Tier]:
        """The tier of each (key, text) that matches at all, LETTERS
        included (``best`` leaves those out when better ones exist).

        One loop with nothing but C string methods per text and word: a
        keystroke matches ten thousand contacts."""
        words = [
            (term.text, f" {term.text}", _letters(term.text).search)
            for term in self.terms
            if term.kind == "word"
        ]
        others = [term for term in self.terms if term.kind != "word"]
        whole = self.whole if self._only_words else None
        starts = [spaced for _, spaced, _ in words]
        found: dict[str, Tier] = {}
        for key, text in texts:
            tier = Tier.WORD_PREFIX
            haystack = text.words
            for word, spaced, letters in words:
                if spaced in haystack:
                    continue
                if word in haystack:
                    tier = min(tier, Tier.SUBSTRING)
                elif letters(haystack) is not None:
                    tier = Tier.LETTERS
                else:
                    break
            else:
                for term in others:
                    matched = _other_tier(term, text)
                    if matched is None:
                        break
                    tier = min(tier, matched)
                else:
                    if whole and whole in text.names:
                        tier = Tier.EXACT
                    elif tier is Tier.WORD_PREFIX and starts and not others:
                        names = text.name_words
                        if all(start in names for start in starts):
                            tier = Tier.NAME_PREFIX
                    found[key] = tier
        return found


def _other_tier(term: Term, text: SearchText) -> Tier | None:
    if term.kind == "tag":
        if f" {term.text}" in text.tags:
            return Tier.WORD_PREFIX
        return Tier.SUBSTRING if term.text in text.tags else None
    if term.kind == "address":
        return Tier.WORD_PREFIX if term.text and term.text in text.addresses else None
    # A number: the digits of a phone number, with or without a trunk 0
    # ("070 555" is in "+46 70 555"), or else words ("Ada Bauer 591").
    digits = digits_of(term.text)
    national = digits.lstrip("0")
    if digits in text.numbers or (len(national) >= MIN_NUMBER_DIGITS and national in text.numbers):
        return Tier.WORD_PREFIX
    words = words_of(term.text)
    if words and words in text.words:
        return Tier.WORD_PREFIX
    return Tier.SUBSTRING if words.strip() and words.strip() in text.words else None


def best(tiers: Mapping[str, Tier]) -> dict[str, Tier]:
    """The matches worth showing: letters-in-order ones only when nothing
    matches better."""
    if any(tier > Tier.LETTERS for tier in tiers.values()):
        return {key: tier for key, tier in tiers.items() if tier > Tier.LETTERS}
    return dict(tiers)


class ContactSearch:
    """Every contact's ``SearchText``, built once, so a keystroke only scans
    strings."""

    def __init__(self, texts: Mapping[str, SearchText]) -> None:
        self._texts = dict(texts)

    @classmethod
    def of(
        cls,
        contacts: Iterable[Contact],
        channels: Iterable[Channel] = (),
        *,
        screen_safe: bool = False,
    ) -> Self:
        by_contact: dict[str, list[Channel]] = {}
        for channel in channels:
            by_contact.setdefault(channel.contact_id, []).append(channel)
        return cls(
            {
                c.id: search_text(c, by_contact.get(c.id, ()), screen_safe=screen_safe)
                for c in contacts
            }
        )

    def update(self, contact_id: str, text: SearchText) -> None:
        self._texts[contact_id] = text

    def all_tiers(self, query: Query, within: Iterable[str] | None = None) -> dict[str, Tier]:
        """Every match of ``query`` with its tier, LETTERS included; only
        among the ids ``within``, when given (a narrower query's candidates)."""
        texts = self._texts
        if within is None:
            return query.tiers(texts.items())
        return query.tiers((cid, texts[cid]) for cid in within if cid in texts)

    def scores(self, query: str) -> dict[str, Tier]:
        """The matches worth showing, by id, with their tiers."""
        return best(self.all_tiers(Query(query)))

    def matching_ids(self, query: str) -> set[str]:
        """Ids of the contacts the query matches (all of them for a blank query)."""
        if Query(query).blank:
            return set(self._texts)
        return set(self.scores(query))


class ContactMatch(msgspec.Struct, frozen=True):
    """A contact the query matches, and how well."""

    contact: Contact
    tier: Tier

    @property
    def close(self) -> bool:
        """Every word of the query is part of the contact's text, not only
        its letters in order."""
        return self.tier > Tier.LETTERS


def ranked(found: Iterable[ContactMatch]) -> list[ContactMatch]:
    """Best tier first, then by name (then id, so the order is stable)."""
    return sorted(found, key=lambda m: (-m.tier, fold(m.contact.name), m.contact.id))


def search_contacts(
    contacts: Iterable[Contact], query: str, channels: Iterable[Channel] = ()
) -> list[ContactMatch]:
    """The contacts the query matches, by the dashboard filter's rule, best
    first. A blank query matches everyone."""
    by_id = {contact.id: contact for contact in contacts}
    search = ContactSearch.of(by_id.values(), channels)
    if Query(query).blank:
        return ranked(ContactMatch(c, Tier.WORD_PREFIX) for c in by_id.values())
    return ranked(ContactMatch(by_id[cid], tier) for cid, tier in search.scores(query).items())
