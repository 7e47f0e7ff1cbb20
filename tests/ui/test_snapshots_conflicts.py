"""An SVG snapshot of the merge-conflict dialog: Marta's organisation, kept
here as 'Globex', markup in the other copy (shown as typed). Time is frozen
and the book is made by merging two copies (``conflict_book``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum
from textual.pilot import Pilot

from .conflict_book import write_conflict_book
from .helpers import make_app, settle

SnapCompare = Callable[..., bool]


async def open_the_conflict(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    # Needs attention, its first item (the conflict), enter.
    await pilot.press("tab", "enter")
    await settle(pilot)


def test_conflict_choice(
    snap_compare: SnapCompare, db_path: Path, frozen: pendulum.DateTime
) -> None:
    write_conflict_book(db_path, frozen, only_org=True)
    app = make_app(db_path)
    assert snap_compare(app, terminal_size=(120, 36), run_before=open_the_conflict)
