"""SVG snapshots of every screen, with time frozen and the demo book, at
120x36 and at 80x24, and the most used ones at 100x30 and 40x12 too. Review
the report before accepting a changed one (``pytest --snapshot-update``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from .helpers import make_app, settle

SIZES = [pytest.param((120, 36), id="120x36"), pytest.param((80, 24), id="80x24")]
# The screens used most are drawn at every size the layout changes at.
ALL_SIZES = [
    pytest.param((120, 36), id="120x36"),
    pytest.param((100, 30), id="100x30"),
    pytest.param((80, 24), id="80x24"),
    pytest.param((40, 12), id="40x12"),
]

SnapCompare = Callable[..., bool]


def steps(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait for the book, press the keys, wait again."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", ALL_SIZES)
def test_dashboard(snap_compare: SnapCompare, demo_db: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=steps("j", "j"))


@pytest.mark.parametrize("size", ALL_SIZES)
def test_contact_screen(snap_compare: SnapCompare, demo_db: Path, size: tuple[int, int]) -> None:
    keys = ("slash", *"lindqvist", "enter", "enter", "j", "j")
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_quick_add(snap_compare: SnapCompare, demo_db: Path, size: tuple[int, int]) -> None:
    # Enter with no name: the name is marked invalid and the reason shown.
    keys = ("a", "tab", *"Hooli", "enter")
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", ALL_SIZES)
def test_log_touch(snap_compare: SnapCompare, demo_db: Path, size: tuple[int, int]) -> None:
    # Marta's preferred work email is hot: the dialog warns.
    keys = ("slash", *"lindqvist", "enter", "l", "shift+tab", "space", "down", "down", "enter")
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=steps(*keys))


def test_log_touch_when_and_outcome(snap_compare: SnapCompare, demo_db: Path) -> None:
    # Yesterday's call, logged today: the time as read, and that they replied.
    keys = ("slash", *"weber", "enter", "l", "tab", "ctrl+u", *"yesterday 15:00")
    keys += ("tab", "space", "down", "enter")
    assert snap_compare(make_app(demo_db), terminal_size=(120, 36), run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: SnapCompare, demo_db: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=steps("question_mark"))
