"""The needs-attention panel: what to do next, three lines per item (who,
then what, over two lines, so the end of a line, where the number or the
date is, is seen in a narrow pane)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from bchan_tui.data import AttentionItem, AttentionKind, Contact
from bchan_tui.data.book.screen_safe import safe_attention
from bchan_tui.data.domain.scrubber import Scrubber

from .cursor_list import CursorList
from .display import fit, shown_name

_KIND_STYLE = {
    AttentionKind.CONFLICT: "urgent",
    AttentionKind.OVERDUE: "urgent",
    AttentionKind.DUE: "soon",
    AttentionKind.HOT_PRIVATE: "urgent",
    AttentionKind.UNVERIFIED: "soon",
    AttentionKind.ONE_SIDED: "soon",
    AttentionKind.NO_TOUCH_YET: "soon",
}

_KIND_MARK = {
    AttentionKind.CONFLICT: "≠",
    AttentionKind.OVERDUE: "●",
    AttentionKind.DUE: "●",
    AttentionKind.HOT_PRIVATE: "▲",
    AttentionKind.UNVERIFIED: "?",
    AttentionKind.ONE_SIDED: "⇄",
    AttentionKind.NO_TOUCH_YET: "○",
}

# Items about what a contact told you: they name a source.
_ABOUT_INTEL = {AttentionKind.UNVERIFIED, AttentionKind.ONE_SIDED}

# Who a merge conflict about an account's record is about: no contact.
AN_ACCOUNT = "an account"


def wrap_lines(text: str, width: int, lines: int) -> list[str]:
    """``text`` over exactly ``lines`` lines of ``width`` cells, broken
    between words; what does not fit ends the last line with an ellipsis."""
    words = text.split()
    out: list[str] = []
    current = ""
    while words and len(out) < lines - 1:
        word = words[0]
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
            words.pop(0)
        elif not current:
            # One word wider than the line: it is cut where the line ends.
            out.append(word)
            words.pop(0)
        else:
            out.append(current)
            current = ""
    rest = " ".join([current, *words] if current else words)
    out.append(rest)
    out += [""] * (lines - len(out))
    return [fit(part, width).rstrip() if cell_len(part) > width else part for part in out]


class AttentionList(CursorList):
    """Needs-attention items: the contact's name, then what is wrong.

    Give it the items and the contacts they name with ``set_items``; it posts
    ``Selected`` with the contact's id (and, for a merge conflict, the
    conflict's) when an item is opened.
    """

    ITEM_LINES = 3
    TEXT_LINES = ITEM_LINES - 1

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "attention-list--cursor",
        "attention-list--name",
        "attention-list--text",
        "attention-list--urgent",
        "attention-list--soon",
    }

    DEFAULT_CSS = """
    AttentionList {
        height: 1fr;
        & > .attention-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .attention-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .attention-list--name { text-style: bold; }
        & > .attention-list--text { color: $text-muted; }
        & > .attention-list--urgent { color: $error; text-style: bold; }
        & > .attention-list--soon { color: $warning; text-style: bold; }
    }
    """

    screen_safe: reactive[bool] = reactive(False)

    @dataclass
    class Selected(Message):
        """The user opened an item: show this contact, or settle this merge
        conflict (``conflict_id``; ``contact_id`` is "" for an account's)."""

        contact_id: str
        conflict_id: str = ""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: list[AttentionItem] = []
        self._contacts: Mapping[str, Contact] = {}
        self._about_intel: frozenset[str] = frozenset()
        self._loaded = False
        # What screen-safe scrubs texts with: the store's, once the screen has it.
        self.scrubber = Scrubber()

    def set_items(
        self,
        items: Sequence[AttentionItem],
        contacts: Mapping[str, Contact],
        *,
        intel_conflicts: Collection[str] = (),
    ) -> None:
        """Show these items; ``contacts`` names the people they are about.
        ``intel_conflicts``: the ids of merge conflicts about intel, whose
        contact screen-safe calls a source, as for other items about intel."""
        chosen = self.highlighted_item
        self._items = list(items)
        self._contacts = contacts
        self._about_intel = frozenset(intel_conflicts)
        self._loaded = True
        if chosen is not None:
            # Stay on the same item when the list is recomputed.
            same = (chosen.kind, chosen.contact_id, chosen.text)
            for index, item in enumerate(self._items):
                if (item.kind, item.contact_id, item.text) == same:
                    self._cursor = index
                    break
        self.items_changed()

    @property
    def highlighted_item(self) -> AttentionItem | None:
        return self._items[self._cursor] if self._items else None

    @property
    def items(self) -> list[AttentionItem]:
        return list(self._items)

    def shown_text(self, item: AttentionItem) -> str:
        """The item's text as the list shows it: while screen-safe, scrubbed
        as a redacted export would show it."""
        if not self.screen_safe:
            return item.text
        safe = safe_attention(item, self.scrubber)
        return safe.text if safe.screen_safe_text is None else safe.screen_safe_text

    def who(self, item: AttentionItem) -> str:
        """Whom the item is about, as the list names them."""
        if item.kind is AttentionKind.CONFLICT and not item.contact_id:
            return AN_ACCOUNT
        contact = self._contacts.get(item.contact_id)
        if contact is None:
            return "(archived)"
        source = item.kind in _ABOUT_INTEL or item.conflict_id in self._about_intel
        return shown_name(contact, screen_safe=self.screen_safe, source=source)

    def watch_screen_safe(self) -> None:
        self.refresh()

    def item_count(self) -> int:
        return len(self._items)

    def item_opened(self, index: int) -> None:
        item = self._items[index]
        self.post_message(self.Selected(item.contact_id, item.conflict_id))

    def empty_message(self) -> str:
        return " All caught up." if self._loaded else " Working it out…"

    def render_item_line(self, index: int, line: int, width: int, highlighted: bool) -> Strip:
        item = self._items[index]
        base = (
            self.get_component_rich_style("attention-list--cursor")
            if highlighted
            else self.rich_style
        )
        if line == 0:
            who = self.who(item)
            mark_style = base + self.get_component_rich_style(
                f"attention-list--{_KIND_STYLE[item.kind]}", partial=True
            )
            name_style = base + self.get_component_rich_style("attention-list--name", partial=True)
            segments = [
                Segment(f" {_KIND_MARK[item.kind]} ", mark_style),
                Segment(fit(who, width - 3), name_style),
            ]
        else:
            text_style = (
                base
                if highlighted
                else base + self.get_component_rich_style("attention-list--text", partial=True)
            )
            part = wrap_lines(self.shown_text(item), width - 3, self.TEXT_LINES)[line - 1]
            segments = [Segment(fit("   " + part, width), text_style)]
        return Strip(segments).crop_extend(0, width, base)
