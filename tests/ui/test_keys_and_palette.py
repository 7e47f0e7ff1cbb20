"""Keys: every binding has an id, the help screen lists them all, the command
palette offers every action, and the chosen theme is remembered."""

from __future__ import annotations

import json
from pathlib import Path

from textual.binding import Binding
from textual.containers import VerticalScroll

from bchan_tui.app import BchanApp
from bchan_tui.commands import BchanCommands
from bchan_tui.preferences import Preferences
from bchan_tui.screens import (
    ArchiveScreen,
    ConfirmModal,
    ContactScreen,
    DashboardScreen,
    HelpScreen,
    QuickAddModal,
)
from bchan_tui.screens.conflict_choice import ConflictChoiceModal
from bchan_tui.screens.form import FormModal
from bchan_tui.screens.help import help_sections
from bchan_tui.widgets import LadderView
from bchan_tui.widgets.cursor_list import CursorList

from .helpers import make_app, settle, visible_text

BOUND = (
    BchanApp,
    DashboardScreen,
    ContactScreen,
    ArchiveScreen,
    CursorList,
    LadderView,
    FormModal,
    ConfirmModal,
    ConflictChoiceModal,
    HelpScreen,
)


def all_bindings() -> list[Binding]:
    return [b for owner in BOUND for b in owner.BINDINGS if isinstance(b, Binding)]


def test_every_binding_has_a_unique_id() -> None:
    bindings = all_bindings()
    assert bindings
    assert all(isinstance(owner_binding, Binding) for o in BOUND for owner_binding in o.BINDINGS)
    ids = [binding.id for binding in bindings]
    assert None not in ids
    assert len(ids) == len(set(ids))


async def test_the_help_screen_lists_every_key(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = [b for _, bindings in help_sections(BchanApp.BINDINGS) for b in bindings]
        shown = {b.id for b in all_bindings() if b.id and not b.id.startswith("help.")}
        assert shown <= {b.id for b in listed}
        # Every description is on the help screen (scrolled through, past
        # the legend of marks at the top, until the last line is shown).
        box = app.screen.query_one("#help-box", VerticalScroll)
        text = ""
        for _ in range(20):
            text += visible_text(app)
            if box.scroll_y >= box.max_scroll_y:
                break
            await pilot.press("down", "down", "down", "down")
        for binding in listed:
            assert (binding.tooltip or binding.description) in text, binding.id
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_the_palette_offers_the_actions_that_apply(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        titles = {c.title for c in BchanCommands(app.screen).commands()}
        for expected in (
            "Quick add a contact",
            "Log a touch",
            "Edit the contact",
            "Archive the contact",
            "Filter contacts by name, org, note, tag:x, @address or number",
            "Sort by name (again: reverse)",
            "Sort by overdue-ness, most overdue first (again: reverse)",
            "Show every key",
            "Screen-safe: hide private addresses, sources, confidential",
            "Quit bchan",
        ):
            assert expected in titles
        # Nothing to undo yet, so undo is not offered.
        assert "Undo the last archive" not in titles
        await pilot.press("d", "y")
        await settle(pilot)
        titles = {c.title for c in BchanCommands(app.screen).commands()}
        assert "Undo the last archive" in titles


async def test_a_palette_command_runs_its_action(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"quick add")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuickAddModal)


async def test_the_palette_on_the_contact_screen_offers_channel_actions(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        titles = {c.title for c in BchanCommands(app.screen).commands()}
        for expected in (
            "Back to the dashboard",
            "Add a channel to the ladder",
            "Edit the highlighted channel",
            "Retire the highlighted channel",
            "Move the highlighted channel up its rung",
            "Move the highlighted channel down its rung",
        ):
            assert expected in titles


async def test_the_chosen_theme_is_remembered(demo_db: Path, tmp_path: Path) -> None:
    remembered = tmp_path / "prefs" / "preferences.json"
    app = make_app(demo_db, Preferences(remembered))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
        await settle(pilot)
    assert json.loads(remembered.read_text())["theme"] == "nord"
    again = make_app(demo_db, Preferences(remembered))
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


def test_preferences_without_a_file_remember_for_the_session_only(tmp_path: Path) -> None:
    preferences = Preferences(None)
    preferences.remember_theme("gruvbox")
    assert preferences.theme == "gruvbox"
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_preferences_file_is_ignored(tmp_path: Path) -> None:
    broken = tmp_path / "preferences.json"
    broken.write_text("{not json")
    assert Preferences(broken).theme is None


def test_the_default_preferences_live_beside_the_settings(tmp_path: Path) -> None:
    # The fixture points BCHAN_CONFIG into tmp_path: nothing reaches the real home.
    path = Preferences.in_user_config().path
    assert path == tmp_path / "config" / "preferences.json"
