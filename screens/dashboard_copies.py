"""The dashboard's conflict copies: a synced folder that saw the book change
on two devices at once leaves the other copy beside it under a name of its
own. At start the dashboard offers, once, to merge such copies in."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.content import Content

from bchan_tui.data import DatabaseError
from bchan_tui.data.storage.conflict_copies import conflict_copies
from bchan_tui.data.storage.merge import MergeProblem
from bchan_tui.data.storage.merging import read_other_copy

from .book_screen import BookScreen

# The longest the search for copies waits for the first rows to be drawn.
COPIES_PAINT_WAIT_SECONDS = 1.0


class CopyMerging(BookScreen[None]):
    """The conflict-copy half of ``DashboardScreen``; see there."""

    # Set once the dashboard's first rows are drawn.
    _first_paint: threading.Event

    if TYPE_CHECKING:

        def load_book(self) -> Any: ...

    @work(thread=True, exit_on_error=False, group="copies", exclusive=True)
    def look_for_conflict_copies(self) -> None:
        """Offer to merge the book's conflict copies, if it has any. Started
        once, when the dashboard opens: after "later" it asks no more this
        session."""
        # Reading a folder is quick, but the first rows come first.
        self._first_paint.wait(COPIES_PAINT_WAIT_SECONDS)
        copies = conflict_copies(self.store.path)
        if copies:
            self.app.call_from_thread(self._offer_copies, copies)

    def _offer_copies(self, copies: list[Path]) -> None:
        names = "\n".join(f"  {copy.name}" for copy in copies)
        question = Content.assemble(
            "A synced folder left other copies of this book beside it:\n",
            (names, "bold"),
            "\nMerge them in now? Each copy is removed once merged; a field the "
            "copies changed each its own way waits in Needs attention.",
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._merge_copies(copies)

        from .confirm import LaterModal

        modal = LaterModal(
            "Conflict copies",
            question,
            confirm="Merge now",
            cancel="Later",
            safe_default=True,
            variant="primary",
        )
        self.app.push_screen(modal, answered)

    @work(thread=True, exit_on_error=False, group="write")
    def _merge_copies(self, copies: list[Path]) -> None:
        merged = False
        try:
            for copy in copies:
                try:
                    other = read_other_copy(copy)
                except (DatabaseError, OSError) as problem:
                    self._copy_refused(copy, problem)
                    continue
                try:
                    report = self.store.merge_in(other)
                except MergeProblem as problem:
                    self._copy_refused(copy, problem)
                    continue
                # Any other error is this book's own (a write the disk
                # refused): it ends the merging and is reported as usual.
                merged = True
                self._copy_merged(copy, report.lines())
        finally:
            if merged:
                self.app.call_from_thread(self.load_book)

    def _copy_merged(self, copy: Path, lines: list[str]) -> None:
        # Only now: the merged book is saved, so the copy holds nothing it lacks.
        try:
            copy.unlink()
            lines.append("The copy was removed: its records are in the book.")
        except OSError as error:
            lines.append(f"The copy could not be removed: {error.strerror or error}")
        self.app.call_from_thread(
            self.notify,
            "\n".join(lines),
            title=f"Merged {copy.name}",
            timeout=15,
            markup=False,
        )

    def _copy_refused(self, copy: Path, problem: Exception) -> None:
        self.app.call_from_thread(
            self.notify,
            f"{problem}\nThe copy is left where it is.",
            title=f"Not merged: {copy.name}",
            severity="error",
            timeout=15,
            markup=False,
        )
