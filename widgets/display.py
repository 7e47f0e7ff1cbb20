"""How domain values read on screen: times, bands, strength, masked addresses,
and the names and intel that screen-safe mode hides.

Plain functions over the data layer's records, shared by every widget, so a
band or a masked address reads the same wherever it appears. They return
plain strings; widgets put them into ``Content`` or segments, never markup.
"""

from __future__ import annotations

import pendulum
from pendulum import DateTime
from rich.cells import cell_len, set_cell_size

from bchan_tui.data import (
    Band,
    Channel,
    ChannelKind,
    Contact,
    Intel,
    RelationshipState,
    Rung,
    Sensitivity,
)
from bchan_tui.data.domain.clock import now
from bchan_tui.data.domain.masking import mask_address
from bchan_tui.data.domain.redaction import A_SOURCE

BAND_VARIABLE: dict[Band, str] = {
    Band.COOL: "$success",
    Band.WARM: "$warning",
    Band.HOT: "$error",
}
"""The theme colour of each band."""

STATE_VARIABLE: dict[RelationshipState, str] = {
    RelationshipState.FRESH: "$success",
    RelationshipState.DUE: "$warning",
    RelationshipState.OVERDUE: "$error",
}
"""The theme colour of each relationship state."""

# The one heat mark, everywhere: a cell that rises with the band (the help
# screen's legend explains it).
BAND_GLYPH = {Band.COOL: "▁", Band.WARM: "▄", Band.HOT: "█"}


def ago(moment: DateTime | None, *, never: str = "never") -> str:
    """How long ago, in at most 10 cells: "just now", "5 min ago", "3 h ago",
    "2 d ago", "3 wk ago", "4 mo ago", "2 yr ago" (or "in 5 min" ahead).

    One short form everywhere, so a column sized for it never cuts one.
    """
    if moment is None:
        return never
    interval = now() - moment
    ahead = interval.in_seconds() < 0
    if ahead:
        interval = moment - now()
    minutes = interval.in_minutes()
    if minutes < 1:
        return "just now"
    amount, unit = _largest_unit(interval.in_months(), interval.in_days(), minutes)
    return f"in {amount} {unit}" if ahead else f"{amount} {unit} ago"


AGO_WIDTH = 10
"""The widest ``ago`` text ("59 min ago", "11 mo ago")."""


def _largest_unit(months: int, days: int, minutes: int) -> tuple[int, str]:
    if months >= 12:
        return months // 12, "yr"
    if months >= 2:
        return months, "mo"
    if days >= 7:
        return days // 7, "wk"
    if days >= 1:
        return days, "d"
    if minutes >= 60:
        return minutes // 60, "h"
    return minutes, "min"


def _local(moment: DateTime) -> DateTime:
    return moment.in_timezone(pendulum.local_timezone())


def day(moment: DateTime) -> str:
    """A date as people say it: "7 Dec", with the year when it is not this
    one; on today's date, the time instead ("14:30"), so that "ready again
    6 Dec" is never shown on 6 Dec."""
    moment, today = _local(moment), _local(now())
    if moment.date() == today.date():
        return moment.format("HH:mm")
    if moment.year != today.year:
        return moment.format("D MMM YYYY")
    return moment.format("D MMM")


def kind_name(kind: ChannelKind) -> str:
    """ "in person" rather than "in_person"."""
    return kind.value.replace("_", " ")


def band_mark(band: Band) -> str:
    """ "▄ warm": a one-cell gauge and the band's name (readable without colour)."""
    return f"{BAND_GLYPH[band]} {band.value}"


def strength_dots(strength: int) -> str:
    """Strength 0-5 as five dots: ●●●○○."""
    clamped = min(max(strength, 0), 5)
    return "●" * clamped + "○" * (5 - clamped)


def balance_text(balance: int) -> str:
    """The give/get balance as "+2", "-3", or "0" when even."""
    return f"{balance:+d}" if balance else "0"


def balance_accent(balance: int) -> str | None:
    """How the contact list colours a balance: you owe (received more than
    given) warns; even is muted."""
    if balance < 0:
        return "due"
    return "dim" if balance == 0 else None


def shown_address(channel: Channel, *, screen_safe: bool, every_rung: bool = False) -> str:
    """The channel's address, masked on the private rung while screen-safe
    (the same mask as the shell and the redacted export use); on every rung
    with ``every_rung``, for a contact whose identity the screen hides."""
    if screen_safe and (every_rung or channel.rung is Rung.PRIVATE):
        return mask_address(channel.address)
    return channel.address


CONFIDENTIAL_SUMMARY = "confidential"
"""What stands for a confidential item's summary while screen-safe."""


def shown_name(contact: Contact, *, screen_safe: bool, source: bool = False) -> str:
    """The one place that decides what a contact is called on screen.

    While screen-safe a codename replaces the name. Where the contact shows
    as a source of intel (``source``), one without a codename is "a source":
    what was said is never put beside who said it.
    """
    if screen_safe and source and not contact.codename:
        return A_SOURCE
    return contact.display_name(screen_safe=screen_safe)


def hides_identity(contact: Contact, *, screen_safe: bool, source: bool = False) -> bool:
    """Whether the screen hides who the contact is (a codename, or "a source").
    Then every address of theirs is masked too: an address so often spells
    the name (``marta.lindqvist@...``)."""
    return shown_name(contact, screen_safe=screen_safe, source=source) != contact.name


def shown_summary(item: Intel, *, screen_safe: bool) -> str:
    """An intel item's summary; a confidential one is withheld while screen-safe."""
    if screen_safe and item.sensitivity is Sensitivity.CONFIDENTIAL:
        return CONFIDENTIAL_SUMMARY
    return item.summary


def channel_title(channel: Channel, *, screen_safe: bool, every_rung: bool = False) -> str:
    """ "public email · j.weber@example (work)": what a channel is and where
    it goes (masked as ``shown_address`` says)."""
    text = f"{channel.rung.value} {kind_name(channel.kind)}"
    address = shown_address(channel, screen_safe=screen_safe, every_rung=every_rung)
    if address:
        text += f" · {address}"
    if channel.label:
        text += f" ({channel.label})"
    return text


def fit(text: str, width: int) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis (wide characters count twice)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    cut = set_cell_size(text, width - 1).rstrip()
    return set_cell_size(cut + "…", width)
