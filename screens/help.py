"""The help screen: every key, read from the bindings themselves so it is
never out of date."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from bchan_tui.widgets import KeyFooter, LadderView
from bchan_tui.widgets.cursor_list import CursorList
from bchan_tui.widgets.legend import LEGEND

from .accounts import AccountsScreen
from .archive import ArchiveScreen
from .confirm import ConfirmModal
from .conflict_choice import ConflictChoiceModal
from .contact import ContactScreen
from .dashboard import DashboardScreen
from .form import FormModal
from .log_touch import LogTouchModal


def bindings_of(bindings: Iterable[BindingType]) -> list[Binding]:
    """Only real Binding objects (every binding in bchan is one)."""
    return [binding for binding in bindings if isinstance(binding, Binding)]


def help_sections(app_bindings: Iterable[BindingType]) -> list[tuple[str, list[Binding]]]:
    """(title, bindings) for each place keys apply, most general first."""
    everywhere = [b for b in bindings_of(app_bindings) if not b.system]
    return [
        ("Everywhere", everywhere),
        ("Dashboard", bindings_of(DashboardScreen.BINDINGS)),
        ("Lists: contacts, needs attention, intel", bindings_of(CursorList.BINDINGS)),
        ("Contact screen", bindings_of(ContactScreen.BINDINGS)),
        ("Ladder (on the contact screen)", bindings_of(LadderView.BINDINGS)),
        ("Accounts screen", bindings_of(AccountsScreen.BINDINGS)),
        ("Archive view", bindings_of(ArchiveScreen.BINDINGS)),
        ("Forms", bindings_of(FormModal.BINDINGS)),
        ("Log a touch", bindings_of(LogTouchModal.BINDINGS)),
        (
            "Merge conflict (enter on one in Needs attention)",
            bindings_of(ConflictChoiceModal.BINDINGS),
        ),
        ("Questions", bindings_of(ConfirmModal.BINDINGS)),
    ]


class HelpScreen(ModalScreen[None]):
    """Every key, by where it applies. Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
        Binding("up,k", "scroll('up')", "Up", show=False, id="help.up"),
        Binding("down,j", "scroll('down')", "Down", show=False, id="help.down"),
    ]

    def __init__(self, app_bindings: Iterable[BindingType]) -> None:
        super().__init__()
        self.sections = help_sections(app_bindings)

    def key_text(self, binding: Binding) -> str:
        keys = [key.strip() for key in binding.key.split(",")]
        return " ".join(self.app.get_key_display(binding.with_key(key)) for key in keys)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box", classes="form-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes · Ctrl+P finds any action by name"
            yield Static("What the marks mean", classes="help-title")
            with Grid(classes="help-keys help-legend"):
                for mark, meaning in LEGEND:
                    yield Static(Content(mark), classes="help-key")
                    yield Static(Content(meaning))
            for title, bindings in self.sections:
                yield Static(title, classes="help-title")
                with Grid(classes="help-keys"):
                    for binding in bindings:
                        yield Static(Content(self.key_text(binding)), classes="help-key")
                        yield Static(Content(binding.tooltip or binding.description))
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        if direction == "up":
            box.scroll_up()
        else:
            box.scroll_down()
