"""A touch's whole life in the app: when it happened and how it turned out,
logged on the channel the ladder points at, its outcome set later, edited,
deleted and put back; intel deleted and put back; notes shown."""

from __future__ import annotations

from pathlib import Path

import pendulum
from textual.widgets import Input

from bchan_tui.data import Direction, Outcome, Store
from bchan_tui.screens import ConfirmModal, ContactScreen, LogTouchModal
from bchan_tui.widgets import IntelList, LadderView, RecentTouches

from .helpers import make_app, settle, visible_text
from .test_contact_screen import open_marta


def marta_id(store: Store) -> str:
    return next(c.id for c in store.contacts() if c.name == "Marta Lindqvist")


async def test_a_touch_logged_as_yesterday_that_was_answered(
    demo_db: Path, frozen: pendulum.DateTime
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_marta(app, pilot)
        await pilot.press("l")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LogTouchModal)
        await pilot.press(*"the board deck", "tab", "ctrl+u", *"tomorrow 9:00", "enter")
        # Refused in the form, with what was typed kept.
        assert app.screen is modal
        assert "in the future" in visible_text(app)
        assert modal.query_one("#note", Input).value == "the board deck"
        await pilot.press("ctrl+u", *"yesterday 15:00")
        assert "at Sun 22 Nov 15:00 (21 hours ago)" in visible_text(app)
        await pilot.press("tab", "space", "down", "enter", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        touches = app.store.touches_of(marta_id(app.store))
        touch = next(t for t in touches if t.note == "the board deck")
        assert touch.at == pendulum.datetime(2026, 11, 22, 15, 0, tz="UTC")
        assert touch.outcome is Outcome.REPLIED


async def test_l_logs_on_the_highlighted_ladder_channel(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        ladder = screen.query_one(LadderView)
        await pilot.press("G")  # the last public channel
        step = ladder.highlighted_step
        assert step is not None and step.channel.kind.value == "linkedin"
        await pilot.press("l")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LogTouchModal)
        chosen = modal.chosen_step()
        assert chosen is not None and chosen.channel.id == step.channel.id
        # 2, away from a text field, makes it important; the channel stays.
        await pilot.press("shift+tab", "2", "ctrl+s")
        await settle(pilot)
        touch = app.store.touches_of(screen.contact_id)[0]
        assert touch.channel_id == step.channel.id
        assert touch.urgency.value == "important"


async def test_outcome_edit_delete_and_undo_on_the_recent_touches(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        touches = screen.query_one(RecentTouches)
        touches.focus()
        await settle(pilot)
        newest = touches.highlighted_touch
        assert newest is not None and newest.direction is Direction.OUT
        assert newest.outcome is Outcome.PENDING
        await pilot.press("o")
        await settle(pilot)
        assert app.store.touch(newest.id).outcome is Outcome.REPLIED
        assert "replied" in visible_text(app)

        # Enter edits the touch: its note, here.
        await pilot.press("enter")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LogTouchModal)
        assert modal.query_one("#when", Input).value == newest.at.format("YYYY-MM-DD HH:mm")
        await pilot.press("ctrl+u", *"sent the deck", "ctrl+s")
        await settle(pilot)
        edited = app.store.touch(newest.id)
        assert (edited.note, edited.outcome) == ("sent the deck", Outcome.REPLIED)
        # Its time was left as filled in: it keeps it to the microsecond.
        assert edited.at == newest.at

        before = app.store.channel_heat(newest.channel_id).heat
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(pilot)
        assert newest.id not in {t.id for t in app.store.touches_of(screen.contact_id)}
        assert app.store.channel_heat(newest.channel_id).heat < before
        assert "z Undo delete" in visible_text(app)  # in the footer
        await pilot.press("z")
        await settle(pilot)
        assert app.store.touch(newest.id).note == "sent the deck"
        assert app.store.channel_heat(newest.channel_id).heat == before


async def test_intel_recorded_by_mistake_is_deleted_and_put_back(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        ledger = screen.query_one(IntelList)
        ledger.focus()
        await settle(pilot)
        item = ledger.highlighted_item
        assert item is not None
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await settle(pilot)
        assert item in app.store.intel_of(screen.contact_id)
        await pilot.press("x", "y")
        await settle(pilot)
        assert item not in app.store.intel_of(screen.contact_id)
        await pilot.press("z")
        await settle(pilot)
        assert item in app.store.intel_of(screen.contact_id)


async def test_notes_are_shown_on_the_contact_screen(demo_db: Path) -> None:
    with Store(demo_db) as store:
        store.update_contact(marta_id(store), notes="prefers [b]mornings[/b]\nhates slides")
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_marta(app, pilot)
        text = visible_text(app)
        # Literal, markup and all.
        assert "notes: prefers [b]mornings[/b]" in text
        assert "hates slides" in text


async def test_a_contact_never_touched_asks_for_a_first_touch(
    db_path: Path, frozen: pendulum.DateTime
) -> None:
    with pendulum.travel_to(frozen.subtract(days=45), freeze=True), Store(db_path) as store:
        store.add_contact("Never Reached", cadence_days=30)
    with pendulum.travel_to(frozen, freeze=True):
        app = make_app(db_path)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            items = [item.text for item in app.store.needs_attention()]
            assert items == ["no touch yet: added 45 days ago (cadence 30)"]
            assert "no touch yet" in visible_text(app)


async def test_a_touch_that_quotes_a_hidden_number_is_not_edited_while_screen_safe(
    demo_db: Path,
) -> None:
    with Store(demo_db) as store:
        marta = marta_id(store)
        signal = next(c for c in store.channels_of(marta) if c.kind.value == "signal")
        quoted = store.log_touch(
            marta, signal.id, reason="board date", note="call +46 70 555 0142 tonight"
        )
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        await pilot.press("m")
        await settle(pilot)
        touches = screen.query_one(RecentTouches)
        touches.focus()
        await settle(pilot)
        shown = touches.highlighted_touch
        assert shown is not None and shown.id == quoted.id
        assert "555" not in shown.note  # the list shows it scrubbed
        await pilot.press("enter")
        await settle(pilot)
        # Refused, as any form that would show hidden text is: the note as
        # stored is left as it was, never the masked copy written over it.
        assert not isinstance(app.screen, LogTouchModal)
        assert any(n.title == "Not while screen-safe" for n in app._notifications)
        assert app.store.touch(quoted.id).note == "call +46 70 555 0142 tonight"


async def test_editing_a_touchs_note_keeps_its_moment_to_the_second(
    demo_db: Path, frozen: pendulum.DateTime
) -> None:
    with Store(demo_db) as store:
        marta = marta_id(store)
        email = next(c for c in store.channels_of(marta) if c.kind.value == "email")
        logged = store.log_touch(marta, email.id, at=frozen.subtract(minutes=5, seconds=17))
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_marta(app, pilot)
        touches = screen.query_one(RecentTouches)
        touches.focus()
        await settle(pilot)
        assert touches.highlighted_touch is not None
        assert touches.highlighted_touch.id == logged.id
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LogTouchModal)
        await pilot.press("ctrl+u", *"sent the deck", "ctrl+s")
        await settle(pilot)
        edited = app.store.touch(logged.id)
        # The form shows the minute; left as it was, the seconds stay.
        assert edited.note == "sent the deck"
        assert edited.at == logged.at
