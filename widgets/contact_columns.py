"""The contact list's columns and how they share the width: the least
needed columns drop out first on a narrow terminal."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the list: its minimum width, its share of spare room
    (``flex``) and how early it is dropped when the list is narrow (higher
    ``drop_order`` goes first)."""

    key: str
    title: str
    width: int
    drop_order: int
    flex: int = 0


COLUMNS: tuple[Column, ...] = (
    Column("name", "name", 14, 0, flex=3),
    Column("org", "organisation", 12, 6, flex=2),
    # Strength goes before the give/get balance: what you owe a back channel
    # is the more urgent thing to see.
    Column("strength", "strength", 8, 8),
    Column("balance", "give/get", 8, 7),
    Column("reach", "reach now", 9, 4),
    Column("heat", "heat", 6, 2),
    Column("private", "private", 7, 5),
    Column("last", "last touch", 13, 3),
    Column("state", "state", 7, 1),
)

GAP = 1


def fit_columns(width: int) -> list[tuple[Column, int]]:
    """The columns that fit in ``width`` cells, in display order, with widths.

    Columns are dropped by ``drop_order`` until the rest fit; spare room goes
    to the flexible columns.
    """
    kept = list(COLUMNS)

    def needed(columns: list[Column]) -> int:
        return sum(c.width for c in columns) + GAP * (len(columns) - 1)

    while len(kept) > 1 and needed(kept) > width:
        kept.remove(max(kept, key=lambda c: c.drop_order))
    spare = max(width - needed(kept), 0)
    flex_total = sum(c.flex for c in kept)
    widths: list[tuple[Column, int]] = []
    given = 0
    flexible = [c for c in kept if c.flex]
    for column in kept:
        extra = 0
        if column.flex and flex_total:
            if column is flexible[-1]:
                extra = spare - given
            else:
                extra = spare * column.flex // flex_total
                given += extra
        widths.append((column, column.width + extra))
    return widths
