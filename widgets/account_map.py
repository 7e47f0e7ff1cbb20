"""The account map's pieces: the list of accounts, an account's official
process, its people (in the official process or back channels) and the
intel that concerns it.

They are given the account map's records and post messages; the accounts screen
wires them together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import Static

from bchan_tui.data import (
    Account,
    AccountPerson,
    AccountSummary,
    Contact,
    Intel,
    IntelDirection,
    IntelStatus,
)

from .cursor_list import CursorList
from .display import band_mark, day, fit, shown_name, shown_summary, strength_dots

# (text, width or 0 for "the rest", component class that colours it or None)
Cell = tuple[str, int, str | None]


class MapList(CursorList):
    """A list of the account map, one line per item, drawn from cells."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "map-list--cursor",
        "map-list--name",
        "map-list--dim",
        "map-list--cool",
        "map-list--warm",
        "map-list--hot",
        "map-list--fresh",
        "map-list--due",
        "map-list--overdue",
        "map-list--confirmed",
        "map-list--contradicted",
        "map-list--unverified",
    }

    DEFAULT_CSS = """
    MapList {
        & > .map-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .map-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .map-list--name { text-style: bold; }
        & > .map-list--dim { color: $text-muted; }
        & > .map-list--cool { color: $success; }
        & > .map-list--warm { color: $warning; }
        & > .map-list--hot { color: $error; text-style: bold; }
        & > .map-list--fresh { color: $success; }
        & > .map-list--due { color: $warning; }
        & > .map-list--overdue { color: $error; text-style: bold; }
        & > .map-list--confirmed { color: $success; }
        & > .map-list--contradicted { color: $error; text-style: bold; }
        & > .map-list--unverified { color: $warning; }
    }
    """

    screen_safe: reactive[bool] = reactive(False)

    def watch_screen_safe(self) -> None:
        self.refresh()

    def cells(self, index: int, width: int) -> list[Cell]:
        """The cells of item ``index`` on a line ``width`` cells wide."""
        raise NotImplementedError

    def render_item_line(self, index: int, line: int, width: int, highlighted: bool) -> Strip:
        base = self.get_component_rich_style("map-list--cursor") if highlighted else self.rich_style
        segments = [Segment(" ", base)]
        used = 1
        for text, cell_width, accent in self.cells(index, width - 1):
            size = cell_width or max(width - used, 0)
            style = base
            if accent is not None and not highlighted:
                style = base + self.get_component_rich_style(f"map-list--{accent}", partial=True)
            segments.append(Segment(fit(text, size) + " ", style))
            used += size + 1
            if used >= width:
                break
        return Strip(segments).crop_extend(0, width, base)


class AccountList(MapList):
    """The accounts, by name, each with how many back channels it has.

    Posts ``Highlighted`` when the cursor lands on an account and ``Selected``
    when one is opened.
    """

    @dataclass
    class Highlighted(Message):
        """The cursor landed on this account."""

        account_id: str

    @dataclass
    class Selected(Message):
        """The user opened this account (Enter)."""

        account_id: str

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._summaries: list[AccountSummary] = []
        self._loaded = False

    def set_accounts(
        self, summaries: Sequence[AccountSummary], *, chosen: str | None = None
    ) -> None:
        """Show these accounts with the cursor on ``chosen`` (by id), or by
        default on the account it was on, if it still exists."""
        chosen = chosen or self.highlighted_id
        self._summaries = list(summaries)
        self._loaded = True
        for index, summary in enumerate(self._summaries):
            if summary.account.id == chosen:
                self._cursor = index
                break
        self.items_changed()

    @property
    def highlighted_account(self) -> Account | None:
        return self._summaries[self._cursor].account if self._summaries else None

    @property
    def highlighted_id(self) -> str | None:
        chosen = self.highlighted_account
        return chosen.id if chosen is not None else None

    def item_count(self) -> int:
        return len(self._summaries)

    def empty_message(self) -> str:
        return "No accounts yet." if self._loaded else "Loading…"

    def cursor_landed(self, index: int) -> None:
        self.post_message(self.Highlighted(self._summaries[index].account.id))

    def item_opened(self, index: int) -> None:
        self.post_message(self.Selected(self._summaries[index].account.id))

    def cells(self, index: int, width: int) -> list[Cell]:
        summary = self._summaries[index]
        mark = f"⇄{summary.back_channels}" if summary.back_channels else ""
        return [(summary.account.name, max(width - 4, 1), "name"), (mark, 3, "dim")]


class AccountPeople(MapList):
    """People of an account, strongest first: name, strength, relationship
    state, the band of their back channel and what they gain.

    Posts ``Selected`` with the contact's id when a person is opened.
    """

    @dataclass
    class Selected(Message):
        """The user opened this person."""

        contact_id: str

    def __init__(
        self,
        empty: str,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._people: tuple[AccountPerson, ...] = ()
        self._empty = empty
        self._loading = True

    def set_people(self, people: Sequence[AccountPerson], *, loading: bool = False) -> None:
        """Show these people, with the cursor back on the first (none while ``loading``)."""
        self._people = tuple(people)
        self._loading = loading
        self._cursor = 0
        self.items_changed()

    @property
    def people(self) -> tuple[AccountPerson, ...]:
        return self._people

    @property
    def highlighted_person(self) -> AccountPerson | None:
        return self._people[self._cursor] if self._people else None

    def item_count(self) -> int:
        return len(self._people)

    def empty_message(self) -> str:
        return "Loading…" if self._loading else self._empty

    def item_opened(self, index: int) -> None:
        self.post_message(self.Selected(self._people[index].contact.id))

    def cells(self, index: int, width: int) -> list[Cell]:
        person = self._people[index]
        band = person.back_channel_band
        name_width = max(14, min(24, width // 3))
        cells: list[Cell] = [
            (shown_name(person.contact, screen_safe=self.screen_safe), name_width, "name"),
            (strength_dots(person.strength), 5, None),
            (person.state.value, 7, person.state.value),
            (band_mark(band), 6, band.value) if band else ("—", 6, "dim"),
        ]
        if person.intention:
            cells.append((person.intention, 0, None))
        return cells


_STATUS_ACCENT = {
    IntelStatus.UNVERIFIED: "unverified",
    IntelStatus.CONFIRMED: "confirmed",
    IntelStatus.CONTRADICTED: "contradicted",
}

_UNIQUE_WORD = {True: "unique", False: "shared", None: ""}

# Below this width the intel list leaves out whether an item was unique.
NARROW_INTEL = 64


class AccountIntel(MapList):
    """The intel that concerns an account, newest first: when, which way,
    its status, who it came from or went to, and what it was.

    While screen-safe, a source without a codename is "a source" and a
    confidential summary is withheld. Posts ``Selected`` with the contact's
    id when an item is opened.
    """

    @dataclass
    class Selected(Message):
        """The user opened an item: show the contact it came from or went to."""

        contact_id: str

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: tuple[Intel, ...] = ()
        self._contacts: Mapping[str, Contact] = {}

    def set_intel(self, items: Sequence[Intel], contacts: Mapping[str, Contact]) -> None:
        """Show these items; ``contacts`` names the people they came from or went to."""
        self._items = tuple(items)
        self._contacts = contacts
        self._cursor = 0
        self.items_changed()

    def item_count(self) -> int:
        return len(self._items)

    def empty_message(self) -> str:
        return "No intel yet."

    def item_opened(self, index: int) -> None:
        self.post_message(self.Selected(self._items[index].contact_id))

    def cells(self, index: int, width: int) -> list[Cell]:
        item = self._items[index]
        contact = self._contacts.get(item.contact_id)
        who = (
            shown_name(contact, screen_safe=self.screen_safe, source=True)
            if contact
            else "(archived)"
        )
        summary = shown_summary(item, screen_safe=self.screen_safe)
        if item.direction is IntelDirection.GIVEN:
            way: Cell = ("→ given", 14, "dim")
            unique: Cell = ("", 6, None)
        else:
            way = (f"← {item.status.value}", 14, _STATUS_ACCENT[item.status])
            unique = (_UNIQUE_WORD[item.unique], 6, "dim")
        said: Cell = (f"{who}: {summary}", 0, None)
        if width < NARROW_INTEL:
            # Room for what was said matters more than whether it was unique.
            return [(day(item.at), 6, "dim"), way, said]
        return [(day(item.at), 6, "dim"), way, unique, said]


class AccountProcess(Static):
    """An account's official process and notes."""

    DEFAULT_CSS = """
    AccountProcess {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, account: Account | None, *, empty: str = "") -> None:
        """Show this account's process (or ``empty`` when there is no account)."""
        if account is None:
            self.update(Content(empty))
            return
        process = account.official_process or "not written down yet"
        parts: list[str | tuple[str, str]] = [
            (account.name, "bold"),
            ("  ", ""),
            (process, "" if account.official_process else "$text-muted"),
        ]
        if account.notes:
            parts += ["\n", (account.notes, "$text-muted")]
        self.update(Content.assemble(*parts))
