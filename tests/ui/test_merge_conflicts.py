"""Merge conflicts on the dashboard: listed first in Needs attention, opened
with enter, settled with k (keep this book's value) or o (take the other
copy's), left for later with escape; screen-safe never shows the values."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from textual.pilot import Pilot

from bchan_tui.app import BchanApp
from bchan_tui.data import AttentionItem, AttentionKind
from bchan_tui.data.domain.masking import mask_address
from bchan_tui.screens import DashboardScreen
from bchan_tui.screens.conflict_choice import ConflictChoiceModal

from .conflict_book import (
    CODENAME,
    KEPT_ACCOUNT,
    KEPT_ADDRESS,
    KEPT_NAME,
    KEPT_ORG,
    KEPT_SUMMARY,
    OTHER_ACCOUNT,
    OTHER_ADDRESS,
    OTHER_NAME,
    OTHER_ORG,
    OTHER_SUMMARY,
    ConflictBook,
    write_conflict_book,
)
from .helpers import make_app, settle, visible_text


@pytest.fixture
def one_conflict(db_path: Path, frozen: pendulum.DateTime) -> ConflictBook:
    """Marta's organisation: 'Globex' here, markup in the other copy."""
    return write_conflict_book(db_path, frozen, only_org=True)


@pytest.fixture
def conflicts(db_path: Path, frozen: pendulum.DateTime) -> ConflictBook:
    """Six conflicts: an organisation, a private address, a codenamed
    person's name and codename, an account's name, an intel summary."""
    return write_conflict_book(db_path, frozen)


def conflict_items(app: BchanApp) -> list[AttentionItem]:
    return [i for i in app.dashboard.attention_list.items if i.kind is AttentionKind.CONFLICT]


async def open_conflict(app: BchanApp, pilot: Pilot[None], about: str) -> ConflictChoiceModal:
    """Go to Needs attention, down to the conflict whose text has ``about``,
    and press enter on it."""
    await settle(pilot)
    panel = app.dashboard.attention_list
    [item] = [i for i in conflict_items(app) if about in i.text]
    if not panel.has_focus:
        await pilot.press("tab")
    assert panel.has_focus
    await pilot.press("g")
    for _ in panel.items:
        if panel.highlighted_item == item:
            break
        await pilot.press("j")
    assert panel.highlighted_item == item
    await pilot.press("enter")
    await settle(pilot)
    modal = app.screen
    assert isinstance(modal, ConflictChoiceModal)
    return modal


def notices(app: BchanApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def test_conflicts_come_first_in_needs_attention(
    db_path: Path, conflicts: ConflictBook
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        items = app.dashboard.attention_list.items
        assert len(conflict_items(app)) == 6
        assert all(item.kind is AttentionKind.CONFLICT for item in items[:6])
        text = visible_text(app)
        assert "≠ Marta Lindqvist" in text
        # An account's conflict has no contact: it is about "an account".
        assert "≠ an account" in text
        assert "merge conflict:" in text


async def test_k_keeps_this_books_value_and_settles_the_conflict(
    db_path: Path, one_conflict: ConflictBook
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 36)) as pilot:
        modal = await open_conflict(app, pilot, "org")
        text = visible_text(app)
        assert "Marta Lindqvist · org" in text
        assert f"This book   '{KEPT_ORG}'" in text
        # The other copy's value is shown as typed: markup is text here.
        assert f"Other copy  '{OTHER_ORG}'" in text
        await pilot.press("k")
        await settle(pilot)
        assert not modal.is_attached
        assert app.store.contact(one_conflict.marta_id).org == KEPT_ORG
        assert app.store.conflicts() == []
        assert conflict_items(app) == []
        assert (
            f"Merge conflict settled: Kept this book's org for Marta Lindqvist: '{KEPT_ORG}'."
            in (notices(app))
        )


async def test_o_takes_the_other_copys_value_literally(
    db_path: Path, one_conflict: ConflictBook
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_conflict(app, pilot, "org")
        await pilot.press("o")
        await settle(pilot)
        assert app.is_running  # the value's [@click=app.quit] ran nothing
        assert isinstance(app.screen, DashboardScreen)
        assert app.store.contact(one_conflict.marta_id).org == OTHER_ORG
        assert app.store.conflicts() == []
        assert conflict_items(app) == []
        # The row shows the organisation taken, cut short by its column.
        assert "[b]Acme[" in visible_text(app)
        assert any("Took the other copy's org" in notice for notice in notices(app))


async def test_escape_decides_later_and_changes_nothing(
    db_path: Path, one_conflict: ConflictBook
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_conflict(app, pilot, "org")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.store.contact(one_conflict.marta_id).org == KEPT_ORG
        assert len(app.store.conflicts()) == 1
        assert len(conflict_items(app)) == 1
        assert not any("settled" in notice for notice in notices(app))


async def test_an_accounts_conflict_names_the_account_and_takes_its_other_name(
    db_path: Path, conflicts: ConflictBook
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_conflict(app, pilot, "account name")
        text = visible_text(app)
        assert f"the account {KEPT_ACCOUNT} · account name" in text
        assert f"Other copy  '{OTHER_ACCOUNT}'" in text
        await pilot.press("o")
        await settle(pilot)
        assert app.store.account(conflicts.account_id).name == OTHER_ACCOUNT
        assert [c.field for c in app.store.conflicts()].count("name") == 1  # Jonas's is left
        assert len(conflict_items(app)) == 5


async def test_a_value_the_book_refuses_is_reported_and_the_conflict_stays(
    db_path: Path, conflicts: ConflictBook
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 36)) as pilot:
        # The other copy's codename for Jonas is Ana's in this book.
        await open_conflict(app, pilot, "codename")
        await pilot.press("o")
        await settle(pilot)
        assert app.is_running
        assert app.store.contact(conflicts.jonas_id).codename == CODENAME
        assert len(app.store.conflicts()) == 6
        assert any(
            n.title == "Not saved" and n.severity == "error" and "KESTREL" in n.message
            for n in app._notifications
        )


async def test_screen_safe_shows_no_value_of_any_conflict(
    db_path: Path, conflicts: ConflictBook
) -> None:
    secrets = (KEPT_ADDRESS, OTHER_ADDRESS, KEPT_NAME, OTHER_NAME)
    app = make_app(db_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        panel = app.dashboard.attention_list
        # Every conflict's whole text as the list draws it: no value in any.
        for item in conflict_items(app):
            shown = panel.shown_text(item)
            assert shown.endswith("has two values; pick one"), shown
            assert not any(value in shown for value in (*secrets, KEPT_ORG, OTHER_SUMMARY))
        text = visible_text(app)
        assert f"≠ {CODENAME}" in text
        # Rachel told what the conflict is about: a source, as for other intel.
        [about_intel] = [i for i in conflict_items(app) if "intel" in i.text]
        assert panel.who(about_intel) == "a source"
        assert "≠ a source" in text
        assert not any(value in text for value in secrets)

        await open_conflict(app, pilot, "channel address")
        text = visible_text(app)
        assert f"This book   {mask_address(KEPT_ADDRESS)}" in text
        assert f"Other copy  {mask_address(OTHER_ADDRESS)}" in text
        assert not any(value in text for value in secrets)
        await pilot.press("escape")
        await settle(pilot)

        await open_conflict(app, pilot, "conflict: name")
        text = visible_text(app)
        assert f"{CODENAME} · name" in text
        assert "This book   [withheld while screen-safe]" in text
        assert not any(value in text for value in secrets)
        # m works in the dialog: the values show, and hide again.
        await pilot.press("m")
        await settle(pilot)
        text = visible_text(app)
        assert f"This book   '{KEPT_NAME}'" in text
        assert f"Other copy  '{OTHER_NAME}'" in text
        await pilot.press("m")
        await settle(pilot)
        assert not any(value in visible_text(app) for value in secrets)
        await pilot.press("escape")
        await settle(pilot)

        await open_conflict(app, pilot, "intel summary")
        text = visible_text(app)
        assert "a source · intel summary" in text
        assert f"'{KEPT_SUMMARY}'" in text  # not confidential: scrubbed, shown
