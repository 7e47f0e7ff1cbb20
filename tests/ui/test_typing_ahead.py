"""Keys typed faster than the screen moves the focus go where the user sent
them: "/lind" typed in one burst (a fast typist, a paste, a busy machine)
filters for "lind", and never logs, sorts or archives on the way."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from bchan_tui.widgets import SortKey

from .helpers import contact_list, make_app, settle


def _burst(app: object, keys: str) -> None:
    # As the terminal driver posts what it read in one go: every key queued
    # before the first is handled.
    for key in keys:
        name = "slash" if key == "/" else key
        app.post_message(events.Key(name, key))  # type: ignore[attr-defined]


async def test_a_burst_after_slash_goes_into_the_filter(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        sort_before = contact_list(app).sort_key, contact_list(app).sort_reverse
        _burst(app, "/lind")
        await settle(pilot)
        assert app.screen is app.dashboard
        assert app.dashboard.query_one("#filter", Input).value == "lind"
        assert (contact_list(app).sort_key, contact_list(app).sort_reverse) == sort_before
        assert contact_list(app).sort_key is SortKey.NAME


async def test_a_burst_after_leaving_the_filter_goes_to_the_list(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lind")
        await settle(pilot)
        # Enter leaves the filter for the list; the "j" after it moves the
        # cursor there rather than landing in the filter.
        app.post_message(events.Key("enter", None))
        app.post_message(events.Key("j", "j"))
        await settle(pilot)
        assert app.dashboard.query_one("#filter", Input).value == "lind"
        assert app.focused is contact_list(app)
