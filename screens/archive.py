"""The archive view: the archived contacts, and a key that restores one to
the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from bchan_tui.data import Contact, ContactRow, Store
from bchan_tui.data.domain.scrubber import Scrubber
from bchan_tui.widgets import ArchivedList, KeyFooter

from .book_screen import BookScreen


class ArchiveScreen(BookScreen[None]):
    """Every archived contact, sorted by name. ``u`` restores the highlighted
    one; Escape, or ``v`` again, goes back to the dashboard.

    ``restored`` hears of each contact restored here, so the dashboard lists
    it again at once.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v", "back", "Back", id="archive.back", tooltip="Back to the dashboard"),
        # No question first: restoring deletes nothing, and d archives again.
        Binding(
            "u",
            "restore",
            "Restore",
            id="archive.restore",
            tooltip="Restore the highlighted contact to the dashboard",
        ),
    ]

    AUTO_FOCUS = "#archived"
    CSS_PATH = "archive.tcss"

    def __init__(self, store: Store, *, restored: Callable[[Contact], None] | None = None) -> None:
        super().__init__(store, id="archive")
        self.restored = restored

    def compose(self) -> ComposeResult:
        yield Static(id="archive-status")
        with Vertical(id="archive-pane") as pane:
            pane.border_title = "Archived contacts"
            yield ArchivedList(id="archived")
        yield KeyFooter()

    @property
    def archived_list(self) -> ArchivedList:
        return self.query_one("#archived", ArchivedList)

    def on_mount(self) -> None:
        super().on_mount()
        archived_list = self.archived_list
        # Opened with screen-safe already on: the watcher ran before mounting.
        archived_list.screen_safe = self.screen_safe
        archived_list.loading = True
        self._update_status()
        self.load()

    def watch_screen_safe(self, value: bool) -> None:
        if self.is_mounted:
            self.archived_list.screen_safe = value
            self._update_status()

    def use_scrubber(self, scrubber: Scrubber) -> None:
        super().use_scrubber(scrubber)
        self.archived_list.scrubber = scrubber

    # --- loading ----------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="load", exclusive=True)
    def load(self) -> None:
        """The rows of the archived contacts only: the rest are not worked out."""
        store = self.store
        ids = [contact.id for contact in store.contacts(include_archived=True) if contact.archived]
        rows = store.contact_rows(contact_ids=ids)
        scrubber = store.scrubber()
        self.app.call_from_thread(self._show_rows, rows, scrubber)

    def _show_rows(self, rows: list[ContactRow], scrubber: Scrubber) -> None:
        # The scrubber first, so no frame shows an organisation unscrubbed.
        self.use_scrubber(scrubber)
        archived_list = self.archived_list
        archived_list.set_rows(rows)
        archived_list.loading = False
        self._update_status()
        self.refresh_bindings()

    def _update_status(self) -> None:
        archived_list = self.archived_list
        count = archived_list.total_count
        parts: list[str | tuple[str, str]] = [
            ("bchan", "bold $text-accent"),
            (" · ", "$text-muted"),
            self.store.path.name,
            (" · ", "$text-muted"),
            "archive",
            (" · ", "$text-muted"),
        ]
        if archived_list.loading:
            parts.append("loading…")
        else:
            parts.append(
                f"{count:,} archived contact" if count == 1 else f"{count:,} archived contacts"
            )
        if self.screen_safe:
            parts += ["  ", (" SCREEN-SAFE ", "bold reverse $warning")]
        self.query_one("#archive-status", Static).update(Content.assemble(*parts))

    # --- restoring --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore" and self.is_mounted:
            # Shown dimmed until there is a contact to restore.
            return True if self.archived_list.highlighted_id is not None else None
        return True

    def action_restore(self) -> None:
        contact_id = self.archived_list.highlighted_id
        if contact_id is not None:
            self._restore(contact_id)

    @work(thread=True, exit_on_error=False, group="write")
    def _restore(self, contact_id: str) -> None:
        contact = self.store.restore_contact(contact_id)
        self.app.call_from_thread(self._restored, contact)

    def _restored(self, contact: Contact) -> None:
        # markup=False: the message holds a name the user typed.
        self.notify(f"Restored {self.name_of(contact)}.", title="Restored", markup=False)
        if self.is_attached:
            self.archived_list.remove_row(contact.id)
            self._update_status()
            self.refresh_bindings()
        if self.restored is not None:
            self.restored(contact)

    # --- leaving ------------------------------------------------------------------------

    def close(self) -> None:
        """Go back to the dashboard."""
        self.dismiss(None)

    def action_back(self) -> None:
        self.close()
