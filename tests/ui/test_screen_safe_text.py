"""Screen-safe hides in free text what a redacted export hides: private
numbers in any written form, quoted accounts, codenamed people's names,
on the contact screen, the dashboard and the accounts screen; and a form
that would show them does not open."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import IntelDirection, Rung, Store
from bchan_tui.screens import AccountsScreen, ContactScreen, DashboardScreen

from .helpers import make_app, settle, visible_text

# Pieces of what the book says that screen-safe must not show.
SECRETS = ("Lindqvist", "999", "555", "heron@", "lapwing")


@pytest.fixture
def book(db_path: Path, frozen: pendulum.DateTime) -> Path:
    with Store(db_path) as store:
        account = store.add_account("Northwind", notes="Lindqvists office: +46 (0)70 555 0142")
        marta = store.add_contact("Marta Lindqvist", codename="HERON", account_id=account.id)
        store.add_channel(marta.id, Rung.PRIVATE, "signal", "+46 70 555 0142")
        store.add_channel(marta.id, Rung.PRIVATE, "mastodon", "@heron@social.example")
        jonas = store.add_contact(
            "Jonas Weber",
            account_id=account.id,
            intention="Lindqvist's budget; call +46 70 999 1234",
        )
        private = store.add_channel(jonas.id, Rung.PRIVATE, "phone", "+46 70 999 1234")
        store.add_channel(jonas.id, Rung.PRIVATE, "im", "@lapwing7:matrix.example")
        store.add_channel(jonas.id, Rung.PUBLIC, "email", "j.weber@northwind.example")
        store.log_touch(
            jonas.id,
            private.id,
            reason="texted 070-999 12 34",
            note="Lindqvist-led team, ask @heron@social.example",
            at=frozen.subtract(days=2),
        )
        store.record_intel(
            jonas.id,
            IntelDirection.RECEIVED,
            "Lind\u00adqvist moves to Globex; @lapwing7:matrix.example",
            at=frozen.subtract(days=20),
        )
    return db_path


def shows_a_secret(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret.casefold() in text.casefold()]


async def test_the_contact_screen_hides_what_notes_reasons_and_intel_quote(book: Path) -> None:
    app = make_app(book)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"jonas", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        text = visible_text(app)
        assert "texted 070-999 12 34" in text
        assert "Lindqvist-led team" in text
        assert "their gain: Lindqvist's budget" in text
        await pilot.press("m")
        await settle(pilot)
        text = visible_text(app)
        assert shows_a_secret(text) == [], text
        assert "why: texted +••• •••34" in text
        assert "HERON-led team" in text
        assert "their gain: HERON's budget; call +••• •••34" in text
        # Editing would show the stored text: it does not open.
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        assert any(n.title == "Not while screen-safe" for n in app._notifications)
        await pilot.press("m")
        await settle(pilot)
        assert "texted 070-999 12 34" in visible_text(app)


async def test_the_dashboard_and_the_accounts_screen_hide_it_too(book: Path) -> None:
    app = make_app(book)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        # The unverified item quotes the summary in the attention list.
        assert "unverified for 20 days:" in visible_text(app)
        texts = [item.text for item in app.dashboard.attention_list.items]
        assert any(line.startswith("unverified for 20 days: Lind") for line in texts)
        await pilot.press("m")
        await settle(pilot)
        text = visible_text(app)
        assert "unverified for 20 days:" in text
        attention = app.dashboard.attention_list
        shown = [attention.shown_text(item) for item in attention.items]
        assert any(line.startswith("unverified for 20 days: HERON") for line in shown)
        assert shows_a_secret(text) == [], text
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
        text = visible_text(app)
        assert "HERON office: +••• •••42" in text
        assert shows_a_secret(text) == [], text
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, AccountsScreen)
        assert any(n.title == "Not while screen-safe" for n in app._notifications)
        await pilot.press("m")
        await settle(pilot)
        assert "Lindqvists office: +46 (0)70 555 0142" in visible_text(app)
