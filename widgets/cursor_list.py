"""A keyboard-driven list drawn through Textual's line API.

Only the lines on screen are rendered, so a list of 50,000 items costs no
more to draw than one of 50. Subclasses say how many items there are and
draw one line of one item; this class owns the cursor, the scrolling and the
keys.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .display import fit


class CursorList(ScrollView, can_focus=True):
    """A scrolling list with a cursor; subclasses draw the items.

    ``HEADER_LINES`` lines at the top stay put while the items scroll under
    them; each item is ``ITEM_LINES`` lines high.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("g,home", "cursor_first", "First", show=False, id="list.first"),
        Binding("G,end", "cursor_last", "Last", show=False, id="list.last"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page-down"),
        Binding(
            "enter",
            "select",
            "Open",
            id="list.open",
            tooltip="Open the highlighted contact or merge conflict",
        ),
    ]

    HEADER_LINES: ClassVar[int] = 0
    ITEM_LINES: ClassVar[int] = 1

    DEFAULT_CSS = """
    CursorList {
        width: 1fr;
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._cursor = 0

    # --- what subclasses provide ------------------------------------------

    def item_count(self) -> int:
        """How many items the list shows now."""
        raise NotImplementedError

    def render_item_line(self, index: int, line: int, width: int, highlighted: bool) -> Strip:
        """Line ``line`` (0-based) of item ``index``, exactly ``width`` cells wide."""
        raise NotImplementedError

    def render_header_line(self, line: int, width: int) -> Strip:
        """Line ``line`` of the fixed header."""
        return Strip.blank(width, self.rich_style)

    def empty_message(self) -> str:
        """What the list says when it has no items."""
        return ""

    def cursor_landed(self, index: int) -> None:
        """Called after the cursor lands on a new item (user or program)."""

    def item_opened(self, index: int) -> None:
        """Called when the user opens the item under the cursor."""

    # --- the cursor -------------------------------------------------------

    @property
    def cursor(self) -> int:
        """Index of the highlighted item (0 when the list is empty)."""
        return self._cursor

    def move_cursor(self, index: int, *, notify: bool = True) -> None:
        """Put the cursor on ``index`` (clamped) and scroll it into view."""
        count = self.item_count()
        target = min(max(index, 0), max(count - 1, 0))
        moved = target != self._cursor
        self._cursor = target
        self.scroll_to_cursor()
        self.refresh()
        if moved and notify and count:
            self.cursor_landed(target)

    def scroll_to_cursor(self) -> None:
        body = self._body_height()
        if body <= 0:
            return
        top = self._cursor * self.ITEM_LINES
        bottom = top + self.ITEM_LINES - 1
        scroll_y = self.scroll_offset.y
        if top < scroll_y:
            self.scroll_to(y=top, animate=False, force=True)
        elif bottom >= scroll_y + body:
            self.scroll_to(y=bottom - body + 1, animate=False, force=True)

    def items_changed(self) -> None:
        """Call after the items change: resizes the scroll area and redraws."""
        self._update_virtual_size()
        count = self.item_count()
        if self._cursor >= count:
            self._cursor = max(count - 1, 0)
        self.scroll_to_cursor()
        self.refresh()

    def _body_height(self) -> int:
        return self.scrollable_content_region.height - self.HEADER_LINES

    def _page(self) -> int:
        return max(1, self._body_height() // self.ITEM_LINES - 1)

    def _update_virtual_size(self) -> None:
        lines = self.HEADER_LINES + self.item_count() * self.ITEM_LINES
        size = Size(self.scrollable_content_region.width, lines)
        if size == self.virtual_size:
            return
        overflows = lines > self.container_size.height
        if size.width == self.virtual_size.width and overflows == self.show_vertical_scrollbar:
            self._rescroll(size)
            return
        self.virtual_size = size

    def _rescroll(self, size: Size) -> None:
        """Take a virtual size that changes only how far the list scrolls:
        the scroll bar and the scroll position follow, the screen is not
        laid out again."""
        # Setting virtual_size lays out the whole screen, about a quarter of
        # a filter keystroke's time. Textual has no public way to change how
        # far a ScrollView scrolls without a layout; with the width and the
        # scroll bar's presence unchanged, these public names do what that
        # layout would.
        self.set_reactive(ScrollView.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = size.height
        self.scroll_y = min(self.scroll_y, self.max_scroll_y)

    # --- actions ----------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_cursor_first(self) -> None:
        self.move_cursor(0)

    def action_cursor_last(self) -> None:
        self.move_cursor(self.item_count() - 1)

    def action_page_up(self) -> None:
        self.move_cursor(self._cursor - self._page())

    def action_page_down(self) -> None:
        self.move_cursor(self._cursor + self._page())

    def action_select(self) -> None:
        if self.item_count():
            self.item_opened(self._cursor)

    # --- events -----------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()
        self.scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        line = event.y - self.HEADER_LINES
        if line < 0:
            return
        index = (line + self.scroll_offset.y) // self.ITEM_LINES
        if index >= self.item_count():
            return
        if index == self._cursor or event.chain > 1:
            self.move_cursor(index)
            self.item_opened(index)
        else:
            self.move_cursor(index)

    # --- drawing ----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y < self.HEADER_LINES:
            return self.render_header_line(y, width)
        count = self.item_count()
        line = y - self.HEADER_LINES + self.scroll_offset.y
        index, part = divmod(line, self.ITEM_LINES)
        if count == 0:
            if line == 0:
                return self.text_strip(self.empty_message(), width, self.rich_style)
            return Strip.blank(width, self.rich_style)
        if index >= count:
            return Strip.blank(width, self.rich_style)
        return self.render_item_line(index, part, width, index == self._cursor)

    @staticmethod
    def text_strip(text: str, width: int, style: Style) -> Strip:
        """A line of literal text in one style, exactly ``width`` cells."""
        return Strip([Segment(fit(text, width), style)], width)
