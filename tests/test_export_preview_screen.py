"""The export preview: the document rendered, a path to edit, Enter or
ctrl+s saves (mode 0600), an existing file is replaced only on a second
save, Escape closes without saving."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pendulum
from textual.app import App
from textual.widgets import Input, Markdown, Static
from textual.widgets._markdown import MarkdownTable

from bchan_tui.data import Rung, Store
from bchan_tui.data.exchange.export_markdown import export_markdown
from bchan_tui.screens.export_preview import PREVIEW_LIMIT, ExportPreviewScreen, preview_of

NOT_SET = object()


class Host(App[None]):
    """A bare app that opens the preview and keeps what it returns."""

    def __init__(self, markdown: str, default_path: Path) -> None:
        super().__init__()
        self.markdown = markdown
        self.default_path = default_path
        self.result: object = NOT_SET

    def on_mount(self) -> None:
        self.push_screen(
            ExportPreviewScreen(self.markdown, self.default_path), self._preview_closed
        )

    def _preview_closed(self, result: Path | None) -> None:
        self.result = result


def small_export(db_path: Path) -> str:
    with Store(db_path) as store:
        contact = store.add_contact("A | B [bold]x[/] *y*", org="Acme")
        store.add_channel(contact.id, Rung.PUBLIC, "email", "ab@acme.example")
        return export_markdown(store)


def status_text(app: Host) -> str:
    return str(app.screen.query_one("#export-status", Static).render())


async def test_the_preview_renders_the_document_and_saves_it(
    db_path: Path, tmp_path: Path, frozen: pendulum.DateTime
) -> None:
    markdown = small_export(db_path)
    target = tmp_path / "export.md"
    app = Host(markdown, target)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportPreviewScreen)
        assert screen.query_one(Markdown).source == markdown
        assert len(screen.query(MarkdownTable)) == 1
        headings = [str(h.content) for h in screen.query("MarkdownH3")]
        assert headings == ["A | B [bold]x[/] *y*"]
        assert screen.query_one("#export-path", Input).value == str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.result == target
    assert target.read_text(encoding="utf-8") == markdown
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


async def test_enter_saves_to_an_edited_path(
    db_path: Path, tmp_path: Path, frozen: pendulum.DateTime
) -> None:
    markdown = small_export(db_path)
    app = Host(markdown, tmp_path / "first.md")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "chosen.md")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.result == tmp_path / "chosen.md"
    assert (tmp_path / "chosen.md").read_text(encoding="utf-8") == markdown
    assert not (tmp_path / "first.md").exists()


async def test_an_existing_file_is_replaced_only_on_a_second_save(
    db_path: Path, tmp_path: Path, frozen: pendulum.DateTime
) -> None:
    markdown = small_export(db_path)
    target = tmp_path / "export.md"
    target.write_text("keep me")
    app = Host(markdown, target)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "exists. Save again to replace it." in status_text(app)
        assert target.read_text() == "keep me"
        assert isinstance(app.screen, ExportPreviewScreen)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.result == target
    assert target.read_text(encoding="utf-8") == markdown


async def test_a_failed_save_is_shown_and_the_screen_stays(
    db_path: Path, tmp_path: Path, frozen: pendulum.DateTime
) -> None:
    markdown = small_export(db_path)
    target = tmp_path / "no such folder" / "export.md"
    app = Host(markdown, target)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExportPreviewScreen)
        assert f"Could not save to {target}" in status_text(app)
        assert app.result is NOT_SET
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None
    assert not target.exists()


async def test_escape_closes_without_saving(tmp_path: Path, frozen: pendulum.DateTime) -> None:
    target = tmp_path / "export.md"
    app = Host("# Title\n\ntext\n", target)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None
    assert not target.exists()


def test_a_long_document_is_previewed_in_part_and_says_so() -> None:
    sections = [f"### Contact {n}\n\n- line\n- line\n" for n in range(2000)]
    document = "# Title\n\n" + "\n".join(sections)
    preview = preview_of(document)
    assert len(preview) < PREVIEW_LIMIT + 200
    shown = preview.count("\n### ")
    assert 0 < shown < 2000
    assert f"after {shown:,} of 2,000 contacts; saving writes the whole document" in preview
    assert document.startswith(preview.split("\n\n---\n\n")[0])
    assert preview_of("# Short\n") == "# Short\n"
