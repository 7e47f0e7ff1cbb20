"""x on the dashboard: a redacted Markdown export of the contacts shown,
previewed, then saved to a path the user can edit."""

from __future__ import annotations

import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from bchan_tui.data.exchange import export_markdown
from bchan_tui.screens.export_preview import ExportPreviewScreen

from .helpers import make_app, settle, visible_text


async def test_x_previews_the_filtered_contacts_and_saves_them(
    demo_db: Path, tmp_path: Path
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lindqvist", "enter")
        await pilot.press("x")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, ExportPreviewScreen)
        # Redacted: Marta has a codename, so her name never appears.
        assert "HERON" in preview.markdown
        assert "Marta" not in preview.markdown
        assert "Jonas Weber" not in preview.markdown
        target = tmp_path / "out" / "marta.md"
        target.parent.mkdir()
        path_field = preview.query_one(Input)
        path_field.value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ExportPreviewScreen)
        assert target.read_text() == preview.markdown
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_x_without_a_filter_exports_the_whole_book(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, ExportPreviewScreen)
        assert "Jonas Weber" in preview.markdown
        assert "Grace Liu" not in preview.markdown  # codenamed: WREN
        assert "WREN" in preview.markdown
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportPreviewScreen)


async def test_x_opens_the_preview_at_once_and_keys_typed_meanwhile_never_reach_the_path(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The export is held until the test lets it go: as slow as it likes.
    release = threading.Event()
    build = export_markdown.export_markdown

    def held_export(*args: Any, **kwargs: Any) -> str:
        release.wait(10)
        return build(*args, **kwargs)

    monkeypatch.setattr(export_markdown, "export_markdown", held_export)
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        preview = app.screen
        assert isinstance(preview, ExportPreviewScreen)
        assert "Preparing the export" in visible_text(app)
        path_field = preview.query_one(Input)
        default = path_field.value
        # A second x, and more, while the export is built.
        await pilot.press("x", "a", "backspace")
        assert app.screen is preview
        release.set()
        await settle(pilot)
        assert path_field.value == default
        assert path_field.has_focus
        assert "HERON" in preview.markdown
        assert "Preparing" not in visible_text(app)
