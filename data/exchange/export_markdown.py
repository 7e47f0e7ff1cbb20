"""The book as a Markdown document: CommonMark with GFM tables, redacted by
default (DESIGN.md "Protect your sources").

The document: a title with the generation date, whether it is redacted, a
summary of what needs attention, then a section per contact with the
organisation and role, the relationship, the ladder as a table, ``reach now``
for each urgency, the last touches and the intel given. Redacted, received
intel is listed in a section of its own, attributed to "a source", so no
section says who told you what; revealed, it sits with its source.

This module gathers the sections from the store (see ``markdown_document``
for the writing).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pendulum import DateTime

from ..domain.clock import now as clock_now
from ..domain.models import AttentionItem
from ..domain.redaction import Redaction
from ..domain.search_text import fold
from ..errors import NotFoundError
from ..storage.store import Store
from .markdown_document import (
    LADDER_HEADERS,
    ContactSection,
    MarkdownDocument,
)

__all__ = ["LADDER_HEADERS", "default_export_name", "export_markdown"]

# The newest touches a section lists.
RECENT_TOUCHES = 3


def default_export_name(now: DateTime | None = None, *, suffix: str = "md") -> str:
    """A file name for an export made now: ``bchan-export-2026-11-23.md``."""
    moment = now or clock_now()
    return f"bchan-export-{moment.format('YYYY-MM-DD')}.{suffix}"


def sections(store: Store, contact_ids: Sequence[str], now: DateTime) -> Iterator[ContactSection]:
    """Each contact's section in turn: the contact screen's detail, with
    fewer touches, and what about them needs attention."""
    attention: dict[str, list[AttentionItem]] = {}
    for item in store.needs_attention(now, contact_ids=contact_ids):
        attention.setdefault(item.contact_id, []).append(item)
    for detail, channels in store.contact_details(contact_ids, now, recent_touches=RECENT_TOUCHES):
        names = {step.channel.id: step.channel.describe() for step in detail.ladder}
        for touch in detail.touches:
            if touch.channel_id not in names:
                # A touch on a channel the book no longer holds (written by
                # another tool; ``bchan check`` reports it) is still listed.
                channel = channels.get(touch.channel_id)
                names[touch.channel_id] = channel.describe() if channel else "a missing channel"
        yield ContactSection(detail, names, tuple(attention.get(detail.contact.id, ())))


def export_markdown(
    store: Store,
    *,
    contact_ids: Iterable[str] | None = None,
    reveal: bool = False,
    now: DateTime | None = None,
) -> str:
    """The Markdown document for the given contacts (every active contact
    when ``contact_ids`` is None), redacted unless ``reveal`` is set."""
    moment = now or clock_now()
    # Names are all a redacted document needs of everyone, and the order of
    # the sections; only the chosen contacts are decoded.
    everyone = store.contact_names()
    if contact_ids is None:
        chosen = [named for named in everyone if not named.archived]
    else:
        by_id = {named.id: named for named in everyone}
        chosen = []
        for contact_id in dict.fromkeys(contact_ids):
            if contact_id not in by_id:
                raise NotFoundError(f"no contact with id {contact_id}")
            chosen.append(by_id[contact_id])
    redaction = Redaction(store.scrubber(), reveal=reveal)
    chosen.sort(key=lambda named: (fold(redaction.name(named)), named.id))
    document = MarkdownDocument(redaction, moment)
    # Each section is written as it is gathered, so no more than one
    # contact's detail is kept at a time.
    chosen_ids = [named.id for named in chosen]
    return document.render([document.section(s) for s in sections(store, chosen_ids, moment)])
