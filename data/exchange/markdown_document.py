"""Writing the Markdown document of ``export_markdown``: CommonMark with GFM
tables, from sections gathered from the store, redacted unless revealed.

A document is read later than it is written, so times are dates, never
"3 days ago". Every piece of user text goes through ``markdown_text.inline``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

import msgspec
from pendulum import DateTime

from ..book.attention import AttentionKey, attention_key
from ..domain.clock import SECONDS_PER_DAY
from ..domain.models import (
    AttentionItem,
    AttentionKind,
    Band,
    ChannelKind,
    ContactDetail,
    Direction,
    Intel,
    IntelDirection,
    Outcome,
    RelationshipState,
    Rung,
    Sensitivity,
    Urgency,
)
from ..domain.redaction import Redaction
from ..domain.relationship import give_get_balance
from . import markdown_text as md

LADDER_HEADERS = (
    "rung",
    "kind",
    "address",
    "their preference",
    "heat",
    "last used",
    "ready again",
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WITHHELD_INTEL = "(confidential; withheld from a redacted export)"
# Sources a redacted document must hold before it lists what was received.
MIN_SOURCES = 2
RECEIVED_FROM_ONE_SOURCE = (
    "None listed: received intel is listed only when it comes from two sources or more, "
    "so that no item can be tied to its source."
)
# Words for enum values, looked up rather than derived for every row.
_KIND = {kind: kind.value.replace("_", " ") for kind in ChannelKind}
_RUNG = {rung: rung.value for rung in Rung}
_BAND = {band: band.value for band in Band}
_URGENCY = {urgency: urgency.value for urgency in Urgency}
_OUTCOME = {outcome: outcome.value.replace("_", " ") for outcome in Outcome}
_WAY = {Direction.OUT: "to them", Direction.IN: "from them"}
_STATE = {state: state.value for state in RelationshipState}
# Addresses are code spans: literal, never links, readable when pasted raw.
_ADDRESS_COLUMN = frozenset({LADDER_HEADERS.index("address")})
# The ladder table's header lines, the same for every contact.
_LADDER_HEAD = md.table(LADDER_HEADERS, ())


def day(moment: DateTime) -> str:
    """A date as the document shows it: ``23 Nov 2026`` (UTC)."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


_DAYS: dict[int, str] = {}


def day_of(epoch: float) -> str:
    """``day`` of a time in epoch seconds, without building a DateTime
    (an export of a large book formats tens of thousands of them)."""
    number = int(epoch // SECONDS_PER_DAY)
    text = _DAYS.get(number)
    if text is None:
        moment = time.gmtime(number * SECONDS_PER_DAY)
        text = _DAYS[number] = f"{moment.tm_mday} {_MONTHS[moment.tm_mon - 1]} {moment.tm_year}"
    return text


class ContactSection(msgspec.Struct, frozen=True):
    """What the document says about one contact, gathered from the store."""

    detail: ContactDetail
    # What each touched channel is called, retired ones included.
    channel_names: dict[str, str]
    # What about them needs attention.
    attention: tuple[AttentionItem, ...] = ()


class WrittenSection(NamedTuple):
    """One contact's part of the document: their section, and their lines
    of two lists of the whole document, each line with its place in its
    list: what needs attention, and (redacted) the intel received, which a
    redacted section leaves out; the document sorts them into one list."""

    text: str
    attention: list[tuple[AttentionKey, str]]
    received: list[tuple[tuple[float, str], str]]
    # Redacted: the attention lines about received intel, listed only where
    # the received intel is (see ``MarkdownDocument.render``).
    unverified: list[tuple[AttentionKey, str]]


class MarkdownDocument:
    """Writes the document from gathered sections; knows nothing of the store."""

    def __init__(self, redaction: Redaction, now: DateTime) -> None:
        self.redaction = redaction
        self.now = now
        self._lines: list[str] = []

    def render(self, sections: Sequence[WrittenSection]) -> str:
        """The document, from the contacts' sections as ``section`` wrote them."""
        self._lines = []
        self._header(len(sections))
        # Received intel said without its source still names the source when
        # the document holds only one: it is listed from two sources or more.
        sources = sum(1 for section in sections if section.received)
        anonymous = sources >= MIN_SOURCES
        attention = sorted(
            (
                line
                for section in sections
                for line in (
                    [*section.attention, *section.unverified] if anonymous else section.attention
                )
            ),
            key=itemgetter(0),
        )
        self._listed("## Needs attention", attention, "Nothing needs attention.")
        self._line("## Contacts")
        if not sections:
            self._line("No contacts to export.")
        self._lines.extend(section.text for section in sections)
        if not self.redaction.reveal:
            received = (
                [line for section in sections for line in section.received] if anonymous else []
            )
            # Newest first; the same moment, by summary, never by source (a
            # stable sort, so the same summary keeps the contacts' order).
            received.sort(key=itemgetter(0), reverse=True)
            self._listed("## Intel received", received, RECEIVED_FROM_ONE_SOURCE)
        return "\n".join(self._lines)

    def section(self, section: ContactSection) -> WrittenSection:
        """One contact's part of the document (see ``WrittenSection``)."""
        self._lines = []
        self._contact_lines(section)
        intel = section.detail.intel
        confidential = {i.summary for i in intel if i.sensitivity is Sensitivity.CONFIDENTIAL}
        attention: list[tuple[AttentionKey, str]] = []
        unverified: list[tuple[AttentionKey, str]] = []
        for item in section.attention:
            line = (
                attention_key(item),
                md.bullet(self._attention_line(item, section, confidential)),
            )
            about_received = item.kind is AttentionKind.UNVERIFIED and not self.redaction.reveal
            (unverified if about_received else attention).append(line)
        source = md.strong("A source")
        received = [
            ((item.at.timestamp(), item.summary), md.bullet(f"{source}, {self._intel_line(item)}"))
            for item in intel
            if item.direction is IntelDirection.RECEIVED and not self.redaction.reveal
        ]
        # One string per contact: a large book's document is millions of lines.
        return WrittenSection("\n".join(self._lines), attention, received, unverified)

    # --- building blocks -----------------------------------------------------

    def _line(self, *lines: str) -> None:
        self._lines.extend(lines)
        self._lines.append("")

    def _text(self, text: str) -> str:
        return md.inline(self.redaction.text(text))

    def _header(self, count: int) -> None:
        self._line(f"# Back channels, {day(self.now)}")
        people = "1 contact" if count == 1 else f"{count:,} contacts"
        self._line(
            f"Exported by bchan on {day(self.now)} at {self.now.format('HH:mm')} UTC: {people}."
        )
        if self.redaction.reveal:
            self._line(
                "**Not redacted.** Exported with `--reveal`: every name, address and source "
                "is shown as stored. Keep this document to yourself."
            )
        else:
            self._line(
                "**Redacted.** Private addresses are masked; a contact with a codename is "
                "called by it and all of their addresses are masked; received intel is "
                "listed without its source, and confidential intel is withheld. "
                "Export with `--reveal` to show everything."
            )

    def _listed(self, heading: str, placed: Sequence[tuple[object, str]], empty: str) -> None:
        """A list of the whole document: its lines, put in their places."""
        self._line(heading)
        self._line(*[line for _, line in placed] or [empty])

    def _attention_line(
        self, item: AttentionItem, section: ContactSection, confidential: set[str]
    ) -> str:
        contact = section.detail.contact
        # Unverified intel names what was heard: never next to who said it.
        who = (
            self.redaction.source(contact)
            if item.kind is AttentionKind.UNVERIFIED
            else self.redaction.name(contact)
        )
        return f"{md.strong(who)}: {self._text(self._withheld(item, confidential))}"

    def _withheld(self, item: AttentionItem, confidential: set[str]) -> str:
        """The item's text, without the summary of confidential intel it
        quotes (``confidential``: the summaries of the contact's)."""
        if self.redaction.reveal:
            return item.text
        if (
            item.kind in (AttentionKind.ONE_SIDED, AttentionKind.CONFLICT)
            and item.screen_safe_text is not None
        ):
            return item.screen_safe_text
        if item.kind is not AttentionKind.UNVERIFIED:
            return item.text
        for summary in confidential:
            if item.text.endswith(f": {summary}"):
                return item.text[: -len(summary)] + WITHHELD_INTEL
        return item.text

    # --- one contact -----------------------------------------------------------

    def _contact_lines(self, section: ContactSection) -> None:
        detail = section.detail
        contact = detail.contact
        self._line(md.heading(3, self.redaction.name(contact)))
        facts = []
        work = " · ".join(self.redaction.text(part) for part in (contact.org, contact.role) if part)
        facts.append(f"Organisation and role: {md.inline(work) or 'not recorded'}")
        if detail.account is not None:
            facts.append(f"Account: {self._text(detail.account.name)}")
        last = f"last touch {day(detail.last_touch)}" if detail.last_touch else "never touched"
        facts.append(
            f"Relationship: {_STATE[detail.state]}, {last}, "
            f"cadence {contact.cadence_days} days, strength {contact.strength} of 5"
        )
        if contact.notes.strip():
            # Redacted as every free text: a private number quoted in a note
            # is masked like the address itself.
            facts.append(f"Notes: {self._text(contact.notes)}")
        given = sum(1 for i in detail.intel if i.direction is IntelDirection.GIVEN)
        if self.redaction.reveal:
            received = len(detail.intel) - given
            balance = give_get_balance(given, received)
            facts.append(f"Give and get: given {given}, received {received} (balance {balance:+d})")
        else:
            # How much a source gave would tie them to the items received.
            facts.append(f"Give and get: given {given}")
        self._line(*(md.bullet(fact) for fact in facts))
        self._ladder(section)
        self._reach_now(section)
        self._touches(section)
        self._intel(section)

    def _ladder(self, section: ContactSection) -> None:
        self._line("**Ladder**")
        if not section.detail.ladder:
            self._line("No active channel.")
            return
        rows = []
        for step in section.detail.ladder:
            channel, heat = step.channel, step.heat
            kind = _KIND[channel.kind]
            if channel.label:
                kind = f"{kind} ({self.redaction.text(channel.label)})"
            last_used, ready = heat.last_used_at, heat.ready_again_at
            rows.append(
                (
                    _RUNG[channel.rung],
                    kind,
                    self.redaction.address(section.detail.contact, channel),
                    "yes" if channel.their_preference else "",
                    _BAND[heat.band],
                    day_of(last_used) if last_used is not None else "never",
                    day_of(ready) if ready is not None else "now",
                )
            )
        self._line(*_LADDER_HEAD, *md.table_rows(rows, code_columns=_ADDRESS_COLUMN))

    def _reach_now(self, section: ContactSection) -> None:
        self._line("**Reach now**")
        recommendations = section.detail.recommendations
        picks = {(rec.channel.id if rec.channel else None, rec.reason) for rec in recommendations}
        if len(recommendations) > 1 and len(picks) == 1:
            # The three urgencies agree: said once.
            self._line(md.bullet(f"any urgency: {self._text(recommendations[0].reason)}"))
            return
        self._line(
            *(
                md.bullet(f"{_URGENCY[rec.urgency]}: {self._text(rec.reason)}")
                for rec in recommendations
            )
        )

    def _touches(self, section: ContactSection) -> None:
        if not section.detail.touches:
            # Never touched: the relationship line already says so.
            return
        self._line("**Last touches**")
        text = self.redaction.text
        lines = []
        for touch in section.detail.touches:
            line = (
                f"{day(touch.at)}, {_WAY[touch.direction]} by "
                f"{text(section.channel_names[touch.channel_id])} · "
                f"{_URGENCY[touch.urgency]}, {_OUTCOME[touch.outcome]}"
            )
            if touch.reason:
                line += " · " + text(touch.reason)
            if touch.note:
                line += " · " + text(touch.note)
            lines.append("- " + md.inline(line))
        self._line(*lines)

    def _intel(self, section: ContactSection) -> None:
        shown = [
            item
            for item in section.detail.intel
            if self.redaction.reveal or item.direction is IntelDirection.GIVEN
        ]
        if not shown:
            # Nothing to list. Redacted, a source whose words are left out
            # reads exactly like someone who told you nothing.
            return
        self._line("**Intel**")
        self._line(*(md.bullet(self._intel_line(item)) for item in shown))

    def _intel_line(self, item: Intel) -> str:
        if item.direction is IntelDirection.GIVEN:
            what = "given"
        else:
            unique = {True: ", unique", False: ", not unique", None: ""}[item.unique]
            what = f"received, {item.status.value}{unique}"
        summary = item.summary
        if item.sensitivity is Sensitivity.CONFIDENTIAL:
            if not self.redaction.reveal:
                summary = WITHHELD_INTEL
            else:
                what += ", confidential"
        return f"{day(item.at)}, {what}: {self._text(summary)}"
