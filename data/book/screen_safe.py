"""Records as screen-safe mode shows them (DESIGN.md "Protect your sources").

Screen-safe shows nothing a redacted export would hide. Names and addresses
are masked where they are drawn; the free text of a record (notes, reasons,
intel, what a contact gains, labels, terms, account notes) is passed here
through the store's ``Scrubber``, the one the redacted export uses, before
any widget sees it. These are copies for showing only: a form that edits a
record is given the record itself, never one of these.
"""

from __future__ import annotations

from typing import Any

from msgspec.structs import replace

from ..domain.masking import mask_address
from ..domain.models import (
    Account,
    AttentionItem,
    AttentionKind,
    Channel,
    Contact,
    ContactDetail,
    Intel,
    LadderStep,
    Recommendation,
    Touch,
)
from ..domain.scrubber import Scrubber
from .account_map import AccountMap, AccountPerson
from .attention import shown_value
from .conflicts import Conflict

# What stands for a value of a merge conflict that screen-safe hides whole.
WITHHELD_VALUE = "[withheld while screen-safe]"
# What stands for a confidential intel item's summary, as on the screens.
WITHHELD_SUMMARY = "confidential"
# The conflict's text when it comes without one that leaves out the values.
_CONFLICT_TEXT = "merge conflict: two values; pick one"


def safe_contact(contact: Contact, scrub: Scrubber) -> Contact:
    """Name and codename stay: who is shown how is ``shown_name``'s to decide."""
    return replace(
        contact,
        org=scrub(contact.org),
        role=scrub(contact.role),
        tags=tuple(scrub(tag) for tag in contact.tags),
        notes=scrub(contact.notes),
        intention=scrub(contact.intention),
    )


def safe_channel(channel: Channel, scrub: Scrubber) -> Channel:
    """The address stays: it is masked by its rung where it is drawn."""
    return replace(channel, label=scrub(channel.label), terms=scrub(channel.terms))


def safe_touch(touch: Touch, scrub: Scrubber) -> Touch:
    return replace(touch, reason=scrub(touch.reason), note=scrub(touch.note))


def safe_intel(item: Intel, scrub: Scrubber) -> Intel:
    return replace(item, summary=scrub(item.summary))


def safe_account(account: Account, scrub: Scrubber) -> Account:
    return replace(
        account,
        name=scrub(account.name),
        official_process=scrub(account.official_process),
        notes=scrub(account.notes),
    )


def safe_attention(item: AttentionItem, scrub: Scrubber) -> AttentionItem:
    safe_text = item.screen_safe_text
    if item.kind is AttentionKind.CONFLICT:
        # Either value of a merge conflict may be a private address or the
        # name a codename hides, one the book no longer holds, so the
        # scrubber may not know it: the text that leaves both out stands in.
        shown = scrub(safe_text or _CONFLICT_TEXT)
        return replace(item, text=shown, screen_safe_text=shown)
    return replace(
        item,
        text=scrub(item.text),
        screen_safe_text=scrub(safe_text) if safe_text is not None else None,
    )


def _safe_recommendation(recommendation: Recommendation, scrub: Scrubber) -> Recommendation:
    channel = recommendation.channel
    return replace(
        recommendation,
        channel=safe_channel(channel, scrub) if channel is not None else None,
        reason=scrub(recommendation.reason),
    )


def safe_detail(detail: ContactDetail, scrub: Scrubber) -> ContactDetail:
    """The contact screen's detail with every piece of free text scrubbed."""
    return replace(
        detail,
        contact=safe_contact(detail.contact, scrub),
        account=safe_account(detail.account, scrub) if detail.account is not None else None,
        ladder=tuple(
            LadderStep(safe_channel(step.channel, scrub), step.heat, step.replies)
            for step in detail.ladder
        ),
        recommendations=tuple(_safe_recommendation(r, scrub) for r in detail.recommendations),
        touches=tuple(safe_touch(touch, scrub) for touch in detail.touches),
        intel=tuple(safe_intel(item, scrub) for item in detail.intel),
    )


def _safe_person(person: AccountPerson, scrub: Scrubber) -> AccountPerson:
    channel = person.back_channel
    return replace(
        person,
        contact=safe_contact(person.contact, scrub),
        back_channel=safe_channel(channel, scrub) if channel is not None else None,
    )


def safe_account_map(account_map: AccountMap, scrub: Scrubber) -> AccountMap:
    """An account's map with every piece of free text scrubbed."""
    return replace(
        account_map,
        account=safe_account(account_map.account, scrub),
        official=tuple(_safe_person(p, scrub) for p in account_map.official),
        back_channels=tuple(_safe_person(p, scrub) for p in account_map.back_channels),
        intel=tuple(safe_intel(item, scrub) for item in account_map.intel),
    )


def safe_conflict_value(
    conflict: Conflict, value: Any, *, codenamed: bool, confidential: bool, scrub: Scrubber
) -> str:
    """One value of a merge conflict (the one kept or the other copy's) as
    screen-safe shows it. ``codenamed``: the contact it is about has a
    codename; ``confidential``: the intel item it is about is.

    The other copy's value need not be in this book, so the scrubber, which
    knows this book's private addresses and names, cannot be relied on for
    it: an address is masked whatever its rung (the other copy may keep it
    on the private one), a codename and a codenamed person's name are
    withheld whole (either beside the other gives the person away). Other
    text is scrubbed, as everywhere else."""
    table, field = conflict.table, conflict.field
    if table == "channels" and field == "address":
        return mask_address(value) if isinstance(value, str) and value else shown_value(value)
    if table == "contacts" and (field == "codename" or (field == "name" and codenamed)):
        return WITHHELD_VALUE
    if table == "intel" and field == "summary" and confidential:
        return WITHHELD_SUMMARY
    return scrub(shown_value(value))
