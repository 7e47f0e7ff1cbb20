"""Quick add: a name is enough, Enter saves from any field, Escape cancels."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from bchan_tui.data import ChannelKind, Rung
from bchan_tui.screens import ContactScreen, DashboardScreen, QuickAddModal

from .helpers import contact_list, highlighted_name, make_app, settle, visible_text


async def test_a_name_alone_adds_a_contact_and_selects_it(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, QuickAddModal)
        await pilot.press(*"Zoë Adams", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        added = [c for c in app.store.contacts() if c.name == "Zoë Adams"]
        assert len(added) == 1
        assert app.store.channels_of(added[0].id) == []
        assert highlighted_name(app) == "Zoë Adams"
        assert app.focused is contact_list(app)
        assert "31 contacts" in visible_text(app)


async def test_enter_in_the_organisation_field_saves_too(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Ada Quinn", "tab", *"Initech", "enter")
        await settle(pilot)
        added = next(c for c in app.store.contacts() if c.name == "Ada Quinn")
        assert added.org == "Initech"


async def test_one_channel_can_come_with_the_new_contact(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # Name, organisation, account, then the channel's rung.
        await pilot.press("a", *"Bo Lind", "tab", "tab", "tab")
        modal = app.screen
        assert isinstance(modal, QuickAddModal)
        rung = modal.query_one("#rung", Select)
        assert rung.has_focus
        # Space opens the menu; the arrows pick; Enter chooses (it does not save).
        await pilot.press("space", "down", "down", "enter")
        assert rung.value is Rung.PRIVATE
        await pilot.press("tab", "space", "down", "down", "down", "enter")
        kind = modal.query_one("#kind", Select)
        assert kind.value is ChannelKind.EMAIL
        await pilot.press("tab", *"bo@home.example", "enter")
        await settle(pilot)
        added = next(c for c in app.store.contacts() if c.name == "Bo Lind")
        (channel,) = app.store.channels_of(added.id)
        assert (channel.rung, channel.kind, channel.address) == (
            Rung.PRIVATE,
            ChannelKind.EMAIL,
            "bo@home.example",
        )


async def test_a_missing_name_is_marked_inline_and_nothing_is_saved(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a", "tab", *"Hooli", "enter")
        modal = app.screen
        assert isinstance(modal, QuickAddModal)
        name = modal.query_one("#name", Input)
        assert name.has_class("-invalid")
        assert name.has_focus
        assert "a name is required" in visible_text(app)
        assert len(app.store.contacts()) == 30
        # Typing a name clears the mark.
        await pilot.press(*"Kim")
        assert not name.has_class("-invalid")


async def test_a_half_given_channel_is_refused(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # Past the organisation, the account, the rung and the kind to the address.
        await pilot.press(
            "a", *"Half Way", "tab", "tab", "tab", "tab", "tab", *"half@example", "enter"
        )
        assert app.screen.query_one("#address", Input).value == "half@example"
        assert isinstance(app.screen, QuickAddModal)
        assert "a channel needs both a rung and a kind" in visible_text(app)
        assert len(app.store.contacts()) == 30


async def test_escape_cancels_quick_add(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Never Saved", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert all(c.name != "Never Saved" for c in app.store.contacts())


async def test_quick_add_works_from_the_contact_screen_and_returns_to_the_list(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("a", *"From Afar", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert highlighted_name(app) == "From Afar"


async def test_a_new_contact_hidden_by_the_filter_is_still_selected(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"globex", "enter")
        await pilot.press("a", *"Outside Filter", "enter")
        await settle(pilot)
        assert highlighted_name(app) == "Outside Filter"
        assert app.dashboard.filter_input.value == ""
