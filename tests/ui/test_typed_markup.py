"""Text typed into the app stays text: markup typed as a name, an
organisation or a filter is shown literally, and clicking or hovering on it
runs no action (a name such as ``[@click=app.quit]x[/]`` does not quit)."""

from __future__ import annotations

from pathlib import Path

from bchan_tui.screens import ContactScreen, DashboardScreen, QuickAddModal

from .helpers import highlighted_name, make_app, settle, visible_text

NAME = "[@click=app.quit]x[/]"
ORG = "[link=https://evil.example][@click=app.bell]Org[/][/link]"
ADDRESS = "[@click=app.quit]q@evil.example"


async def test_markup_typed_into_quick_add_is_a_name_not_an_action(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, QuickAddModal)
        await pilot.press(*NAME, "tab", *ORG, "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        added = [c for c in app.store.contacts() if c.name == NAME]
        assert len(added) == 1 and added[0].org == ORG
        assert highlighted_name(app) == NAME
        # The notification and the list show the typed text as typed.
        assert any(NAME in n.message for n in app._notifications)
        listed = visible_text(app)
        assert NAME in listed  # shown literally, never run
        assert "[link=http" in listed  # cut short by its column, literally
        # Hover over the name and click it: the click moves nothing and a
        # second one opens the contact; nothing quits.
        await pilot.hover("#contacts", offset=(3, 1))
        await pilot.click("#contacts", offset=(3, 1))
        await settle(pilot)
        assert app.is_running
        if not isinstance(app.screen, ContactScreen):
            await pilot.click("#contacts", offset=(3, 1))
            await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, ContactScreen)
        text = visible_text(app)
        assert NAME in text
        assert ORG in text
        await pilot.hover("#contact-header", offset=(2, 0))
        await pilot.click("#contact-header", offset=(2, 0))
        await pilot.click("#contact-header", offset=(2, 1))
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, ContactScreen)


async def test_markup_typed_as_an_address_or_a_filter_stays_text(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # A filter that looks like markup matches nothing and says so, literally.
        await pilot.press("slash", *NAME)
        await settle(pilot)
        text = visible_text(app)
        assert NAME in text
        assert "No contact matches the filter." in text
        await pilot.click("#contacts", offset=(3, 1))
        await settle(pilot)
        assert app.is_running
        await pilot.press("escape", "escape")
        await settle(pilot)
        # A channel whose address is markup, added from the contact screen.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        contact_id = app.screen.contact_id
        await pilot.press("c")
        await settle(pilot)
        # Rung: public; kind: email; then the address.
        await pilot.press("space", "down", "down", "down", "enter")
        await pilot.press("tab", "space", "down", "down", "down", "enter")
        await pilot.press("tab", *ADDRESS, "enter")
        await settle(pilot)
        assert any(c.address == ADDRESS for c in app.store.channels_of(contact_id))
        assert ADDRESS in visible_text(app)
        await pilot.click("#ladder", offset=(4, 2))
        await settle(pilot)
        assert app.is_running
