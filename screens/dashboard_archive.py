"""The dashboard's archive: a contact archived from the list (or from its
screen) can be put back with u, and the archive view (v) lists them all."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work

from bchan_tui.data import Contact

from .book_screen import BookScreen


class ArchiveUndo(BookScreen[None]):
    """The archive half of ``DashboardScreen``; see there."""

    # Archived while the dashboard is open, newest last: u restores the newest.
    archived: list[Contact]

    if TYPE_CHECKING:

        def refresh_contact(self, contact_id: str, *, select: bool = False) -> Any: ...

    def contact_archived(self, contact: Contact) -> None:
        self.archived.append(contact)
        self.refresh_contact(contact.id)
        self.notify(
            f"Archived {self.name_of(contact)}. Press u to undo.",
            title="Archived",
            timeout=10,
            markup=False,
        )
        self.refresh_bindings()

    def action_show_archive(self) -> None:
        from .archive import ArchiveScreen

        self.app.push_screen(ArchiveScreen(self.store, restored=self.contact_restored))

    def action_undo_archive(self) -> None:
        if self.archived:
            self._restore(self.archived.pop())
            self.refresh_bindings()

    @work(thread=True, exit_on_error=False, group="write")
    def _restore(self, contact: Contact) -> None:
        restored = self.store.restore_contact(contact.id)
        self.app.call_from_thread(self._restored, restored)

    def _restored(self, contact: Contact) -> None:
        self.notify(f"Restored {self.name_of(contact)}.", title="Undone", markup=False)
        self.contact_restored(contact)

    def contact_restored(self, contact: Contact) -> None:
        """List a restored contact again; its archive has nothing left to undo."""
        self.archived = [archived for archived in self.archived if archived.id != contact.id]
        self.refresh_contact(contact.id, select=True)
        self.refresh_bindings()
