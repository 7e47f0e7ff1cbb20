"""A yes/no question before anything that is hard to take back."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from bchan_tui.widgets import KeyFooter


class ConfirmModal(ModalScreen[bool]):
    """Ask before acting; returns True only for an explicit yes (``y`` or the button).

    ``question`` is Content so callers build it from user text without markup.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
        Binding("left,right", "app.focus_next", "Switch", show=False, id="confirm.switch"),
    ]

    def __init__(
        self,
        title: str,
        question: Content,
        *,
        confirm: str,
        safe_default: bool,
        cancel: str = "Cancel",
        variant: ButtonVariant = "error",
    ) -> None:
        """``safe_default`` focuses the cancel button, so a stray Enter does
        nothing; ``variant`` colours the confirm button (red: hard to undo)."""
        super().__init__()
        self.title_text = title
        self.question = question
        self.confirm_label = confirm
        self.cancel_label = cancel
        self.variant: ButtonVariant = variant
        self.safe_default = safe_default

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box confirm-box") as box:
            box.border_title = self.title_text
            yield Static(self.question, classes="confirm-question")
            with Horizontal(classes="confirm-buttons"):
                yield Button(f"{self.confirm_label} (y)", id="yes", variant=self.variant)
                yield Button(f"{self.cancel_label} (n)", id="no")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#no" if self.safe_default else "#yes", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")


class LaterModal(ConfirmModal):
    """A question whose no means "not now": the footer says what the keys
    do (merge the copies now, or later), as the buttons do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Now", id="later.now"),
        Binding("n,escape", "answer(False)", "Later", id="later.later"),
        Binding("left,right", "app.focus_next", "Switch", show=False, id="later.switch"),
    ]
