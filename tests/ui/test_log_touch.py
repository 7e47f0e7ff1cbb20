"""Logging a touch: reach now preselects the channel, a private channel asks
why, a hot channel asks to confirm."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input, Select, Static

from bchan_tui.data import Direction, Rung, Store, Urgency
from bchan_tui.screens import ConfirmModal, DashboardScreen, LogTouchModal

from .helpers import make_app, settle, visible_text


@pytest.fixture
def hana_db(db_path: Path, frozen: pendulum.DateTime) -> Path:
    """Hana: no relationship rung, a cool back channel, a hot work email."""
    with Store(db_path) as store:
        hana = store.add_contact("Hana Hot", org="Tessera")
        store.add_channel(hana.id, Rung.PRIVATE, "signal", "+1 555 0100")
        email = store.add_channel(hana.id, Rung.PUBLIC, "email", "hana@tessera.example")
        for hours in (2, 6, 10, 20, 30):
            store.log_touch(hana.id, email.id, at=frozen.subtract(hours=hours))
    return db_path


def channel_kind(app_store: Store, channel_id: str) -> str:
    return str(app_store.channel(channel_id).kind.value)


async def test_routine_preselects_the_channel_reach_now_picks(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lindqvist", "enter", "l")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LogTouchModal)
        step = modal.chosen_step()
        assert step is not None
        # She was met this week, so reach now goes past the hot meeting to a call.
        assert step.channel.kind.value == "call"
        assert "reach now:" in visible_text(app)
        await pilot.press(*"a quick call", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        marta = next(c for c in app.store.contacts() if c.name == "Marta Lindqvist")
        newest = app.store.touches_of(marta.id)[0]
        assert newest.note == "a quick call"
        assert newest.urgency is Urgency.ROUTINE
        assert newest.direction is Direction.OUT
        assert channel_kind(app.store, newest.channel_id) == "call"


async def test_a_private_channel_asks_for_the_reason(hana_db: Path) -> None:
    app = make_app(hana_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LogTouchModal)
        reason = modal.query_one("#reason", Input)
        assert not reason.display
        # Urgent, one key away from the note: reach now picks the cool back
        # channel, which needs a reason.
        await pilot.press("3")
        assert modal.query_one("#note", Input).value == "3"  # typed: a text field
        await pilot.press("backspace", "shift+tab", "3")
        assert modal.query_one("#urgency", Select).value is Urgency.URGENT
        step = modal.chosen_step()
        assert step is not None and step.channel.rung is Rung.PRIVATE
        assert reason.display
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, LogTouchModal)
        assert reason.has_class("-invalid")
        assert "a reason for using the private channel is required" in visible_text(app)
        hana = app.store.contacts()[0]
        assert app.store.touches_of(hana.id)[0].channel_id != step.channel.id
        await pilot.press(*"the board meets tomorrow", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        newest = app.store.touches_of(hana.id)[0]
        assert newest.channel_id == step.channel.id
        assert newest.reason == "the board meets tomorrow"
        assert newest.urgency is Urgency.URGENT


async def test_a_hot_channel_warns_and_asks_to_confirm(hana_db: Path) -> None:
    app = make_app(hana_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        hana = app.store.contacts()[0]
        before = len(app.store.touches_of(hana.id))
        await pilot.press("l")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LogTouchModal)
        step = modal.chosen_step()
        assert step is not None and step.channel.kind.value == "email"
        ready = step.heat.ready_again
        assert ready is not None
        warning = modal.query_one("#hot-warning", Static)
        assert warning.display
        assert f"ready again on {ready.format('D MMM YYYY')}" in visible_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        assert app.screen is modal
        assert len(app.store.touches_of(hana.id)) == before
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len(app.store.touches_of(hana.id)) == before + 1


async def test_an_incoming_touch_needs_no_reason_and_no_confirmation(hana_db: Path) -> None:
    app = make_app(hana_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LogTouchModal)
        # Direction: "in" (they reached me) on the hot email.
        await pilot.press("shift+tab", "shift+tab", "space", "down", "enter")
        assert modal.direction() is Direction.IN
        assert not modal.query_one("#hot-warning", Static).display
        # Enter on a drop-down opens it; ctrl+s saves from anywhere.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        hana = app.store.contacts()[0]
        assert app.store.touches_of(hana.id)[0].direction is Direction.IN


async def test_escape_cancels_logging(hana_db: Path) -> None:
    app = make_app(hana_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        hana = app.store.contacts()[0]
        before = len(app.store.touches_of(hana.id))
        await pilot.press("l")
        await settle(pilot)
        await pilot.press(*"never mind", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len(app.store.touches_of(hana.id)) == before
