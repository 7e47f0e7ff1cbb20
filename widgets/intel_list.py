"""A contact's intel ledger: what was given and received, newest first, two
lines per item; a cursor picks the item a status change acts on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from bchan_tui.data import Intel, IntelDirection, Sensitivity

from .cursor_list import CursorList
from .display import day, fit, shown_summary

_DIRECTION = {
    IntelDirection.GIVEN: "→ given   ",
    IntelDirection.RECEIVED: "← received",
}

UNIQUE_WORDS: dict[bool | None, str] = {
    True: "unique",
    False: "also heard elsewhere",
    None: "unique?",
}
"""How the ledger says whether only this source has an item (None: unknown)."""


def intel_facts(item: Intel) -> list[tuple[str, str | None]]:
    """The first line's parts after the date, each with the component class
    that colours it: status and uniqueness (received only), sensitivity."""
    facts: list[tuple[str, str | None]] = []
    if item.direction is IntelDirection.RECEIVED:
        facts.append((item.status.value, item.status.value))
        facts.append((UNIQUE_WORDS[item.unique], "muted"))
    if item.sensitivity is Sensitivity.CONFIDENTIAL:
        facts.append(("confidential", "confidential"))
    return facts


class IntelList(CursorList):
    """The ledger of one contact. Give it items with ``show``; it posts
    ``Highlighted`` with the item under the cursor."""

    ITEM_LINES = 2

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "intel-list--cursor",
        "intel-list--direction",
        "intel-list--muted",
        "intel-list--unverified",
        "intel-list--confirmed",
        "intel-list--contradicted",
        "intel-list--confidential",
    }

    DEFAULT_CSS = """
    IntelList {
        height: 1fr;
        & > .intel-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .intel-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .intel-list--direction { text-style: bold; }
        & > .intel-list--muted { color: $text-muted; }
        & > .intel-list--unverified { color: $warning; }
        & > .intel-list--confirmed { color: $success; }
        & > .intel-list--contradicted { color: $error; text-style: bold; }
        & > .intel-list--confidential { color: $accent; }
    }
    """

    screen_safe: reactive[bool] = reactive(False)

    @dataclass
    class Highlighted(Message):
        """The cursor is on this item (None when the ledger is empty)."""

        intel_id: str | None

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: list[Intel] = []
        self._loaded = False

    def show(self, items: Sequence[Intel], select: str | None = None) -> None:
        """Show these items (newest first, as given); the cursor stays on the
        item it was on, or moves to ``select``."""
        chosen = select or (self.highlighted_item.id if self.highlighted_item else None)
        self._items = list(items)
        self._loaded = True
        self._cursor = next((i for i, item in enumerate(self._items) if item.id == chosen), 0)
        self.items_changed()
        highlighted = self.highlighted_item
        self.post_message(self.Highlighted(highlighted.id if highlighted else None))

    @property
    def items(self) -> list[Intel]:
        return list(self._items)

    @property
    def highlighted_item(self) -> Intel | None:
        return self._items[self._cursor] if self._items else None

    def watch_screen_safe(self) -> None:
        self.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing to open: Enter belongs to the screen.
        return action != "select"

    def item_count(self) -> int:
        return len(self._items)

    def cursor_landed(self, index: int) -> None:
        self.post_message(self.Highlighted(self._items[index].id))

    def empty_message(self) -> str:
        return " Nothing given or received yet: i records it." if self._loaded else " Loading…"

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"intel-list--{name}", partial=True)

    def render_item_line(self, index: int, line: int, width: int, highlighted: bool) -> Strip:
        item = self._items[index]
        base = (
            self.get_component_rich_style("intel-list--cursor") if highlighted else self.rich_style
        )
        if line == 1:
            # Shown literally: a segment's text is never read as markup.
            summary = shown_summary(item, screen_safe=self.screen_safe)
            style = base + self._style("muted") if summary != item.summary else base
            return Strip([Segment(fit("   " + summary, width), style)]).crop_extend(0, width, base)
        segments = [
            Segment(f" {_DIRECTION[item.direction]} ", base + self._style("direction")),
            Segment(f"{day(item.at):<7}", base + self._style("muted")),
        ]
        for position, (text, accent) in enumerate(intel_facts(item)):
            style = base if highlighted or accent is None else base + self._style(accent)
            segments += [Segment(" · " if position else " ", base), Segment(text, style)]
        return Strip(segments).crop_extend(0, width, base)
