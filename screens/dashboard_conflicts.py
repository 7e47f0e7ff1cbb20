"""The dashboard's merge conflicts: opening one in Needs attention asks
which value stays, and the choice is saved in a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from msgspec import to_builtins
from textual import work
from textual.worker import get_current_worker

from bchan_tui.data import Account, Contact, Intel, NotFoundError, Sensitivity, Store
from bchan_tui.data.book.attention import conflict_subject, shown_value
from bchan_tui.data.book.conflicts import Conflict
from bchan_tui.data.book.screen_safe import safe_conflict_value
from bchan_tui.data.domain.scrubber import Scrubber
from bchan_tui.widgets.display import shown_name

from .book_screen import BookScreen

# The dialog's module is imported when a conflict is first opened: the
# dashboard's first frame waits for nothing it does not show.
if TYPE_CHECKING:
    from .conflict_choice import ConflictChoice


class ConflictSettling(BookScreen[None]):
    """The merge-conflict half of ``DashboardScreen``; see there."""

    if TYPE_CHECKING:

        def refresh_contact(self, contact_id: str, *, select: bool = False) -> Any: ...
        def refresh_attention(self) -> Any: ...
        def load_book(self) -> Any: ...

    @work(thread=True, exit_on_error=False, group="conflict", exclusive=True)
    def open_conflict(self, conflict_id: str) -> None:
        """Read the conflict and the record it is about, then ask which value stays."""
        choice = read_conflict_choice(self.store, conflict_id, self.store.scrubber())
        # A second press of enter replaced this request: one dialog is enough.
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._ask_conflict, choice)

    def _ask_conflict(self, choice: ConflictChoice) -> None:
        from .conflict_choice import ConflictChoiceModal

        if isinstance(self.app.screen, ConflictChoiceModal):
            return

        def answered(take_other: bool | None) -> None:
            if take_other is not None:
                self._settle(choice, take_other)

        self.app.push_screen(ConflictChoiceModal(choice), answered)

    @work(thread=True, exit_on_error=False, group="write")
    def _settle(self, choice: ConflictChoice, take_other: bool) -> None:
        self.store.settle_conflict(choice.conflict_id, take_other=take_other)
        self.app.call_from_thread(self._settled, choice, take_other)

    def _settled(self, choice: ConflictChoice, take_other: bool) -> None:
        shown = choice.shown(self.screen_safe)
        if take_other:
            message = f"Took the other copy's {choice.subject} for {shown.about}: {shown.other}."
        else:
            message = f"Kept this book's {choice.subject} for {shown.about}: {shown.kept}."
        # markup=False: the values are what a user typed.
        self.notify(message, title="Merge conflict settled", markup=False)
        if not take_other:
            self.refresh_attention()
        elif choice.contact_id:
            self.refresh_contact(choice.contact_id)
        else:
            # An account's name or notes: rows and the scrubber may show them.
            self.load_book()


def read_conflict_choice(store: Store, conflict_id: str, scrub: Scrubber) -> ConflictChoice:
    """What the dialog shows of a conflict, plain and screen-safe, read from
    the store (in a worker: the record may need the book decoded)."""
    from .conflict_choice import ConflictChoice, ShownConflict

    conflict = store.conflict(conflict_id)
    record = _record_of(store, conflict)
    kept = to_builtins(getattr(record, conflict.field, None)) if record is not None else None
    contact = _contact_of(store, conflict)
    codenamed = contact is not None and bool(contact.codename)
    confidential = isinstance(record, Intel) and record.sensitivity is Sensitivity.CONFIDENTIAL

    def safe(value: Any) -> str:
        return safe_conflict_value(
            conflict, value, codenamed=codenamed, confidential=confidential, scrub=scrub
        )

    plain_about, safe_about = _about(conflict, contact, record, scrub)
    return ConflictChoice(
        conflict_id=conflict.id,
        contact_id=conflict.contact_id,
        subject=conflict_subject(conflict),
        plain=ShownConflict(plain_about, shown_value(kept), shown_value(conflict.value)),
        safe=ShownConflict(safe_about, safe(kept), safe(conflict.value)),
    )


def _about(
    conflict: Conflict, contact: Contact | None, record: object, scrub: Scrubber
) -> tuple[str, str]:
    """Whom or what the conflict is about: (plain, screen-safe)."""
    if contact is not None:
        # Intel names a source: screen-safe calls one without a codename "a source".
        source = conflict.table == "intel"
        return contact.name, shown_name(contact, screen_safe=True, source=source)
    if isinstance(record, Account):
        return f"the account {record.name}", f"the account {scrub(record.name)}"
    return "an account", "an account"


def _contact_of(store: Store, conflict: Conflict) -> Contact | None:
    if not conflict.contact_id:
        return None
    try:
        return store.contact(conflict.contact_id)
    except NotFoundError:
        return None


def _record_of(store: Store, conflict: Conflict) -> object | None:
    """The record the conflict is about as this book has it, or None when
    it is gone."""
    record_id = conflict.record_id
    try:
        if conflict.table == "contacts":
            return store.contact(record_id)
        if conflict.table == "channels":
            return store.channel(record_id)
        if conflict.table == "touches":
            return store.touch(record_id)
        if conflict.table == "accounts":
            return store.account(record_id)
        if conflict.table == "intel":
            found = [item for item in store.intel_of(conflict.contact_id) if item.id == record_id]
            return found[0] if found else None
    except NotFoundError:
        return None
    return None
