"""The dashboard's filter: ``ContactSearch`` that narrows as you type.

Typing more of a query can only narrow what it matches at all (every word
must match, and a longer word matches less), so after the first keystroke
only the last matches are searched again, and a backspace finds its answer
already known. Every tier is remembered, letters-in-order ones too, since a
narrower query may have nothing better to show.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Self

from bchan_tui.data import Channel, Contact
from bchan_tui.data.book.screen_safe import safe_contact
from bchan_tui.data.domain.scrubber import Scrubber
from bchan_tui.data.domain.search import ContactSearch, Query, Tier, best
from bchan_tui.data.domain.search_text import SearchText, search_text

# Enough for a backspace to find every prefix of a word typed: each answer
# is a dict of up to every contact (megabytes at size L).
RECENT_QUERIES = 10


def shown_text(
    contact: Contact, channels: Iterable[Channel], *, screen_safe: bool, scrubber: Scrubber
) -> SearchText:
    """What the filter finds a contact by: while screen-safe, what the list
    shows of it (its codename, and its organisation, role and tags as
    scrubbed), never the text screen-safe hides."""
    shown = safe_contact(contact, scrubber) if screen_safe else contact
    return search_text(shown, channels, screen_safe=screen_safe)


class NarrowingSearch(ContactSearch):
    """``ContactSearch`` that remembers its recent answers to search less."""

    def __init__(self, texts: dict[str, SearchText]) -> None:
        super().__init__(texts)
        self._last: Query | None = None
        self._last_found: dict[str, Tier] = {}
        self._recent: dict[tuple[object, ...], dict[str, Tier]] = {}

    @classmethod
    def shown(
        cls,
        contacts: Iterable[Contact],
        channels: Iterable[Channel],
        *,
        screen_safe: bool,
        scrubber: Scrubber,
    ) -> Self:
        """The search over what the list shows of each contact (``shown_text``)."""
        by_contact: dict[str, list[Channel]] = {}
        for channel in channels:
            by_contact.setdefault(channel.contact_id, []).append(channel)
        return cls(
            {
                c.id: shown_text(
                    c, by_contact.get(c.id, ()), screen_safe=screen_safe, scrubber=scrubber
                )
                for c in contacts
            }
        )

    def update(self, contact_id: str, text: SearchText) -> None:
        super().update(contact_id, text)
        self._last = None
        self._recent.clear()

    def scores(self, query: str) -> dict[str, Tier]:
        """The matches worth showing, by id, with their tiers; a query that
        narrows the last one searches only the last answer."""
        parsed = Query(query)
        key = tuple(parsed.terms)
        found = self._recent.get(key)
        if found is None:
            narrowed = self._last is not None and parsed.narrows(self._last)
            found = self.all_tiers(parsed, within=self._last_found if narrowed else None)
            if len(self._recent) >= RECENT_QUERIES:
                del self._recent[next(iter(self._recent))]
            self._recent[key] = found
        self._last, self._last_found = parsed, found
        return best(found)
