"""The dashboard's filter: ``ContactSearch`` that narrows as you type and
says how well each contact matched.

Typing more of a query can only narrow what it matches (every term must
match as a substring or a subsequence, and a longer term matches less), so
after the first keystroke only the last matches are searched again, and a
backspace finds its answer already known. The scores let the list show
whole-word and substring matches before the loose subsequence ones, each
group in the chosen sort order.
"""

from __future__ import annotations

from collections.abc import Iterable

from bchan_tui.data import Contact
from bchan_tui.data.domain.search import ContactSearch, QueryMatcher

# Enough for a backspace to find every prefix of a word typed: each answer
# is a dict of up to every contact (megabytes at size L).
RECENT_QUERIES = 10


def narrows(before: list[str], after: list[str]) -> bool:
    """Whether query terms ``after`` can only match what ``before`` matched."""
    if not before or len(after) < len(before):
        return False
    *kept, last = before
    return after[: len(kept)] == kept and after[len(kept)].startswith(last)


class NarrowingSearch(ContactSearch):
    """``ContactSearch`` that remembers its recent answers to search less."""

    def __init__(self, contacts: Iterable[Contact]) -> None:
        super().__init__(contacts)
        self._last_terms: list[str] = []
        self._last_scores: dict[str, int] = {}
        self._recent: dict[tuple[str, ...], dict[str, int]] = {}

    def update(self, contact: Contact) -> None:
        super().update(contact)
        self._last_terms = []
        self._recent.clear()

    def scores(self, query: str, within: Iterable[str] | None = None) -> dict[str, int]:
        """Matching ids with how well they match (higher is better); a query
        that narrows the last one searches only the last answer."""
        if within is not None:
            return super().scores(query, within)
        matcher = QueryMatcher(query)
        key = tuple(matcher.terms)
        found = self._recent.get(key)
        if found is None:
            narrowed = narrows(self._last_terms, matcher.terms)
            found = super().scores(query, within=self._last_scores if narrowed else None)
            if len(self._recent) >= RECENT_QUERIES:
                del self._recent[next(iter(self._recent))]
            self._recent[key] = found
        self._last_terms, self._last_scores = matcher.terms, found
        return found

    def matching_ids(self, query: str) -> set[str]:
        return set(self.scores(query))
