"""x on the dashboard: a redacted Markdown export of the contacts shown,
previewed, then saved to a path the user can edit."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import Input

from bchan_tui.screens.export_preview import ExportPreviewScreen

from .helpers import make_app, settle


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
