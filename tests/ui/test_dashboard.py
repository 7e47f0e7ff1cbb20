"""The dashboard: the contact list, filtering, sorting and opening contacts,
and its first rows at start-up."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from textual import messages
from textual.message import Message
from textual.widget import Widget

from bchan_tui.data import ContactRow
from bchan_tui.data.book.index import BookIndex
from bchan_tui.screens import ContactScreen, DashboardScreen
from bchan_tui.screens import dashboard as dashboard_screen
from bchan_tui.widgets import AttentionList, ContactList, SortKey
from bchan_tui.widgets.contact_columns import COLUMNS, NAME_ROOM, fit_columns

from .helpers import contact_list, highlighted_name, make_app, settle, shown_names, visible_text


async def test_the_dashboard_lists_every_contact_by_name(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        names = shown_names(app)
        assert len(names) == 30
        assert names == sorted(names, key=str.casefold)
        assert highlighted_name(app) == names[0]
        text = visible_text(app)
        assert "30 contacts" in text
        assert "Amara Nwosu" in text
        # Columns at this width, with the "x ago" of a frozen clock.
        for title in ("organisation", "give/get", "reach now", "private", "last touch"):
            assert title in text
        assert "5 h ago" in text


async def test_arrows_jk_and_g_G_move_the_cursor(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        names = shown_names(app)
        await pilot.press("j", "down")
        assert highlighted_name(app) == names[2]
        await pilot.press("k")
        assert highlighted_name(app) == names[1]
        await pilot.press("G")
        assert highlighted_name(app) == names[-1]
        await pilot.press("up")
        assert highlighted_name(app) == names[-2]
        await pilot.press("g")
        assert highlighted_name(app) == names[0]


async def test_slash_filters_as_you_type_and_escape_clears(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert app.focused is not None and app.focused.id == "filter"
        await pilot.press(*"globex")
        assert shown_names(app) == ["Daniel Cho", "Elena Petrova", "Hiro Tanaka", "Sofia Rossi"]
        assert "4 of 30 contacts" in visible_text(app)
        # Accents are ignored: "garcia" finds Mateo García, and only him:
        # letters in order are not shown when a real match is.
        await pilot.press(*(["backspace"] * 6), *"garcia")
        assert shown_names(app) == ["Mateo García"]
        assert "best matches first" in visible_text(app)
        await pilot.press("escape")
        assert len(shown_names(app)) == 30
        assert app.focused is contact_list(app)


async def test_filter_keystrokes_redraw_the_list_without_laying_out_the_screen(
    demo_db: Path,
) -> None:
    # Textual asks for a layout with a Layout message; the test's message
    # hook sees every message, so no clock is involved.
    layouts: list[Widget] = []

    def note_layouts(message: Message) -> None:
        if isinstance(message, messages.Layout):
            layouts.append(message.widget)

    app = make_app(demo_db)
    async with app.run_test(size=(120, 20), message_hook=note_layouts) as pilot:
        await settle(pilot)
        listed = contact_list(app)
        await pilot.press("G", "slash")
        await settle(pilot)
        layouts.clear()
        await pilot.press("d")
        await settle(pilot)
        # Fewer matches, still more than the list shows: the list scrolls
        # less far, its scroll bar is shorter, the screen keeps its layout.
        body = listed.size.height - listed.HEADER_LINES
        lines = listed.HEADER_LINES + listed.item_count()
        assert body < listed.item_count() < 30
        assert listed.show_vertical_scrollbar
        assert listed.virtual_size.height == listed.vertical_scrollbar.window_virtual_size == lines
        # The cursor went from the last contact to the best match, on top.
        assert highlighted_name(app) == shown_names(app)[0]
        assert listed.scroll_y == 0
        assert listed.vertical_scrollbar.position == listed.scroll_y
        assert layouts == []
        # All of them fit: the scroll bar goes, and the screen is laid out.
        await pilot.press("backspace", *"nwosu")
        await settle(pilot)
        assert shown_names(app)[0] == "Amara Nwosu"
        assert listed.HEADER_LINES + listed.item_count() <= listed.size.height
        assert not listed.show_vertical_scrollbar
        assert listed.scroll_y == 0
        assert listed in layouts
        layouts.clear()
        await pilot.press(*(["backspace"] * 5))
        await settle(pilot)
        assert listed.show_vertical_scrollbar
        assert listed.vertical_scrollbar.window_virtual_size == listed.HEADER_LINES + 30
        assert listed in layouts


async def test_a_filter_that_matches_nothing_says_so(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzzqqq")
        assert shown_names(app) == []
        assert "No contact matches the filter." in visible_text(app)


async def test_typing_puts_the_cursor_on_the_best_match(demo_db: Path) -> None:
    """'/sam', Enter, 'd' must be about the first row shown, not about the
    contact highlighted before the filter."""
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for _ in range(30):
            if highlighted_name(app) == "Tom Okafor":
                break
            await pilot.press("j")
        assert highlighted_name(app) == "Tom Okafor"
        await pilot.press("slash", *"sam", "enter")
        assert shown_names(app)[0] == "Sam Whitfield"
        assert highlighted_name(app) == "Sam Whitfield"
        await pilot.press("d")
        await settle(pilot)
        assert "Archive Sam Whitfield" in visible_text(app)


async def test_the_cursor_keeps_its_contact_across_clearing_and_sort(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"marta lind", "enter")
        assert highlighted_name(app) == "Marta Lindqvist"
        await pilot.press("escape")
        assert highlighted_name(app) == "Marta Lindqvist"
        for key in ("o", "t", "h", "n", "n"):
            await pilot.press(key)
            assert highlighted_name(app) == "Marta Lindqvist"


async def test_sort_keys_order_the_list_and_again_reverses(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        rows = {row.contact.name: row for row in app.store.contact_rows()}
        listing = contact_list(app)

        await pilot.press("o")
        assert listing.sort_key is SortKey.OVERDUE
        ratios = [rows[name].overdue_ratio for name in shown_names(app)]
        assert ratios == sorted(ratios, reverse=True)
        # Most overdue first: the values fall down the list.
        assert "sorted by overdue ▼ most overdue first" in visible_text(app)
        await pilot.press("o")
        ratios = [rows[name].overdue_ratio for name in shown_names(app)]
        assert ratios == sorted(ratios)
        assert "sorted by overdue ▲ least overdue first" in visible_text(app)

        await pilot.press("t")
        touched = [rows[name].last_touch_at or 0.0 for name in shown_names(app)]
        assert touched == sorted(touched, reverse=True)

        await pilot.press("h")
        levels = [rows[name].max_level for name in shown_names(app)]
        assert levels == sorted(levels, reverse=True)

        await pilot.press("n")
        names = shown_names(app)
        assert names == sorted(names, key=str.casefold)


async def test_enter_opens_the_contact_and_escape_goes_back(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lindqvist", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        assert app.screen.detail is not None
        assert app.screen.detail.contact.name == "Marta Lindqvist"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert highlighted_name(app) == "Marta Lindqvist"


async def test_tab_reaches_the_attention_panel_and_enter_opens_its_contact(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        panel = app.dashboard.query_one(AttentionList)
        assert panel.items, "the demo book has things needing attention"
        await pilot.press("tab")
        assert panel.has_focus
        await pilot.press("j")
        item = panel.highlighted_item
        assert item is not None
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        assert app.screen.contact_id == item.contact_id
        # The most overdue relationship comes first.
        assert panel.items[0].kind.value == "overdue"


async def test_an_empty_book_invites_a_first_contact(empty_db: Path) -> None:
    app = make_app(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = visible_text(app)
        assert "No contacts yet: press a to add one." in text
        assert "All caught up." in text


async def test_a_click_on_a_row_moves_the_cursor_and_a_second_opens_it(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        names = shown_names(app)
        listing = contact_list(app)
        # Line 0 is the header; line 3 shows the third contact.
        await pilot.click(listing, offset=(4, 3))
        assert highlighted_name(app) == names[2]
        await pilot.click(listing, offset=(4, 3))
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)


def test_columns_give_way_by_drop_order_on_narrow_screens() -> None:
    wide = [column.key for column, _ in fit_columns(200)]
    assert wide == [column.key for column in COLUMNS]
    narrow = [column.key for column, _ in fit_columns(50)]
    assert narrow == ["name", "reach", "private", "state"]
    assert sum(width for _, width in fit_columns(120)) + len(COLUMNS) - 1 == 120


@pytest.mark.parametrize("width", [10, 20, 36, 52, 70, 85, 120])
def test_the_name_and_both_heats_stay_at_every_width(width: int) -> None:
    plan = dict((column.key, size) for column, size in fit_columns(width))
    assert {"name", "reach", "private"} <= plan.keys()
    # Nothing wider than the list, as long as the list can hold them at all.
    least = sum(column.least for column in COLUMNS if not column.drop_order) + 2
    assert sum(plan.values()) + len(plan) - 1 <= max(width, least)


@pytest.mark.parametrize("width", [52, 70, 85])
def test_spare_room_goes_to_the_name_before_any_other_column(width: int) -> None:
    plan = dict((column.key, size) for column, size in fit_columns(width))
    wanted = {column.key: column.width for column in COLUMNS}
    grown = {key for key, size in plan.items() if size > wanted[key]}
    assert grown <= {"name"} or plan["name"] >= NAME_ROOM
    # The organisation is kept while the name has more than it needs.
    if plan["name"] > wanted["name"] + 12:
        assert "org" in plan


async def test_a_reload_keeps_the_filter_and_the_cursor(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"globex", "enter", "j")
        chosen = highlighted_name(app)
        before = shown_names(app)
        # What the dashboard does every few minutes on its own.
        app.dashboard.load_book()
        await settle(pilot)
        assert shown_names(app) == before
        assert highlighted_name(app) == chosen


async def test_the_first_rows_are_shown_before_the_whole_book_is_indexed(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        names = shown_names(app)

    indexed_before_rows: list[int] = []
    whole_indexes: list[int] = []
    build = BookIndex.build.__func__  # type: ignore[attr-defined]
    set_rows = ContactList.set_rows

    def counting_build(cls: type[BookIndex], data: Any, contact_ids: Any = None, **kw: Any) -> Any:
        if contact_ids is None:
            whole_indexes.append(1)
        return build(cls, data, contact_ids, **kw)

    def noting_set_rows(self: ContactList, rows: Iterable[ContactRow]) -> None:
        indexed_before_rows.append(len(whole_indexes))
        set_rows(self, rows)

    monkeypatch.setattr(BookIndex, "build", classmethod(counting_build))
    monkeypatch.setattr(ContactList, "set_rows", noting_set_rows)
    # Fewer first rows than the demo book's 30 contacts: a book that fits
    # in its first screen is indexed whole at once.
    monkeypatch.setattr(dashboard_screen, "FIRST_ROWS", 10)
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # The first rows from the part of the book about them, then every
        # row once the whole book is indexed.
        assert indexed_before_rows == [0, 1]
        assert shown_names(app) == names
