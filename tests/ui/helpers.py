"""Helpers for driving the app in tests."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from bchan_tui.app import BchanApp
from bchan_tui.preferences import Preferences
from bchan_tui.widgets import ContactList

_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.DOTALL)


def make_app(db_path: Path, preferences: Preferences | None = None) -> BchanApp:
    """The app on a test database; it remembers nothing unless told where."""
    return BchanApp(db_path, preferences=preferences or Preferences(None))


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker (and what it started) has finished."""
    app = pilot.app
    for _ in range(10):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            await pilot.pause()
            return
    raise AssertionError("workers kept running")


def visible_text(app: App[Any]) -> str:
    """Everything on screen as text, from an SVG screenshot of it."""
    svg = app.export_screenshot()
    return "".join(html.unescape(part) for part in _TEXT.findall(svg)).replace("\xa0", " ")


def contact_list(app: BchanApp) -> ContactList:
    return app.dashboard.query_one(ContactList)


def highlighted_name(app: BchanApp) -> str | None:
    row = contact_list(app).highlighted_row
    return row.contact.name if row else None


def shown_names(app: BchanApp) -> list[str]:
    rows = contact_list(app)
    return [row.contact.name for cid in rows.shown_ids if (row := rows.row(cid))]
