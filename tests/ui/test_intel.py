"""The intel ledger on the contact screen: i records an item, v re-statuses
the highlighted one, the balance and track record follow, and screen-safe
protects the source and confidential summaries."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from bchan_tui.app import BchanApp
from bchan_tui.data import (
    AttentionKind,
    IntelDirection,
    IntelStatus,
    Sensitivity,
)
from bchan_tui.screens import ContactScreen, IntelFormModal, LogTouchModal
from bchan_tui.widgets import AttentionList, IntelList

from .helpers import make_app, settle, visible_text
from .ledger_book import CONFIDENTIAL, MARKUP, write_ledger_book


@pytest.fixture
def ledger_db(db_path: Path, frozen: pendulum.DateTime) -> Path:
    write_ledger_book(db_path, frozen)
    return db_path


async def open_contact(app: BchanApp, pilot: Pilot[None], name: str) -> ContactScreen:
    await settle(pilot)
    await pilot.press("slash", *name, "enter", "enter")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ContactScreen)
    return screen


def header_text(screen: ContactScreen) -> str:
    return visible_text(screen.app).split("╭")[0]


async def test_i_records_received_then_given_intel_and_the_balance_follows(
    ledger_db: Path,
) -> None:
    app = make_app(ledger_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_contact(app, pilot, "lindqvist")
        assert "give/get +0" in header_text(screen)
        # Received (the default), linked to the coffee two days ago.
        await pilot.press("i")
        assert isinstance(app.screen, IntelFormModal)
        await pilot.press(*"Purchasing wants a fixed price")
        await pilot.press("tab", "tab", "tab", "space", "down", "enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.is_current
        [received] = app.store.intel_of(screen.contact_id)
        [touch] = app.store.touches_of(screen.contact_id)
        assert received.direction is IntelDirection.RECEIVED
        assert received.status is IntelStatus.UNVERIFIED
        assert received.touch_id == touch.id
        assert "give/get -1 (given minus received)" in header_text(screen)
        assert "as a source: 0 confirmed, 0 contradicted" in header_text(screen)
        # Given, confidential: direction and sensitivity are the first two fields.
        await pilot.press("i")
        await pilot.press("shift+tab", "space", "down", "enter")
        await pilot.press("shift+tab", "space", "down", "enter")
        await pilot.press("tab", "tab", *"our roadmap slide", "enter")
        await settle(pilot)
        given = next(
            i for i in app.store.intel_of(screen.contact_id) if i.direction is IntelDirection.GIVEN
        )
        assert (given.summary, given.sensitivity) == ("our roadmap slide", Sensitivity.CONFIDENTIAL)
        assert given.touch_id is None
        assert "give/get +0" in header_text(screen)
        # Newest first: the given item sits above the received one.
        listed = screen.query_one(IntelList)
        assert [item.id for item in listed.items] == [given.id, received.id]
        text = visible_text(app)
        assert "→ given" in text and "confidential" in text
        assert text.index("our roadmap slide") < text.index("Purchasing wants a fixed price")


async def test_the_form_needs_a_summary_and_says_so(ledger_db: Path) -> None:
    app = make_app(ledger_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_contact(app, pilot, "lindqvist")
        await pilot.press("i", "space", "enter")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, IntelFormModal)
        assert "the summary is required" in str(modal.query_one("#form-error", Static).content)
        assert modal.query_one("#intel-summary", Input).has_class("-invalid")
        assert app.store.intel_of(screen.contact_id) == []
        # The verification fields are for received items only.
        assert "unverified" in visible_text(app)
        await pilot.press("shift+tab", "shift+tab", "space", "down", "enter")
        await pilot.pause()
        assert not any(field.display for field in modal.query(".received-field"))
        assert "unverified" not in visible_text(app)


async def test_v_and_u_step_the_highlighted_item_through_its_statuses(ledger_db: Path) -> None:
    app = make_app(ledger_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_contact(app, pilot, "green")
        listed = screen.query_one(IntelList)
        # Tab leaves the ladder for the ledger; the footer offers v there only.
        assert "v Verify" not in visible_text(app)
        await pilot.press("tab")
        assert listed.has_focus
        assert "v Verify" in visible_text(app)
        newest = listed.highlighted_item
        assert newest is not None and newest.summary == MARKUP
        expected = [
            (IntelStatus.CONFIRMED, "as a source: 1 confirmed, 0 contradicted"),
            (IntelStatus.CONTRADICTED, "as a source: 0 confirmed, 1 contradicted"),
            (IntelStatus.UNVERIFIED, "as a source: 0 confirmed, 0 contradicted"),
        ]
        for status, record in expected:
            await pilot.press("v")
            await settle(pilot)
            saved = next(i for i in app.store.intel_of(screen.contact_id) if i.id == newest.id)
            assert saved.status is status
            assert record in header_text(screen)
            assert listed.highlighted_item is not None
            assert listed.highlighted_item.id == newest.id
        # u says whether only this source has it: from unique to heard elsewhere.
        await pilot.press("u")
        await settle(pilot)
        saved = next(i for i in app.store.intel_of(screen.contact_id) if i.id == newest.id)
        assert saved.unique is False
        assert "also heard elsewhere" in visible_text(app)
        # A given item has no status: v and u do nothing on it.
        await pilot.press("down")
        given = listed.highlighted_item
        assert given is not None and given.direction is IntelDirection.GIVEN
        await pilot.press("v", "u")
        await settle(pilot)
        assert next(i for i in app.store.intel_of(screen.contact_id) if i.id == given.id) == given


async def test_markup_in_a_summary_is_shown_literally(ledger_db: Path) -> None:
    app = make_app(ledger_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_contact(app, pilot, "green")
        text = visible_text(app)
        assert MARKUP in text
        assert app.is_running


async def test_screen_safe_protects_the_source_and_confidential_summaries(
    ledger_db: Path,
) -> None:
    app = make_app(ledger_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_contact(app, pilot, "green")
        assert CONFIDENTIAL in visible_text(app)
        await pilot.press("m")
        await settle(pilot)
        text = visible_text(app)
        # Rachel has no codename: on her page she is "a source".
        assert "Rachel" not in text
        assert "a source" in header_text(screen)
        # The ledger still shows; the confidential summary does not.
        assert CONFIDENTIAL not in text
        assert "confidential" in text
        assert MARKUP in text
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogTouchModal)
        assert "Rachel" not in visible_text(app)


async def test_screen_safe_calls_a_codenamed_source_by_the_codename(ledger_db: Path) -> None:
    app = make_app(ledger_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        screen = await open_contact(app, pilot, "northwind")
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, IntelFormModal)
        text = visible_text(app)
        assert "Intel with HERON" in text
        assert "Marta" not in text
        await pilot.press("escape")
        assert "HERON" in header_text(screen)
        # Her work email spells her name: masked like a private address.
        text = visible_text(app)
        assert "marta@northwind.example" not in text
        assert "m•••@•••.example" in text
        await pilot.press("m")
        await settle(pilot)
        assert "marta@northwind.example" in visible_text(app)


async def test_the_attention_panel_hides_sources_and_opens_the_contact(
    ledger_db: Path,
) -> None:
    app = make_app(ledger_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        panel = app.dashboard.query_one(AttentionList)
        [item] = [i for i in panel.items if i.kind is AttentionKind.UNVERIFIED]
        assert item.text == f"unverified for 20 days: {CONFIDENTIAL}"
        await pilot.press("m")
        await settle(pilot)
        text = visible_text(app)
        assert "? a source" in text
        assert "the CFO" not in text
        # The whole line, as drawn (the panel is too narrow to show it all).
        drawn = panel.render_item_line(panel.items.index(item), 1, 80, False).text
        assert drawn.strip() == "unverified for 20 days: confidential"
        await pilot.press("tab")
        assert panel.has_focus
        while panel.highlighted_item != item:
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        assert app.screen.contact_id == item.contact_id


async def test_the_dashboard_shows_the_balance(ledger_db: Path) -> None:
    app = make_app(ledger_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        lines = visible_text(app).splitlines()
        assert "give/get" in next(line for line in lines if "reach now" in line)
        rachel = next(line for line in lines if "Forrester" in line)
        assert " -1 " in rachel


async def test_back_on_the_dashboard_the_panel_and_balance_follow_the_ledger(
    ledger_db: Path,
) -> None:
    app = make_app(ledger_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        panel = app.dashboard.query_one(AttentionList)
        assert [i.kind for i in panel.items] == [AttentionKind.UNVERIFIED]
        screen = await open_contact(app, pilot, "green")
        # Confirm the item unverified for 20 days, and give something back.
        await pilot.press("tab", "j", "j")
        listed = screen.query_one(IntelList)
        assert listed.highlighted_item is not None
        assert listed.highlighted_item.summary == CONFIDENTIAL
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("i", "shift+tab", "shift+tab", "space", "down", "enter")
        await pilot.press("tab", "tab", *"a peer's view of the market", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.dashboard
        assert panel.items == []
        row = next(r for r in app.store.contact_rows() if r.contact.name == "Rachel Green")
        assert row.balance == 0
        forrester = next(line for line in visible_text(app).splitlines() if "Forrester" in line)
        assert " 0 " in forrester and " -1 " not in forrester
