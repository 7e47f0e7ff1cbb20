"""The contact list's columns, how they share the width, and what each
shows of a row.

The plan, for any width: the name, the reach-now channel with its heat and
the private channel's heat always stay; the other columns drop out, least
needed first, until the rest fit; spare room goes to the name first (up to
``NAME_ROOM``), then to the organisation, then to the name again.
"""

from __future__ import annotations

import msgspec

from bchan_tui.data import ContactRow
from bchan_tui.data.domain.scrubber import Scrubber

from .display import (
    AGO_WIDTH,
    ago,
    balance_accent,
    balance_text,
    band_mark,
    kind_name,
    shown_name,
    strength_dots,
)


class Column(msgspec.Struct, frozen=True):
    """A column of the list: the width it needs, the width it may shrink to
    when even the columns that always stay do not fit (``least``), and how
    early it is dropped on a narrow list (higher ``drop_order`` goes first;
    0 never goes)."""

    key: str
    title: str
    width: int
    drop_order: int
    least: int = 0


COLUMNS: tuple[Column, ...] = (
    Column("name", "name", 15, 0, least=8),
    Column("org", "organisation", 12, 4),
    # Strength goes before the give/get balance: what you owe a back channel
    # is the more urgent thing to see.
    Column("strength", "strength", 8, 6),
    Column("balance", "give/get", 8, 5),
    # The channel reach now picks for a routine matter, behind its heat:
    # "▁ cool in person". Cut, the heat stays.
    Column("reach", "reach now", 16, 0, least=6),
    Column("private", "private", 7, 0, least=6),
    Column("last", "last touch", AGO_WIDTH, 3),
    Column("state", "state", 7, 2),
)

GAP = 1
SHRINK_ORDER = ("reach", "name", "private")
NAME_ROOM = 24
"""How wide the name grows before the organisation gets any spare room."""
ORG_ROOM = 24


def _needed(columns: list[Column]) -> int:
    return sum(c.width for c in columns) + GAP * (len(columns) - 1)


def fit_columns(width: int) -> list[tuple[Column, int]]:
    """The columns that fit in ``width`` cells, in display order, with widths."""
    kept = list(COLUMNS)
    while _needed(kept) > width and any(c.drop_order for c in kept):
        kept.remove(max(kept, key=lambda c: c.drop_order))
    widths = {c.key: c.width for c in kept}
    spare = width - _needed(kept)
    if spare < 0:
        # Only the columns that always stay are left: each gives up room down
        # to its least, the channel's name first (its heat stays), then the
        # contact's.
        for key in SHRINK_ORDER:
            column = next(c for c in kept if c.key == key)
            give = min(-spare, column.width - column.least)
            widths[key] -= give
            spare += give
    else:
        grow = min(spare, max(NAME_ROOM - widths["name"], 0))
        widths["name"] += grow
        spare -= grow
        if "org" in widths:
            grow = min(spare, max(ORG_ROOM - widths["org"], 0))
            widths["org"] += grow
            spare -= grow
        widths["name"] += spare
    return [(column, widths[column.key]) for column in kept]


def cell_text(
    row: ContactRow, key: str, *, screen_safe: bool, scrubber: Scrubber
) -> tuple[str, str | None]:
    """The text of a row's cell in column ``key``, and the component class
    of the list that colours it (None: the row's own colour)."""
    contact = row.contact
    if key == "name":
        return shown_name(contact, screen_safe=screen_safe), None
    if key == "org":
        return (scrubber(contact.org) if screen_safe else contact.org), None
    if key == "strength":
        return strength_dots(contact.strength), None
    if key == "balance":
        return balance_text(row.balance), balance_accent(row.balance)
    if key == "reach":
        channel, band = row.routine_channel, row.routine_band
        if channel is None or band is None:
            return "none", "dim"
        return f"{band_mark(band)} {kind_name(channel.kind)}", band.value
    if key == "private":
        band = row.private_band
        return (band_mark(band), band.value) if band else ("—", "dim")
    if key == "last":
        return ago(row.last_touch), (None if row.last_touch else "dim")
    return row.state.value, row.state.value
