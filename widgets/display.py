"""How domain values read on screen: times, bands, strength, masked addresses,
and the names and intel that screen-safe mode hides.

Plain functions over the data layer's records, shared by every widget, so a
band or a masked address reads the same wherever it appears. They return
plain strings; widgets put them into ``Content`` or segments, never markup.
"""

from __future__ import annotations

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

# One cell that rises with the band, for the compact list columns.
BAND_GLYPH = {Band.COOL: "▁", Band.WARM: "▄", Band.HOT: "█"}

FILLED = "█"
EMPTY = "░"


def ago(moment: DateTime | None, *, never: str = "never") -> str:
    """ "3 days ago" in pendulum's words, relative to now."""
    return never if moment is None else moment.diff_for_humans()


def day(moment: DateTime) -> str:
    """A date as people say it: "7 Dec", with the year when it is not this one."""
    if moment.year != now().year:
        return moment.format("D MMM YYYY")
    return moment.format("D MMM")


def kind_name(kind: ChannelKind) -> str:
    """ "in person" rather than "in_person"."""
    return kind.value.replace("_", " ")


def band_mark(band: Band) -> str:
    """ "▄ warm": a one-cell gauge and the band's name (readable without colour)."""
    return f"{BAND_GLYPH[band]} {band.value}"


def level_bar(level: float, cells: int = 5) -> str:
    """A bar filled by a channel's level; full at its capacity (level 1)."""
    filled = round(min(max(level, 0.0), 1.0) * cells)
    return FILLED * filled + EMPTY * (cells - filled)


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
