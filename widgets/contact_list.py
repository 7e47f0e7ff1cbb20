"""The dashboard's contact list: every contact on one line, drawn through the
line API so 50,000 of them scroll, sort and filter without a pause."""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from bchan_tui.data import ContactRow
from bchan_tui.data.domain.scrubber import Scrubber

from .contact_columns import GAP, Column, cell_text, fit_columns
from .cursor_list import CursorList
from .display import fit, shown_name


class SortKey(StrEnum):
    """What the contact list is ordered by."""

    NAME = "name"
    LAST_TOUCH = "last touch"
    HEAT = "heat"
    OVERDUE = "overdue"


# Which columns show the value each sort key orders by (heat: the hottest
# channel, which is the reach-now one or the private one).
SORTED_COLUMNS = {
    SortKey.NAME: {"name"},
    SortKey.LAST_TOUCH: {"last"},
    SortKey.HEAT: {"reach", "private"},
    SortKey.OVERDUE: {"state"},
}

# The order each key sorts in first, in words: names A to Z, the rest with
# the most pressing first. The sort arrow says the same: ▲ for values rising
# down the list (A to Z), ▼ for values falling (the newest touch, the
# hottest channel, the most overdue first).
FIRST_ORDER = {
    SortKey.NAME: ("A to Z", "Z to A"),
    SortKey.LAST_TOUCH: ("newest first", "oldest first"),
    SortKey.HEAT: ("hottest first", "coolest first"),
    SortKey.OVERDUE: ("most overdue first", "least overdue first"),
}


def sort_arrow(key: SortKey, reverse: bool) -> str:
    """▲ when the sorted values rise down the list, ▼ when they fall."""
    rising = key is SortKey.NAME
    return "▲" if rising != reverse else "▼"


def sort_order_words(key: SortKey, reverse: bool) -> str:
    """ "newest first": the order the list is in, in words."""
    return FIRST_ORDER[key][1 if reverse else 0]


def _sort_values(row: ContactRow, *, screen_safe: bool) -> tuple[str, float, float, float]:
    """Per sort key, a value that orders the list ascending.

    Names sort as they are shown: sorting codenames by the real names behind
    them would tell an onlooker where each real name falls.
    """
    last = row.last_touch_at
    return (
        shown_name(row.contact, screen_safe=screen_safe).casefold(),
        -last if last is not None else math.inf,
        -row.max_level,
        -row.overdue_ratio,
    )


_SORT_POSITION = {SortKey.NAME: 0, SortKey.LAST_TOUCH: 1, SortKey.HEAT: 2, SortKey.OVERDUE: 3}


class ContactList(CursorList):
    """Contacts, one per line, sorted and filtered; the cursor stays on its
    contact when the order or the filter changes.

    Give it rows with ``set_rows``, changed rows with ``put_row``, and the ids
    a filter matches with ``set_matches``. It posts ``Highlighted`` when the
    cursor lands on a contact and ``Selected`` when one is opened.
    """

    HEADER_LINES = 1

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "contact-list--header",
        "contact-list--sorted",
        "contact-list--cursor",
        "contact-list--dim",
        "contact-list--cool",
        "contact-list--warm",
        "contact-list--hot",
        "contact-list--fresh",
        "contact-list--due",
        "contact-list--overdue",
    }

    DEFAULT_CSS = """
    ContactList {
        height: 1fr;
        & > .contact-list--header { color: $text-muted; text-style: bold; }
        & > .contact-list--sorted { color: $text-accent; text-style: bold; }
        & > .contact-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .contact-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .contact-list--dim { color: $text-muted; }
        & > .contact-list--cool { color: $success; }
        & > .contact-list--warm { color: $warning; }
        & > .contact-list--hot { color: $error; text-style: bold; }
        & > .contact-list--fresh { color: $success; }
        & > .contact-list--due { color: $warning; }
        & > .contact-list--overdue { color: $error; text-style: bold; }
    }
    """

    sort_key: reactive[SortKey] = reactive(SortKey.NAME, init=False)
    sort_reverse: reactive[bool] = reactive(False, init=False)
    screen_safe: reactive[bool] = reactive(False)

    @dataclass
    class Highlighted(Message):
        """The cursor landed on a contact."""

        contact_id: str

    @dataclass
    class Selected(Message):
        """The user opened a contact (Enter or a click on the highlighted row)."""

        contact_id: str

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: dict[str, ContactRow] = {}
        self._keys: dict[str, tuple[str, float, float, float]] = {}
        self._order: list[str] = []
        self._position: dict[str, int] = {}
        self._view: list[str] = []
        self._matches: Mapping[str, int] | None = None
        # The contact the user chose; the cursor returns to it whenever it is shown.
        self._anchor: str | None = None
        self._layout: list[tuple[Column, int]] = []
        self._layout_width = -1
        self._announced: str | None = None
        self._strips: LRUCache[tuple[str, int, bool, bool, int], Strip] = LRUCache(1024)
        # Scrubs the organisation column while screen-safe (the screen gives
        # the store's; see ``use_scrubber``).
        self._scrubber = Scrubber()

    @property
    def scrubber(self) -> Scrubber:
        return self._scrubber

    @scrubber.setter
    def scrubber(self, scrubber: Scrubber) -> None:
        self._scrubber = scrubber
        self._strips.clear()
        self.refresh()

    # --- data in ----------------------------------------------------------

    def set_rows(self, rows: Iterable[ContactRow]) -> None:
        """Replace every row."""
        self._strips.clear()
        self._rows = {row.contact.id: row for row in rows}
        self._rekey()

    def _rekey(self) -> None:
        safe = self.screen_safe
        self._keys = {cid: _sort_values(row, screen_safe=safe) for cid, row in self._rows.items()}
        self._resort()

    def put_row(self, row: ContactRow) -> None:
        """Add a contact's row, or replace it after a change."""
        cid = row.contact.id
        self._strips.clear()
        self._rows[cid] = row
        self._keys[cid] = _sort_values(row, screen_safe=self.screen_safe)
        self._resort()

    def remove_row(self, contact_id: str) -> None:
        """Take a contact off the list (it was archived)."""
        if self._rows.pop(contact_id, None) is None:
            return
        self._strips.clear()
        self._keys.pop(contact_id, None)
        if contact_id == self._anchor:
            # Land on the neighbour rather than jumping to the top.
            position = self._cursor
            self._view = [cid for cid in self._view if cid != contact_id]
            self._anchor = self._view[min(position, len(self._view) - 1)] if self._view else None
        self._resort()

    def set_matches(self, scores: Mapping[str, int] | None, *, to_best: bool = False) -> None:
        """Show only these contacts, better scores first, each score in the
        sort order (None shows everyone). With ``to_best`` (the query was
        typed) the cursor goes to the best match: the one a key pressed
        next is meant for; otherwise it stays on its contact."""
        if scores is not None and to_best:
            self._anchor = None
        self._matches = scores
        self._refilter()

    @property
    def filtered(self) -> bool:
        return self._matches is not None

    def select_contact(self, contact_id: str) -> bool:
        """Put the cursor on a contact; False when it is not on the list now."""
        if contact_id not in self._rows:
            return False
        self._anchor = contact_id
        self._place_cursor()
        return contact_id == self.highlighted_id

    # --- data out ---------------------------------------------------------

    @property
    def highlighted_id(self) -> str | None:
        """The contact under the cursor, if any."""
        return self._view[self._cursor] if self._view else None

    @property
    def highlighted_row(self) -> ContactRow | None:
        cid = self.highlighted_id
        return self._rows[cid] if cid is not None else None

    def row(self, contact_id: str) -> ContactRow | None:
        return self._rows.get(contact_id)

    @property
    def total_count(self) -> int:
        return len(self._rows)

    @property
    def shown_ids(self) -> list[str]:
        """Ids in the order shown."""
        return list(self._view)

    # --- ordering and filtering --------------------------------------------

    def watch_sort_key(self) -> None:
        self._resort()

    def watch_sort_reverse(self) -> None:
        self._resort()

    def watch_screen_safe(self) -> None:
        self._strips.clear()
        self._rekey()

    def _resort(self) -> None:
        position = _SORT_POSITION[self.sort_key]
        keys = self._keys

        def order_by(cid: str) -> tuple[str | float, str]:
            values = keys[cid]
            return values[position], values[0]

        self._order = sorted(self._rows, key=order_by, reverse=self.sort_reverse)
        self._position = {cid: index for index, cid in enumerate(self._order)}
        self._refilter()

    def _refilter(self) -> None:
        matches = self._matches
        if matches is None:
            self._view = self._order
        else:
            # Better scores first; inside one score, the chosen order. Only the
            # matches are touched, and the sorting is done by C-level keys.
            position = self._position
            buckets: dict[int, list[str]] = {}
            for cid, score in matches.items():
                if cid in position:
                    buckets.setdefault(score, []).append(cid)
            view: list[str] = []
            for score in sorted(buckets, reverse=True):
                view += sorted(buckets[score], key=position.__getitem__)
            self._view = view
        self._place_cursor()

    def _place_cursor(self) -> None:
        index = 0
        if self._anchor is not None and (self._matches is None or self._anchor in self._matches):
            try:
                index = self._view.index(self._anchor)
            except ValueError:
                index = 0
        self._cursor = index
        if self._view:
            # The cursor's contact is the one it keeps from now on: clearing
            # the filter leaves it on the match the user was looking at.
            self._anchor = self._view[index]
        self.items_changed()
        self._announce(self.highlighted_id)

    def _announce(self, contact_id: str | None) -> None:
        if contact_id is not None and contact_id != self._announced:
            self.post_message(self.Highlighted(contact_id))
        self._announced = contact_id

    # --- CursorList --------------------------------------------------------

    def item_count(self) -> int:
        return len(self._view)

    def cursor_landed(self, index: int) -> None:
        self._anchor = self._view[index]
        self._announce(self._anchor)

    def item_opened(self, index: int) -> None:
        self._anchor = self._view[index]
        self.post_message(self.Selected(self._anchor))

    def empty_message(self) -> str:
        if not self._rows:
            return " No contacts yet: press a to add one."
        return " No contact matches the filter."

    # --- drawing -----------------------------------------------------------

    def _columns(self, width: int) -> list[tuple[Column, int]]:
        if width != self._layout_width:
            # One cell of margin on the left, and a gap after every column.
            self._layout = fit_columns(width - 1 - GAP)
            self._layout_width = width
        return self._layout

    def _style(self, name: str, *, partial: bool = False) -> Style:
        return self.get_component_rich_style(f"contact-list--{name}", partial=partial)

    def render_header_line(self, line: int, width: int) -> Strip:
        header = self._style("header")
        sorted_style = self._style("sorted")
        sorted_columns = SORTED_COLUMNS[self.sort_key]
        arrow = " " + sort_arrow(self.sort_key, self.sort_reverse)
        segments = [Segment(" ", header)]
        for column, column_width in self._columns(width):
            if column.key in sorted_columns:
                segments.append(Segment(fit(column.title + arrow, column_width), sorted_style))
            else:
                segments.append(Segment(fit(column.title, column_width), header))
            segments.append(Segment(" " * GAP, header))
        return Strip(segments).crop_extend(0, width, header)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_item_line(self, index: int, line: int, width: int, highlighted: bool) -> Strip:
        cid = self._view[index]
        # "x ago" changes by the minute at most; the rest only when the data does.
        key = (cid, width, highlighted, self.screen_safe, int(time.time() // 60))
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(self._rows[cid], width, highlighted)
            self._strips[key] = strip
        return strip

    def _render_row(self, row: ContactRow, width: int, highlighted: bool) -> Strip:
        base = self._style("cursor") if highlighted else self.rich_style
        segments = [Segment(" ", base)]
        for column, column_width in self._columns(width):
            text, accent = cell_text(
                row, column.key, screen_safe=self.screen_safe, scrubber=self.scrubber
            )
            style = (
                base if highlighted or accent is None else base + self._style(accent, partial=True)
            )
            segments.append(Segment(fit(text, column_width), style))
            segments.append(Segment(" " * GAP, base))
        return Strip(segments).crop_extend(0, width, base)
