"""What the dashboard and the contact screen share: the store, the
screen-safe state, worker failures, and the flows that change a contact
(log a touch, edit, archive), each saved in a thread worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import events, on, work
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from bchan_tui.data import Contact, ContactDetail, Store, Urgency
from bchan_tui.data.book.screen_safe import safe_detail
from bchan_tui.data.domain.scrubber import Scrubber
from bchan_tui.data.domain.search_text import fold
from bchan_tui.widgets.display import shown_name

from .failures import report_failure
from .notice_place import place_notifications

if TYPE_CHECKING:
    from .edit_contact import ContactChanges
    from .export_preview import ExportPreviewScreen
    from .log_touch import TouchEntry

ResultT = TypeVar("ResultT")


class BookScreen(Screen[ResultT]):
    """A screen over the open store. Subclasses say what to refresh through
    ``contact_changed`` and ``contact_archived``."""

    screen_safe: reactive[bool] = reactive(False)

    def __init__(self, store: Store, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.store = store
        # Hides what a source's protection requires from free text while
        # screen-safe: the store's, fetched with the data it is used on.
        self.scrubber = Scrubber()

    def use_scrubber(self, scrubber: Scrubber) -> None:
        """Scrub free text with ``scrubber`` from now on (a load brought it)."""
        self.scrubber = scrubber

    def shown_text(self, text: str) -> str:
        """Free text as this screen may show it: scrubbed while screen-safe."""
        return self.scrubber(text) if self.screen_safe else text

    def hides_any(self, *texts: str) -> bool:
        """Whether screen-safe would hide something in ``texts``."""
        return self.screen_safe and any(self.scrubber(text) != text for text in texts)

    def refuse_while_screen_safe(self, what: str) -> None:
        """Say why a form that would show hidden text does not open."""
        self.notify(
            f"{what} would show what screen-safe hides. Press m to turn it off first.",
            title="Not while screen-safe",
            severity="warning",
            markup=False,
        )

    def on_mount(self) -> None:
        # The app owns the toggle; every screen follows it.
        self.watch(self.app, "screen_safe", self._follow_screen_safe)

    @on(events.DescendantFocus)
    @on(events.Resize)
    def _keep_notifications_aside(self) -> None:
        # After the layout the focus or the size brings (a pane growing).
        self.call_after_refresh(place_notifications, self)

    def _follow_screen_safe(self, value: bool) -> None:
        self.screen_safe = value

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            report_failure(self.app, event.worker.error)

    def name_of(self, contact: Contact) -> str:
        return shown_name(contact, screen_safe=self.screen_safe)

    # --- hooks ----------------------------------------------------------------

    def contact_changed(self, contact_id: str) -> None:
        """A contact's data changed and was saved."""

    def contact_archived(self, contact: Contact) -> None:
        """A contact was archived and saved."""

    # --- export -------------------------------------------------------------------

    def export_contacts(self, contact_ids: list[str] | None) -> None:
        """Open the export preview at once (it says it is working), then build
        a redacted Markdown export of ``contact_ids`` (None: the whole book)
        off the event loop and hand it over. Pressed again while a preview is
        open, nothing happens."""
        # Imported here: the export and the Markdown widget cost start-up
        # time they never need.
        from bchan_tui.data.exchange.export_markdown import default_export_name

        from .export_preview import ExportPreviewScreen

        if isinstance(self.app.screen, ExportPreviewScreen):
            return
        preview = ExportPreviewScreen(None, Path.cwd() / default_export_name())
        self.app.push_screen(preview)
        self._build_export(contact_ids, preview)

    @work(thread=True, exit_on_error=False, group="export", exclusive=True)
    def _build_export(self, contact_ids: list[str] | None, preview: ExportPreviewScreen) -> None:
        from bchan_tui.data.exchange.export_markdown import export_markdown

        document = export_markdown(self.store, contact_ids=contact_ids)
        if not get_current_worker().is_cancelled and preview.is_attached:
            self.app.call_from_thread(preview.show_document, document)

    # --- log a touch ------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="log-touch", exclusive=True)
    def log_touch(
        self,
        contact_id: str,
        urgency: Urgency = Urgency.ROUTINE,
        *,
        channel_id: str | None = None,
    ) -> None:
        """Ask for the touch (with the contact's ladder fresh from the store,
        on ``channel_id`` when given), then save it."""
        detail = self.store.contact_detail(contact_id)
        # A second press of the key replaced this request: one dialog is enough.
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._ask_touch, detail, urgency, channel_id)

    def _ask_touch(
        self, detail: ContactDetail, urgency: Urgency, channel_id: str | None = None
    ) -> None:
        from .log_touch import LogTouchModal

        if isinstance(self.app.screen, LogTouchModal):
            return

        def answered(entry: TouchEntry | None) -> None:
            if entry is not None:
                self._save_touch(detail, entry)

        # The dialog only reads the detail: scrubbed, its labels hide nothing.
        shown = safe_detail(detail, self.scrubber) if self.screen_safe else detail
        modal = LogTouchModal(
            shown, screen_safe=self.screen_safe, urgency=urgency, channel_id=channel_id
        )
        self.app.push_screen(modal, answered)

    @work(thread=True, exit_on_error=False, group="write")
    def _save_touch(self, detail: ContactDetail, entry: TouchEntry) -> None:
        self.store.log_touch(
            detail.contact.id,
            entry.channel_id,
            direction=entry.direction,
            urgency=entry.urgency,
            reason=entry.reason,
            note=entry.note,
            at=entry.at,
            outcome=entry.outcome,
        )
        channel = self.store.channel(entry.channel_id)
        message = (
            f"Logged a touch with {self.name_of(detail.contact)} "
            f"via {self.shown_text(channel.describe())}."
        )
        self.app.call_from_thread(self._after_change, detail.contact.id, message)

    def _after_change(self, contact_id: str, message: str) -> None:
        # markup=False: the message holds a name the user typed.
        self.notify(message, title="Saved", markup=False)
        self.contact_changed(contact_id)

    # --- edit -------------------------------------------------------------------

    def edit_contact(self, contact: Contact) -> None:
        # The form shows what is stored: a codenamed person's name, notes
        # that quote a private number.
        prefilled = (contact.name, contact.org, contact.role, contact.notes, contact.intention)
        if self.screen_safe and (
            self.name_of(contact) != contact.name or self.hides_any(*prefilled, *contact.tags)
        ):
            self.refuse_while_screen_safe("Editing this contact")
            return

        def answered(result: ContactChanges | None) -> None:
            if result is not None and result.changes:
                self._save_changes(result)

        from .edit_contact import EditContactModal

        taken = frozenset(
            fold(named.codename)
            for named in self.store.contact_names()
            if named.codename and named.id != contact.id
        )
        self.app.push_screen(
            EditContactModal(contact, self.store.accounts(), taken_codenames=taken), answered
        )

    @work(thread=True, exit_on_error=False, group="write")
    def _save_changes(self, result: ContactChanges) -> None:
        contact = self.store.update_contact(result.contact_id, **result.changes)
        message = f"Saved {self.name_of(contact)}."
        self.app.call_from_thread(self._after_change, contact.id, message)

    # --- archive ----------------------------------------------------------------

    def confirm_then(
        self, title: str, question: Content, confirm: str, then: Callable[[], object]
    ) -> None:
        """Ask ``question``, and call ``then`` on an explicit yes. No is the
        default: Enter pressed in passing never removes anything."""
        from .confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.app.push_screen(
            ConfirmModal(title, question, confirm=confirm, safe_default=True), answered
        )

    def archive_contact(self, contact: Contact) -> None:
        """Archive after an explicit yes; the dashboard offers undo."""
        question = Content.assemble(
            "Archive ",
            (self.name_of(contact), "bold"),
            "?\nThey leave the dashboard; nothing is deleted, and u undoes it.",
        )
        self.confirm_then("Archive contact", question, "Archive", lambda: self._archive(contact.id))

    @work(thread=True, exit_on_error=False, group="write")
    def _archive(self, contact_id: str) -> None:
        contact = self.store.archive_contact(contact_id)
        self.app.call_from_thread(self.contact_archived, contact)
