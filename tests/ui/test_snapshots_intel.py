"""SVG snapshots of the intel ledger: the contact screen with its ledger
focused, screen-safe, and the form that records an item. Time is frozen and
the book is built by the test (``ledger_book``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pendulum
import pytest
from textual.pilot import Pilot

from .helpers import make_app, settle
from .ledger_book import write_ledger_book

SIZES = [pytest.param((120, 36), id="120x36"), pytest.param((80, 24), id="80x24")]

SnapCompare = Callable[..., bool]

OPEN_RACHEL = ("slash", *"green", "enter", "enter")


@pytest.fixture
def ledger_db(db_path: Path, frozen: pendulum.DateTime) -> Path:
    write_ledger_book(db_path, frozen)
    return db_path


def steps(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait for the book, press the keys, wait again."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_contact_screen_with_intel(
    snap_compare: SnapCompare, ledger_db: Path, size: tuple[int, int]
) -> None:
    # The ledger focused, its cursor on the confidential item, confirmed.
    keys = (*OPEN_RACHEL, "tab", "j", "j", "v")
    assert snap_compare(make_app(ledger_db), terminal_size=size, run_before=steps(*keys))


def test_contact_screen_with_intel_screen_safe(snap_compare: SnapCompare, ledger_db: Path) -> None:
    keys = ("m", *OPEN_RACHEL, "tab")
    assert snap_compare(make_app(ledger_db), terminal_size=(120, 36), run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_record_intel(snap_compare: SnapCompare, ledger_db: Path, size: tuple[int, int]) -> None:
    # Enter with no summary: the summary is marked and the reason shown.
    keys = (*OPEN_RACHEL, "i", "enter")
    assert snap_compare(make_app(ledger_db), terminal_size=size, run_before=steps(*keys))
