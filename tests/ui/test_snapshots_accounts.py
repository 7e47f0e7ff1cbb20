"""SVG snapshots of the accounts screen and its account form, with time
frozen and the demo book, at 120x36 and at 80x24 (see ``test_snapshots``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from .helpers import make_app
from .test_snapshots import ALL_SIZES, SIZES, SnapCompare, steps


@pytest.mark.parametrize("size", ALL_SIZES)
def test_accounts_screen(snap_compare: SnapCompare, demo_db: Path, size: tuple[int, int]) -> None:
    # Northwind Logistics: two in the official process, two back channels.
    keys = ("A", "down", "down")
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_accounts_screen_safe(
    snap_compare: SnapCompare, demo_db: Path, size: tuple[int, int]
) -> None:
    # Codenames for the sources, "a source" for the rest, confidential withheld.
    keys = ("A", "down", "down", "m", "enter")

    async def run_before(pilot: Pilot[Any]) -> None:
        await steps(*keys)(pilot)
        # The screen-safe toast would hide the intel it is about.
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_new_account_form_refusing_a_taken_name(
    snap_compare: SnapCompare, demo_db: Path, size: tuple[int, int]
) -> None:
    # Another account's name in another case: the form says which, in place.
    keys = ("A", "n", *"globex bank", "tab", *"Tender in June", "enter")
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=steps(*keys))
