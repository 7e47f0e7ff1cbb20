"""The dashboard: every contact with its reach-now channel and heat, a filter,
and what needs attention beside them."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from bchan_tui.data import (
    FIRST_ROWS,
    AttentionItem,
    AttentionKind,
    BchanError,
    BrokenDatabaseError,
    Contact,
    ContactRow,
    Store,
    Urgency,
)
from bchan_tui.data.domain.scrubber import Scrubber
from bchan_tui.data.domain.search_text import SearchText
from bchan_tui.widgets import AttentionList, ContactList, FilterInput, KeyFooter, SortKey

from .dashboard_archive import ArchiveUndo
from .dashboard_conflicts import ConflictSettling
from .dashboard_copies import CopyMerging
from .dashboard_keys import DASHBOARD_BINDINGS, dashboard_allows
from .dashboard_status import status_line
from .failures import report_failure
from .filtering import NarrowingSearch, shown_text

if TYPE_CHECKING:
    from .contact import ContactOutcome
    from .quick_add import NewContact

# The longest the rest of the book waits for the first rows to be drawn.
PREVIEW_PAINT_WAIT_SECONDS = 1.0
TIMES_EVERY_SECONDS = 60.0
RELOAD_EVERY_SECONDS = 15 * 60.0


class DashboardScreen(ArchiveUndo, ConflictSettling, CopyMerging):
    """The main screen. It shows the first rows at once and reads the rest of
    the book in a worker, so it is on screen (and the keys work) while a
    large book is still being read. It settles merge conflicts and offers to
    merge a synced folder's conflict copies (``ConflictSettling``,
    ``CopyMerging``)."""

    BINDINGS: ClassVar[list[BindingType]] = DASHBOARD_BINDINGS

    AUTO_FOCUS = "#contacts"

    def __init__(self, store: Store) -> None:
        super().__init__(store, id="dashboard")
        self.search: NarrowingSearch | None = None
        self.contacts: dict[str, Contact] = {}
        self.archived: list[Contact] = []
        self._binding_state: tuple[bool, bool, bool, bool] | None = None
        # Only the first rows are shown; the rest of the book is being read.
        self.previewing = False
        # Set once the first rows are drawn: reading the rest waits for it.
        self._first_paint = threading.Event()

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="panes"):
            with Vertical(id="list-pane") as list_pane:
                list_pane.border_title = "Contacts"
                yield FilterInput(
                    placeholder="/ to filter: name, org, notes, tag:x, @address, number",
                    id="filter",
                    compact=True,
                )
                yield ContactList(id="contacts")
            with Vertical(id="attention-pane") as pane:
                pane.border_title = "Needs attention"
                yield AttentionList(id="attention")
        yield KeyFooter()

    @property
    def contact_list(self) -> ContactList:
        return self.query_one("#contacts", ContactList)

    @property
    def attention_list(self) -> AttentionList:
        return self.query_one("#attention", AttentionList)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#filter", Input)

    def on_mount(self) -> None:
        super().on_mount()
        self.contact_list.focus()
        if not self._show_preview():
            return
        self._update_status()
        self.load_book()
        self.look_for_conflict_copies()
        # "3 days ago" moves on by itself; bands and states are worked out again
        # now and then, so a dashboard left open stays true.
        self.set_interval(TIMES_EVERY_SECONDS, self.contact_list.refresh)
        self.set_interval(RELOAD_EVERY_SECONDS, self.load_book)

    def watch_screen_safe(self, value: bool) -> None:
        if not self.is_mounted:
            return
        self.contact_list.screen_safe = value
        self.attention_list.screen_safe = value
        if self.search is not None:
            # The filter finds what is shown: a codename, never the name it hides.
            self.rebuild_search(list(self.contacts.values()), value)
        self._update_status()

    # --- loading --------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="load", exclusive=True)
    def load_book(self) -> None:
        """Every row with the search index, then the attention list (the slowest)."""
        if self.search is None:
            # This holds the GIL for seconds on a large book: started at
            # once, it would halve the speed of drawing the first rows.
            self._first_paint.wait(PREVIEW_PAINT_WAIT_SECONDS)
        rows = self.store.contact_rows()
        scrubber = self.store.scrubber()
        self.app.call_from_thread(self.use_scrubber, scrubber)
        search = NarrowingSearch.shown(
            [row.contact for row in rows],
            self.store.channels(),
            screen_safe=self.screen_safe,
            scrubber=scrubber,
        )
        self.app.call_from_thread(self._show_rows, rows, search)
        # Workers start on the event loop, never from a worker's thread.
        self.app.call_from_thread(self.refresh_attention)

    def _show_preview(self) -> bool:
        """The first rows by name, in the first frame: they need a small part
        of the book decoded, where every row needs all of it. False when the
        book turned out broken, which ends the session."""
        self.call_after_refresh(self._first_paint.set)
        try:
            rows = self.store.preview_rows(FIRST_ROWS)
        except BchanError as error:
            report_failure(self.app, error)
            self.contact_list.loading = True  # reading every row may yet work
            return not isinstance(error, BrokenDatabaseError)
        self.previewing = True
        self.contact_list.set_rows(rows)
        self._sync_bindings()
        return True

    def _show_rows(self, rows: list[ContactRow], search: NarrowingSearch) -> None:
        self.previewing = False
        self.contacts = {row.contact.id: row.contact for row in rows}
        # A query typed while the book was read goes to its best match; a
        # reload keeps the cursor where the user put it.
        first = self.search is None
        self.search = search
        contact_list = self.contact_list
        contact_list.set_rows(rows)
        contact_list.loading = False
        self._apply_filter(self.filter_input.value, typed=first)

    @work(thread=True, exit_on_error=False, group="search", exclusive=True)
    def rebuild_search(self, contacts: list[Contact], screen_safe: bool) -> None:
        store = self.store
        search = NarrowingSearch.shown(
            contacts, store.channels(), screen_safe=screen_safe, scrubber=store.scrubber()
        )
        self.app.call_from_thread(self._use_search, search)

    def _use_search(self, search: NarrowingSearch) -> None:
        self.search = search
        self._apply_filter(self.filter_input.value)

    @work(thread=True, exit_on_error=False, group="attention", exclusive=True)
    def refresh_attention(self) -> None:
        items = self.store.needs_attention()
        scrubber = self.store.scrubber()
        intel_conflicts = (
            {c.id for c in self.store.conflicts() if c.table == "intel"}
            if any(item.kind is AttentionKind.CONFLICT for item in items)
            else set()
        )
        # A newer request replaced this one while it ran: its answer wins.
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_attention, items, scrubber, intel_conflicts)

    def _show_attention(
        self, items: list[AttentionItem], scrubber: Scrubber, intel_conflicts: set[str]
    ) -> None:
        self.use_scrubber(scrubber)
        self.attention_list.set_items(items, self.contacts, intel_conflicts=intel_conflicts)
        self.query_one("#attention-pane").border_subtitle = f"{len(items):,} items"

    def use_scrubber(self, scrubber: Scrubber) -> None:
        super().use_scrubber(scrubber)
        self.contact_list.scrubber = scrubber
        self.attention_list.scrubber = scrubber

    # --- after changes ----------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="refresh")
    def refresh_contact(self, contact_id: str, *, select: bool = False) -> None:
        """Rebuild one contact's row after a change, then the attention list."""
        (row,) = self.store.contact_rows(contact_ids=[contact_id])
        channels = self.store.channels(contact_ids=[contact_id])
        text = shown_text(
            row.contact, channels, screen_safe=self.screen_safe, scrubber=self.store.scrubber()
        )
        self.app.call_from_thread(self._put_row, row, text, select)
        self.app.call_from_thread(self.refresh_attention)

    def _put_row(self, row: ContactRow, text: SearchText, select: bool) -> None:
        contact = row.contact
        contact_list = self.contact_list
        if self.search is not None:
            self.search.update(contact.id, text)
        if contact.archived:
            self.contacts.pop(contact.id, None)
            contact_list.remove_row(contact.id)
        else:
            self.contacts[contact.id] = contact
            contact_list.put_row(row)
            if select:
                if not contact_list.select_contact(contact.id):
                    # The filter hides it: clear the filter so it can be seen.
                    self.filter_input.value = ""
                    self._apply_filter("")
                    contact_list.select_contact(contact.id)
                contact_list.focus()
        self._update_status()

    def contact_changed(self, contact_id: str) -> None:
        self.refresh_contact(contact_id)

    def opened_contact_closed(self, outcome: ContactOutcome | None) -> None:
        """The contact screen was closed: bring its row up to date."""
        if outcome is None:
            return
        if outcome.archived is not None:
            self.contact_archived(outcome.archived)
        elif outcome.changed:
            self.refresh_contact(outcome.contact_id)

    # --- adding -------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, group="write")
    def add_contact(self, new: NewContact) -> None:
        """Save a quick-added contact (and its channel, in the same write), then select it."""
        with self.store.batch():
            contact = self.store.add_contact(new.name, org=new.org, account_id=new.account_id)
            if new.channel is not None:
                self.store.add_channel(
                    contact.id, new.channel.rung, new.channel.kind, new.channel.address
                )
        self.app.call_from_thread(self._added, contact)

    def _added(self, contact: Contact) -> None:
        self.notify(f"Added {self.name_of(contact)}.", title="Saved", markup=False)
        self.refresh_contact(contact.id, select=True)

    # --- filtering and sorting ------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._apply_filter(event.value, typed=True)

    def _apply_filter(self, query: str, *, typed: bool = False) -> None:
        if self.search is None:
            return
        scores = self.search.scores(query) if query.strip() else None
        self.contact_list.set_matches(scores, to_best=typed)
        self._update_status()
        self._sync_bindings()

    def action_filter(self) -> None:
        # At once, not after the keys queued meanwhile as focus() would.
        self.set_focus(self.filter_input)

    def action_leave_filter(self) -> None:
        self.set_focus(self.contact_list)

    def action_clear_filter(self) -> None:
        self.filter_input.value = ""
        self._apply_filter("")
        self.set_focus(self.contact_list)

    def action_sort(self, key: str) -> None:
        contact_list = self.contact_list
        sort_key = SortKey(key)
        if contact_list.sort_key is sort_key:
            contact_list.sort_reverse = not contact_list.sort_reverse
        else:
            contact_list.sort_reverse = False
            contact_list.sort_key = sort_key
        self._update_status()

    def _update_status(self) -> None:
        status = status_line(
            self.contact_list, self.store.path.name, self.previewing, self.screen_safe
        )
        # One line, always: no layout pass needed.
        self.query_one("#status", Static).update(status, layout=False)

    # --- acting on the highlighted contact ---------------------------------------------

    def _highlighted(self) -> Contact | None:
        row = self.contact_list.highlighted_row
        return row.contact if row is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        return dashboard_allows(
            action,
            highlighted=self._highlighted() is not None,
            filter_text=self.filter_input.value,
            filter_focused=self.filter_input.has_focus,
            can_undo=bool(self.archived),
            previewing=self.previewing,
        )

    def action_log_touch(self) -> None:
        if (contact := self._highlighted()) is not None:
            self.log_touch(contact.id, Urgency.ROUTINE)

    def action_edit(self) -> None:
        if (contact := self._highlighted()) is not None:
            self.edit_contact(contact)

    def action_archive(self) -> None:
        if (contact := self._highlighted()) is not None:
            self.archive_contact(contact)

    def action_export(self) -> None:
        filtered = bool(self.filter_input.value.strip())
        self.export_contacts(self.contact_list.shown_ids if filtered else None)

    def action_accounts(self) -> None:
        from .accounts import AccountsScreen

        self.app.push_screen(AccountsScreen(self.store, contact_closed=self.opened_contact_closed))

    # --- opening a contact ---------------------------------------------------------------

    def open_contact(self, contact_id: str) -> None:
        if contact_id not in self.contacts:
            return
        from .contact import ContactScreen

        self.app.push_screen(ContactScreen(self.store, contact_id), self.opened_contact_closed)

    @on(ContactList.Selected)
    def _list_selected(self, event: ContactList.Selected) -> None:
        self.open_contact(event.contact_id)

    @on(AttentionList.Selected)
    def _attention_selected(self, event: AttentionList.Selected) -> None:
        if event.conflict_id:
            self.open_conflict(event.conflict_id)
        else:
            self.open_contact(event.contact_id)

    @on(ContactList.Highlighted)
    def _list_highlighted(self) -> None:
        self._sync_bindings()

    def _sync_bindings(self) -> None:
        """Refresh the footer only when what it shows would change: redrawing
        it on every filter keystroke costs more than the filter itself."""
        state = (
            self.contact_list.highlighted_id is not None,
            bool(self.filter_input.value),
            bool(self.archived),
            self.previewing,
        )
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()
