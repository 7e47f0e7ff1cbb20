"""Screen-safe masking, literal user text, and errors that become
notifications instead of tracebacks."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Rung, Store, ValidationError, WriteFailedError
from bchan_tui.screens import ContactScreen, DashboardScreen, LogTouchModal

from .helpers import contact_list, highlighted_name, make_app, settle, visible_text

EVE = "[bold red]Eve[/] [@click=app.quit]x"


@pytest.fixture
def eve_db(db_path: Path, frozen: pendulum.DateTime) -> Path:
    """A contact whose name, organisation and address look like markup."""
    with Store(db_path) as store:
        eve = store.add_contact(EVE, org="[link=https://evil.example]Org[/link]")
        store.add_channel(eve.id, Rung.PUBLIC, "email", "[b]eve[/b]@example.com", label="[i]w[/i]")
        store.add_channel(eve.id, Rung.RELATIONSHIP, "call", "+1 555 0101", terms="[red]secret[/]")
    return db_path


async def test_markup_in_user_text_is_shown_literally_and_runs_nothing(eve_db: Path) -> None:
    app = make_app(eve_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # The list cuts long names short, literally.
        listed = visible_text(app)
        assert "[bold red]Eve[" in listed
        assert "[link=https" in listed
        # A click on the name would run app.quit if it were markup; a click
        # on the highlighted row opens the contact instead.
        await pilot.click("#contacts", offset=(5, 1))
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, ContactScreen)
        text = visible_text(app)
        assert EVE in text
        assert "[link=https://evil.example]Org[/link]" in text
        assert "[b]eve[/b]@example.com" in text
        assert "[red]secret[/]" in text
        await pilot.click("#contact-header", offset=(3, 0))
        await settle(pilot)
        assert app.is_running
        # Notifications that name the contact show the name literally too.
        await pilot.press("l")
        await settle(pilot)
        assert EVE in visible_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert any(EVE in n.message for n in app._notifications)
        assert app.is_running


async def test_screen_safe_masks_private_addresses_and_shows_codenames(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lindqvist", "enter", "enter")
        await settle(pilot)
        assert "+46 70 555 0142" in visible_text(app)
        await pilot.press("m")
        await settle(pilot)
        text = visible_text(app)
        assert "+46 70 555 0142" not in text
        assert "+••• •••42" in text
        assert "Marta Lindqvist" not in text
        assert "HERON" in text
        # Her work email spells her name: masked too, as a redacted export does.
        assert "marta.lindqvist@northwind.example" not in text
        assert "m•••@•••.example" in text
        # The log dialog masks too.
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogTouchModal)
        assert "0142" not in visible_text(app)
        await pilot.press("escape", "escape")
        await settle(pilot)
        # On the dashboard: codenames in the list and in the attention panel.
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("escape")
        dashboard = visible_text(app)
        assert "SCREEN-SAFE" in dashboard
        assert "HERON" in dashboard
        assert "Marta Lindqvi" not in dashboard
        # Sorted by the names shown, so a codename's place gives nothing away.
        names = [
            row.contact.display_name(screen_safe=True).casefold()
            for cid in contact_list(app).shown_ids
            if (row := contact_list(app).row(cid))
        ]
        assert names == sorted(names)
        await pilot.press("m")
        await settle(pilot)
        assert "Marta Lindqvi" in visible_text(app)
        assert "SCREEN-SAFE" not in visible_text(app)


async def test_a_refused_write_becomes_a_notification(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)

        def refuse(*args: object, **kwargs: object) -> None:
            raise WriteFailedError("could not write book.json: No space left on device")

        monkeypatch.setattr(app.store, "update_contact", refuse)
        name = highlighted_name(app)
        await pilot.press("e", "tab", "tab", *"X", "enter")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, DashboardScreen)
        messages = [(n.title, n.message, n.severity) for n in app._notifications]
        assert (
            "Not saved: the disk refused the write",
            "could not write book.json: No space left on device",
            "error",
        ) in messages
        assert highlighted_name(app) == name


async def test_a_rule_broken_in_the_store_becomes_a_notification(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)

        def reject(*args: object, **kwargs: object) -> None:
            raise ValidationError("that channel is retired; choose an active one", field="x")

        monkeypatch.setattr(app.store, "log_touch", reject)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert any(
            n.title == "Not saved" and n.message == "that channel is retired; choose an active one"
            for n in app._notifications
        )


async def test_an_unexpected_error_is_reported_without_a_traceback(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)

        def explode(*args: object, **kwargs: object) -> None:
            raise RuntimeError("boom")

        monkeypatch.setattr(app.store, "archive_contact", explode)
        await pilot.press("d", "y")
        await settle(pilot)
        assert app.is_running
        assert any(n.message == "RuntimeError: boom" for n in app._notifications)


async def test_the_filter_finds_what_screen_safe_shows_and_never_the_hidden_name(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        # Her real name finds nobody: a row appearing would say who HERON is.
        await pilot.press("slash", *"lindqvist")
        await settle(pilot)
        assert contact_list(app).shown_ids == []
        assert "No contact matches the filter." in visible_text(app)
        await pilot.press(*(["backspace"] * 9), *"heron")
        await settle(pilot)
        assert highlighted_name(app) == "Marta Lindqvist"  # the row behind HERON
        assert "HERON" in visible_text(app)
        # Revealed again, the same filter is searched by the names shown.
        await pilot.press("escape", "m")
        await settle(pilot)
        await pilot.press("slash", *"lindqvist")
        await settle(pilot)
        assert highlighted_name(app) == "Marta Lindqvist"


async def test_screen_safe_clears_notifications_that_name_someone(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        name = highlighted_name(app)
        assert name is not None
        await pilot.press("d", "y")
        await settle(pilot)
        # "Archived Amara Nwosu. Press u to undo." stays up for ten seconds.
        assert any(name in n.message for n in app._notifications)
        await pilot.press("m")
        await settle(pilot)
        assert not any(name in n.message for n in app._notifications)
        assert [n.title for n in app._notifications] == ["Screen-safe on"]
