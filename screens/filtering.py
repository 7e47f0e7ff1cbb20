"""The dashboard's filter: ``ContactSearch`` that narrows as you type.

Typing more of a query can only narrow what it matches (every term must
match as a substring or a subsequence, and a longer term matches less), so
after the first keystroke only the last matches are searched again.
"""

from __future__ import annotations

from collections.abc import Iterable

from bchan_tui.data import Contact
from bchan_tui.data.search import ContactSearch, QueryMatcher


def narrows(before: list[str], after: list[str]) -> bool:
    """Whether query terms ``after`` can only match what ``before`` matched."""
    if not before or len(after) < len(before):
        return False
    *kept, last = before
    return after[: len(kept)] == kept and after[len(kept)].startswith(last)


class NarrowingSearch(ContactSearch):
    """``ContactSearch`` that remembers its last answer to search less next time."""

    def __init__(self, contacts: Iterable[Contact]) -> None:
        super().__init__(contacts)
        self._last_terms: list[str] = []
        self._last_ids: set[str] = set()

    def update(self, contact: Contact) -> None:
        super().update(contact)
        self._last_terms = []

    def matching_ids(self, query: str) -> set[str]:
        matcher = QueryMatcher(query)
        if narrows(self._last_terms, matcher.terms):
            haystacks = self._haystacks
            found = {cid for cid in self._last_ids if matcher.matches(haystacks[cid])}
        else:
            found = super().matching_ids(query)
        self._last_terms, self._last_ids = matcher.terms, found
        return found
