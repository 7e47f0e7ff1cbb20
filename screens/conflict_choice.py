"""Settling a merge conflict by hand: two copies of the book changed the
same field each its own way, the merge kept the newer value, and the user
picks which one stays."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bchan_tui.widgets import KeyFooter


@dataclass(frozen=True)
class ShownConflict:
    """What the dialog says of a conflict in one mode (plain or screen-safe)."""

    # Whom or what the record belongs to: "Marta Lindqvist", "the account Initech".
    about: str
    # The value the book has now, and the other copy's, as a person reads them.
    kept: str
    other: str


@dataclass(frozen=True)
class ConflictChoice:
    """A merge conflict as the dialog shows it, both plain and screen-safe,
    so that pressing m while it is open hides the values at once."""

    conflict_id: str
    # The contact the record belongs to ("" for an account's record).
    contact_id: str
    # What the conflict is about, in words: "org", "channel address".
    subject: str
    plain: ShownConflict
    safe: ShownConflict

    def shown(self, screen_safe: bool) -> ShownConflict:
        return self.safe if screen_safe else self.plain


class ConflictChoiceModal(ModalScreen[bool | None]):
    """Which value of a merge conflict stays: returns False to keep this
    book's value, True to take the other copy's, None to decide later (the
    conflict stays in Needs attention)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "k",
            "choose(False)",
            "Keep this book's",
            id="conflict.keep",
            tooltip="Merge conflict: keep the value this book has",
        ),
        Binding(
            "o",
            "choose(True)",
            "Take the other copy's",
            id="conflict.take-other",
            tooltip="Merge conflict: take the other copy's value",
        ),
        Binding(
            "escape",
            "choose(None)",
            "Later",
            id="conflict.later",
            tooltip="Merge conflict: decide later (it stays in Needs attention)",
        ),
        # A modal screen hides the app's keys; the values shown here are
        # what screen-safe exists for, so its key works here too.
        Binding(
            "m",
            "app.toggle_screen_safe",
            "Mask",
            id="conflict.screen-safe",
            tooltip="Merge conflict: screen-safe on or off, as m is everywhere",
        ),
        Binding("left,right", "app.focus_next", "Switch", show=False, id="conflict.switch"),
    ]

    def __init__(self, choice: ConflictChoice) -> None:
        super().__init__()
        self.choice = choice

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box confirm-box conflict-box") as box:
            box.border_title = "Merge conflict"
            yield Static(classes="confirm-question", id="conflict-text")
            with Horizontal(classes="confirm-buttons"):
                yield Button("Keep this book's (k)", id="keep", variant="primary")
                yield Button("Take the other's (o)", id="take-other", variant="warning")
                yield Button("Later (esc)", id="later")
        yield KeyFooter()

    def on_mount(self) -> None:
        # A stray Enter decides nothing.
        self.query_one("#later", Button).focus()
        # m hides the values at once, as it does everywhere else.
        self.watch(self.app, "screen_safe", self._show)

    def _show(self, screen_safe: bool) -> None:
        self.query_one("#conflict-text", Static).update(
            conflict_text(self.choice, screen_safe=screen_safe)
        )

    def action_choose(self, take_other: bool | None) -> None:
        self.dismiss(take_other)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        answers = {"keep": False, "take-other": True}
        self.dismiss(answers.get(event.button.id or ""))


def conflict_text(choice: ConflictChoice, *, screen_safe: bool) -> Content:
    """The dialog's text. Values are what a user typed: Content, never markup."""
    shown = choice.shown(screen_safe)
    return Content.assemble(
        (shown.about, "bold"),
        " · ",
        (choice.subject, "bold"),
        "\nTwo copies of the book changed it each its own way; the merge kept "
        "the newer change. Which stays?\n\n",
        ("This book   ", "$text-muted"),
        (shown.kept, "$text-success"),
        "\n",
        ("Other copy  ", "$text-muted"),
        (shown.other, "$text-warning"),
    )
