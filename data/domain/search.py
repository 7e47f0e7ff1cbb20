"""Matching contacts to what the user types: the dashboard's filter and
``bchan find`` share it, so both find the same people.

Every word of the query must match the contact's name, organisation, role or
tags, as a substring or, failing that, as a subsequence ("mlq" finds
"Marta Lindqvist"), ignoring case and accents. Substring matches rank higher.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .models import Contact


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "García" -> "garcia"."""
    if text.isascii():
        # Nothing to fold but case: the common case, and 20x cheaper.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def haystack(contact: Contact) -> str:
    """The folded text a contact is searched by."""
    return fold(" ".join((contact.name, contact.org, contact.role, *contact.tags)))


def document_haystack(doc: Mapping[str, Any]) -> str:
    """``haystack`` of a stored contact document, without decoding it.

    Raises ``TypeError`` when a field searched is not text.
    """
    parts = (doc["name"], doc.get("org") or "", doc.get("role") or "", *(doc.get("tags") or ()))
    return fold(" ".join(parts))


def _term_pattern(term: str) -> re.Pattern[str]:
    # The term's letters in order, anything between them.
    return re.compile(".*?".join(map(re.escape, term)))


class QueryMatcher:
    """A compiled query; ``score`` is None for no match, higher is better."""

    def __init__(self, query: str) -> None:
        self.terms = fold(query).split()
        self._patterns = [_term_pattern(term) for term in self.terms]

    def score(self, text: str) -> int | None:
        return self.scores((("", text),)).get("")

    def matches(self, text: str) -> bool:
        return self.score(text) is not None

    def scores(self, texts: Iterable[tuple[str, str]]) -> dict[str, int]:
        """``score`` of each (key, text) that matches, by key: the same
        answers, in one loop that calls nothing per text but C string
        methods (a keystroke scores ten thousand contacts)."""
        terms = [
            (term, f" {term}", pattern.search)
            for term, pattern in zip(self.terms, self._patterns, strict=True)
        ]
        found: dict[str, int] = {}
        for key, text in texts:
            total = 0
            for term, spaced, search in terms:
                if term in text:
                    total += 2 if text.startswith(term) or spaced in text else 1
                elif search(text) is None:
                    break
            else:
                found[key] = total
        return found


class ContactSearch:
    """Folded haystacks built once, so each keystroke only scans strings."""

    def __init__(self, contacts: Iterable[Contact]) -> None:
        self._haystacks = {contact.id: haystack(contact) for contact in contacts}

    def update(self, contact: Contact) -> None:
        self._haystacks[contact.id] = haystack(contact)

    def scores(self, query: str, within: Iterable[str] | None = None) -> dict[str, int]:
        """Matching ids with how well each matched (higher is better); only
        among the ids ``within``, when given (a narrower query's candidates)."""
        haystacks = self._haystacks
        if within is None:
            texts: Iterable[tuple[str, str]] = haystacks.items()
        else:
            texts = ((cid, haystacks[cid]) for cid in within if cid in haystacks)
        return QueryMatcher(query).scores(texts)

    def matching_ids(self, query: str) -> set[str]:
        """Ids of the contacts the query matches (all of them for a blank query)."""
        return set(self.scores(query))

    def ranked(self, query: str) -> list[str]:
        """Matching ids, best match first (for the shell's ``bchan find``)."""
        scored = self.scores(query)
        return sorted(scored, key=lambda cid: -scored[cid])


@dataclass(frozen=True, slots=True)
class ContactMatch:
    """A contact the query matches: ``close`` when every word of the query is
    part of the text (not only its letters in order); higher ``score`` is better."""

    contact: Contact
    score: int
    close: bool


def best_first(found: list[ContactMatch]) -> list[ContactMatch]:
    found.sort(key=lambda m: (not m.close, -m.score, fold(m.contact.name), m.contact.id))
    return found


def search_contacts(contacts: Iterable[Contact], query: str) -> list[ContactMatch]:
    """The contacts the query matches, by the dashboard filter's rule, best first:
    close matches, then by score, then by name. A blank query matches everyone."""
    by_id = {contact.id: contact for contact in contacts}
    texts = {contact_id: haystack(contact) for contact_id, contact in by_id.items()}
    matcher = QueryMatcher(query)
    found = [
        ContactMatch(
            by_id[contact_id], score, all(term in texts[contact_id] for term in matcher.terms)
        )
        for contact_id, score in matcher.scores(texts.items()).items()
    ]
    return best_first(found)


@dataclass(frozen=True, slots=True)
class ContactName:
    """What names a contact, on the command line or in a redacted export,
    read without decoding the contact."""

    id: str
    name: str
    codename: str
    archived: bool
