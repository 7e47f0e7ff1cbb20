"""The terminal: every screen survives being shrunk to 40x12 and grown back,
and without colour (NO_COLOR) every heat band still reads as text."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from bchan_tui.app import BchanApp
from bchan_tui.data import Rung, Store
from bchan_tui.screens import (
    AccountsScreen,
    ChannelFormModal,
    ConfirmModal,
    ContactScreen,
    DashboardScreen,
    EditContactModal,
    HelpScreen,
    IntelFormModal,
    LogTouchModal,
    QuickAddModal,
)
from bchan_tui.screens.export_preview import ExportPreviewScreen

from .helpers import make_app, settle, visible_text

FULL = (120, 36)
SMALLEST = (40, 12)
# Down to the smallest supported size, then back up.
SIZES = [SMALLEST, FULL]

# (keys from the dashboard, the screen they open); Escape closes each again.
FROM_DASHBOARD: list[tuple[tuple[str, ...], type[Screen[object]]]] = [
    (("a",), QuickAddModal),
    (("l",), LogTouchModal),
    (("e",), EditContactModal),
    (("d",), ConfirmModal),
    (("question_mark",), HelpScreen),
    (("A",), AccountsScreen),
    # The preview of one contact's export: the whole book's costs seconds a size.
    (("slash", *"lindqvist", "enter", "x"), ExportPreviewScreen),
]
# Log and edit open the same dialogs as from the dashboard: not repeated.
FROM_CONTACT: list[tuple[tuple[str, ...], type[Screen[object]]]] = [
    (("c",), ChannelFormModal),
    (("i",), IntelFormModal),
    (("x",), ConfirmModal),
]


async def resize_around(pilot: Pilot[None], expected: type[Screen[object]]) -> None:
    """Shrink and grow the terminal; the screen stays, drawn, at each size."""
    app = pilot.app
    for width, height in SIZES:
        await pilot.resize_terminal(width, height)
        # Twice: the resize event, then the layout and paint it causes.
        await pilot.pause()
        await pilot.pause()
        assert app.is_running, (expected.__name__, width, height)
        assert isinstance(app.screen, expected), (type(app.screen).__name__, width, height)
        assert app.size == (width, height)
        if (width, height) == SMALLEST:
            assert visible_text(app).strip()


async def open_and_resize(
    pilot: Pilot[None], keys: tuple[str, ...], expected: type[Screen[object]]
) -> None:
    await pilot.press(*keys)
    await settle(pilot)
    assert isinstance(pilot.app.screen, expected), (keys, type(pilot.app.screen).__name__)
    await resize_around(pilot, expected)
    await pilot.press("escape")
    await settle(pilot)


async def test_every_screen_survives_shrinking_to_40x12_and_back(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=FULL) as pilot:
        await settle(pilot)
        await resize_around(pilot, DashboardScreen)
        for keys, expected in FROM_DASHBOARD:
            await open_and_resize(pilot, keys, expected)
            assert isinstance(app.screen, DashboardScreen), expected.__name__
        await pilot.press("enter")
        await settle(pilot)
        await resize_around(pilot, ContactScreen)
        for keys, expected in FROM_CONTACT:
            await open_and_resize(pilot, keys, expected)
            assert isinstance(app.screen, ContactScreen), expected.__name__
        # The filter bar and the palette too.
        await pilot.press("escape", "slash", *"mar")
        await settle(pilot)
        await resize_around(pilot, DashboardScreen)
        assert app.is_running


@pytest.fixture
def banded_db(db_path: Path, frozen: pendulum.DateTime) -> Path:
    """One contact with a channel in each band, one whose routine channel is hot."""
    with Store(db_path) as store:
        bo = store.add_contact("Bo Hot")
        email = store.add_channel(bo.id, Rung.PUBLIC, "email", "bo@hot.example")
        for hours in (1, 2, 3, 4):
            store.log_touch(bo.id, email.id, at=frozen.subtract(hours=hours))
        ada = store.add_contact("Ada Bands")
        store.add_channel(ada.id, Rung.PUBLIC, "linkedin", "linkedin.com/in/ada")
        warm = store.add_channel(ada.id, Rung.PRIVATE, "signal", "+44 7700 900001")
        hot = store.add_channel(ada.id, Rung.PUBLIC, "email", "ada@bands.example")
        store.log_touch(ada.id, warm.id, reason="x", at=frozen.subtract(days=20))
        for hours in (1, 5, 9):
            store.log_touch(ada.id, hot.id, at=frozen.subtract(hours=hours))
    return db_path


async def test_without_colour_every_heat_band_reads_as_text(
    banded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app: BchanApp = make_app(banded_db)
    async with app.run_test(size=FULL) as pilot:
        await settle(pilot)
        assert app.no_color
        # The list: each band by a glyph and its word.
        listed = visible_text(app)
        for mark in ("▁ cool", "▄ warm", "█ hot"):
            assert mark in listed, mark
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        text = visible_text(app)
        for band in ("cool", "warm", "hot"):
            assert f"{band} · " in text, band
        assert "ready again" in text
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogTouchModal)
        text = visible_text(app)
        # The preselected channel names its band beside it.
        assert "linkedin.com/in/ada  (cool)" in text
