"""The Textual application: opens the store and shows the dashboard."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState

from bchan_tui.commands import BchanCommands
from bchan_tui.data import Store
from bchan_tui.preferences import Preferences
from bchan_tui.screens.dashboard import DashboardScreen
from bchan_tui.screens.failures import report_failure

if TYPE_CHECKING:
    from bchan_tui.screens.quick_add import NewContact


class BchanApp(App[None]):
    """bchan's dashboard over the book at ``db_path``.

    The store is opened here, before the terminal is taken over, so a locked
    or broken book is reported as a plain message. ``preferences`` defaults
    to the user's preferences file; pass ``Preferences(None)`` to remember
    nothing.
    """

    TITLE = "bchan"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BchanCommands}
    # Every screen gets one of these classes by the terminal's width; the
    # CSS lays out panes and forms by them (see app.tcss).
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (typed by App as it is)
        (0, "-narrow"),
        (60, "-medium"),
        (100, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Keys", id="bchan.help", tooltip="Show every key"),
        Binding("a", "quick_add", "Add", id="bchan.quick-add", tooltip="Quick add a contact"),
        Binding(
            "m",
            "toggle_screen_safe",
            "Mask",
            id="bchan.screen-safe",
            tooltip="Screen-safe: hide private addresses, sources, confidential",
        ),
        Binding("q", "quit", "Quit", show=False, id="bchan.quit", tooltip="Quit bchan"),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            show=False,
            priority=True,
            id="bchan.quit-anywhere",
            tooltip="Quit from anywhere, even while typing",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            id="bchan.command-palette",
            tooltip="Find any action by name",
        ),
    ]

    screen_safe: reactive[bool] = reactive(False)
    """Mask private addresses (and show codenames) on every screen."""

    def __init__(self, db_path: Path, *, preferences: Preferences | None = None) -> None:
        super().__init__()
        # Messages printed as the app ends (a broken book) name files: a
        # path wrapped in two cannot be copied, so lines are left whole.
        self.error_console.soft_wrap = True
        self.store = Store(db_path)
        self.preferences = preferences if preferences is not None else Preferences.in_user_config()
        self.dashboard = DashboardScreen(self.store)

    def get_default_screen(self) -> Screen[None]:
        return self.dashboard

    def on_mount(self) -> None:
        remembered = self.preferences.theme
        if remembered is not None and remembered in self.available_themes:
            self.theme = remembered
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        aside = self.store.journal_set_aside
        if aside is not None:
            self.notify(
                f"A journal of changes that belongs to another version of the book was set "
                f"aside as {aside}; its changes are not in the book.",
                title="Journal set aside",
                severity="warning",
                timeout=30,
                markup=False,
            )

    def on_unmount(self) -> None:
        self.store.close()

    def _remember_theme(self, theme: Theme) -> None:
        self.run_worker(
            partial(self.preferences.remember_theme, theme.name),
            thread=True,
            exit_on_error=False,
            group="preferences",
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            report_failure(self, event.worker.error)

    # --- actions -------------------------------------------------------------

    # A screen or a form is imported when first opened: the first frame
    # waits for nothing but the dashboard.

    def action_help(self) -> None:
        from bchan_tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.BINDINGS))

    def action_quick_add(self) -> None:
        from bchan_tui.screens.quick_add import QuickAddModal

        self.push_screen(QuickAddModal(self.store.accounts()), self._quick_added)

    def _quick_added(self, new: NewContact | None) -> None:
        if new is None:
            return
        from bchan_tui.screens.accounts import AccountsScreen
        from bchan_tui.screens.archive import ArchiveScreen
        from bchan_tui.screens.contact import ContactScreen

        # The new contact is shown selected on the dashboard.
        if isinstance(self.screen, ContactScreen | AccountsScreen | ArchiveScreen):
            self.screen.close()
        self.dashboard.add_contact(new)

    def action_toggle_screen_safe(self) -> None:
        self.screen_safe = not self.screen_safe
        if self.screen_safe:
            # A notification on screen may name someone ("Archived Marta
            # Lindqvist."): it goes with everything else screen-safe hides.
            self.clear_notifications()
            self.notify(
                "Private addresses are masked, sources go by codename or as 'a source', "
                "and confidential intel is withheld.",
                title="Screen-safe on",
            )
        else:
            self.notify("Everything is shown again.", title="Screen-safe off")
