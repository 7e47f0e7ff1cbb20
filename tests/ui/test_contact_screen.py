"""The contact screen: header, ladder with heat, reach now, recent touches,
and the keys that add, edit, retire and re-rank channels."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from bchan_tui.app import BchanApp
from bchan_tui.data import ChannelStatus, Rung
from bchan_tui.screens import ChannelFormModal, ConfirmModal, ContactScreen
from bchan_tui.widgets import LadderView, ReachNow, RecentTouches

from .helpers import make_app, settle, visible_text


async def open_marta(app: BchanApp, pilot: Pilot[None]) -> ContactScreen:
    await settle(pilot)
    await pilot.press("slash", *"lindqvist", "enter", "enter")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ContactScreen)
    return screen


async def test_the_contact_screen_shows_everything_about_the_contact(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        text = visible_text(app)
        # Header: name, role, org, strength, cadence and state, intention.
        for expected in (
            "Marta Lindqvist",
            "CIO · Northwind Logistics",
            "●●●●○",
            "tend every 21 days",
            "fresh",
            "wants a modern stack on her record before the board review",
        ):
            assert expected in text
        # The ladder: three rungs in order, preference marked, terms, heat.
        rungs = [text.index(t) for t in ("relationship", "private address", "3 · public")]
        assert rungs == sorted(rungs)
        assert "★ they" in text
        assert "only when it cannot wait; never forwarded" in text
        assert "ready again 16 Dec" in text
        assert "never used" in text
        # Reach now for the three urgencies, with reasons.
        reach = screen.query_one(ReachNow)
        cells = [str(static.content) for static in reach.query(Static)]
        assert cells[0::2] == ["routine", "important", "urgent"]
        assert all(reason.endswith("the relationship is cool") for reason in cells[1::2])
        # Recent touches, newest first (the ladder beside them shows times too,
        # so their order is read from the widget).
        touches = screen.query_one(RecentTouches).touches
        assert len(touches) >= 3
        assert [t.at for t in touches] == sorted((t.at for t in touches), reverse=True)
        assert "5 h ago" in text


async def test_add_a_channel(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        before = len(app.store.channels_of(screen.contact_id))
        await pilot.press("c")
        assert isinstance(app.screen, ChannelFormModal)
        # Rung: public; kind: x; then the address.
        await pilot.press("space", "down", "down", "down", "enter")
        await pilot.press("tab", "space", *(["down"] * 11), "enter")
        await pilot.press("tab", *"@marta", "enter")
        await settle(pilot)
        assert screen.is_current
        channels = app.store.channels_of(screen.contact_id)
        assert len(channels) == before + 1
        added = next(c for c in channels if c.address == "@marta")
        assert (added.rung, added.kind.value) == (Rung.PUBLIC, "x")
        ladder = screen.query_one(LadderView)
        step = ladder.highlighted_step
        assert step is not None and step.channel.id == added.id


async def test_enter_edits_the_highlighted_channel(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        await pilot.press("g", "j")  # the call
        step = screen.query_one(LadderView).highlighted_step
        assert step is not None and step.channel.kind.value == "call"
        await pilot.press("enter")
        modal = app.screen
        assert isinstance(modal, ChannelFormModal)
        assert app.focused is modal.query_one("#address", Input)
        await pilot.press(*"+46 8 555 0100", "tab", *"office line", "enter")
        await settle(pilot)
        channel = app.store.channel(step.channel.id)
        assert channel.address == "+46 8 555 0100"
        assert channel.label == "office line"


async def test_retire_asks_first(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        step = screen.query_one(LadderView).highlighted_step
        assert step is not None
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")  # starts on Cancel
        await settle(pilot)
        assert app.store.channel(step.channel.id).status is ChannelStatus.ACTIVE
        await pilot.press("x", "y")
        await settle(pilot)
        assert app.store.channel(step.channel.id).status is ChannelStatus.RETIRED
        assert step.channel.id not in {s.channel.id for s in screen.query_one(LadderView).steps}


async def test_shift_j_and_k_rerank_a_channel_within_its_rung(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        ladder = screen.query_one(LadderView)
        await pilot.press("g")  # the cursor starts on reach now's pick: to the top
        first = ladder.highlighted_step
        assert first is not None and first.channel.kind.value == "in_person"
        await pilot.press("J")
        await settle(pilot)
        relationship = [
            c for c in app.store.channels_of(screen.contact_id) if c.rung is Rung.RELATIONSHIP
        ]
        by_rank = sorted(relationship, key=lambda c: c.rank)
        assert [c.kind.value for c in by_rank] == ["call", "in_person"]
        # The cursor followed the channel it moved.
        moved = ladder.highlighted_step
        assert moved is not None and moved.channel.id == first.channel.id
        await pilot.press("K")
        await settle(pilot)
        by_rank = sorted(
            (c for c in app.store.channels_of(screen.contact_id) if c.rung is Rung.RELATIONSHIP),
            key=lambda c: c.rank,
        )
        assert [c.kind.value for c in by_rank] == ["in_person", "call"]


async def test_logging_from_the_contact_screen_refreshes_it(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press(*"a quick hello", "enter")
        await settle(pilot)
        assert screen.is_current
        assert screen.detail is not None
        assert screen.detail.touches[0].note == "a quick hello"
        assert "a quick hello" in visible_text(app)
        assert "just now" in visible_text(app)


async def test_edit_from_the_contact_screen_updates_the_header(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_marta(app, pilot)
        await pilot.press("e", "tab", "tab", "tab", "home", "ctrl+k", *"CTO", "enter")
        await settle(pilot)
        assert "CTO · Northwind Logistics" in visible_text(app)
        await pilot.press("escape")
        await settle(pilot)
        marta = next(c for c in app.store.contacts() if c.name == "Marta Lindqvist")
        assert marta.role == "CTO"
