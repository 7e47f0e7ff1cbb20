"""Preview a Markdown export and save it to a path you can edit."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Markdown, Static

from bchan_tui.data.storage.atomic import write_atomically
from bchan_tui.widgets import KeyFooter

# The Markdown widget builds a widget per block and lays out about a page a
# second here (a 50 KB demo export takes some 15 s), so the preview stops
# after this many characters, at a contact's heading when one is near, else
# at a line's end. Saving always writes the whole document.
PREVIEW_LIMIT = 8_000
_SECTION = "\n### "


def preview_of(markdown: str, limit: int = PREVIEW_LIMIT) -> str:
    """The part of the document the preview shows, and a note when it is cut."""
    if len(markdown) <= limit:
        return markdown
    cut = markdown.rfind(_SECTION, 0, limit)
    if cut < limit // 2:
        # A list or a table cut at a line's end is still a list or a table.
        cut = markdown.rfind("\n", 0, limit)
    cut = cut if cut > 0 else limit
    shown = markdown[:cut].count(_SECTION)
    total = markdown.count(_SECTION)
    return (
        f"{markdown[:cut]}\n\n---\n\n"
        f"*The preview stops here, after {shown:,} of {total:,} contacts; "
        "saving writes the whole document.*\n"
    )


class ExportPreviewScreen(ModalScreen[Path | None]):
    """Show an export as rendered Markdown and save it.

    ``ExportPreviewScreen(markdown, default_path)``: ``markdown`` is the whole
    document (``bchan_tui.data.exchange.export_markdown.export_markdown``),
    or None while it is still being built: the screen opens at once, says it
    is working, and gets the document through ``show_document``. Until the
    preview is drawn the path field is disabled, so keys pressed meanwhile
    (a second ``x``) never land in it. ``default_path`` fills the path field,
    which the user may edit.

    Page up and page down scroll the preview. Enter in the path field, or
    ctrl+s anywhere, saves in a thread worker
    through ``write_atomically`` (mode 0600; ``~`` is expanded). An existing
    file is replaced only when the same path is saved a second time; the
    status line asks first. A failed write is shown in the status line and
    the screen stays open. After a save the screen notifies and dismisses
    with the saved ``Path``; Escape dismisses with None, saving nothing.
    """

    CSS_PATH = "export_preview.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="export_preview.close"),
        Binding("ctrl+s", "save", "Save", priority=True, id="export_preview.save"),
        Binding("pageup", "page(-1)", "Scroll", show=False, id="export_preview.page_up"),
        Binding("pagedown", "page(1)", "Scroll", show=False, id="export_preview.page_down"),
    ]

    def __init__(self, markdown: str | None, default_path: Path) -> None:
        super().__init__()
        self.markdown = markdown or ""
        self._ready = False
        self.default_path = default_path
        # The path the user was asked about replacing, and said yes by saving again.
        self._replace_asked: Path | None = None
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = "Export preview"
            box.border_subtitle = "ctrl+s save · esc close"
            yield VerticalScroll(id="export-document")
            yield Static("Save to", classes="export-label")
            # Not selected on focus: a key typed into it edits the path, never
            # replaces it whole.
            yield Input(
                value=str(self.default_path), id="export-path", select_on_focus=False, disabled=True
            )
            yield Static(id="export-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#export-document").loading = True
        self._show_status("Preparing the export…", "")
        if self.markdown:
            self.show_document(self.markdown)

    @work(group="export-render", exclusive=True)
    async def show_document(self, markdown: str) -> None:
        """Render the preview of ``markdown``, then hand the path field the keys."""
        self.markdown = markdown
        document = self.query_one("#export-document", VerticalScroll)
        await document.mount(Markdown(preview_of(markdown), open_links=False))
        document.loading = False
        path = self.query_one("#export-path", Input)
        path.disabled = False
        path.focus()
        self._ready = True
        self._show_status("", "")

    # --- actions ---------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_page(self, direction: int) -> None:
        """Page through the preview while the path field keeps the focus."""
        document = self.query_one("#export-document", VerticalScroll)
        if direction < 0:
            document.scroll_page_up()
        else:
            document.scroll_page_down()

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._replace_asked = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            # Nothing to save before the document is there.
            return self._ready
        return True

    def action_save(self) -> None:
        if self._saving or not self._ready:
            return
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self._show_status("Give a file to save to.", "-error")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self._show_status(f"{path} is a folder; give a file name.", "-error")
            return
        if path.exists() and self._replace_asked != path:
            self._replace_asked = path
            self._show_status(f"{path} exists. Save again to replace it.", "-warning")
            return
        self._saving = True
        self._show_status(f"Saving to {path}…", "")
        self._save_in_thread(path)

    # --- the write, off the UI thread ----------------------------------------------

    @work(thread=True, exit_on_error=False, group="export-save")
    def _save_in_thread(self, path: Path) -> None:
        try:
            write_atomically(path, self.markdown.encode("utf-8"))
        except OSError as error:
            self.app.call_from_thread(self._on_save_failed, path, error)
        else:
            self.app.call_from_thread(self._on_saved, path)

    def _on_saved(self, path: Path) -> None:
        self._saving = False
        self.app.notify(f"Saved the export to {path} (mode 0600).", title="Exported", markup=False)
        self.dismiss(path)

    def _on_save_failed(self, path: Path, error: OSError) -> None:
        self._saving = False
        self._replace_asked = None
        reason = error.strerror or str(error)
        self._show_status(f"Could not save to {path}: {reason}", "-error")

    def _show_status(self, text: str, variant: str) -> None:
        status = self.query_one("#export-status", Static)
        status.set_classes(variant)
        # Content, not markup: a path may hold "[" like any user text.
        status.update(Content(text))
