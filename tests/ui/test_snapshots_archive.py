"""SVG snapshot of the archive view, with time frozen and the demo book (see
``test_snapshots``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from .helpers import make_app
from .test_snapshots import SnapCompare, steps


def test_archive_view(snap_compare: SnapCompare, demo_db: Path) -> None:
    # Marta Lindqvist archived from the dashboard, then the archive view.
    async def run_before(pilot: Pilot[Any]) -> None:
        await steps("slash", *"lindqvist", "enter", "d", "y", "escape")(pilot)
        # The toast saying she was archived would cover the view it is about.
        pilot.app.clear_notifications()
        await steps("v")(pilot)

    assert snap_compare(make_app(demo_db), terminal_size=(120, 36), run_before=run_before)
