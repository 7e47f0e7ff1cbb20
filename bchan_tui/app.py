"""The Textual application (built in the dashboard work)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from bchan_tui.data import Store


class BchanApp(App[None]):
    """Opens the store at ``db_path`` and shows the dashboard."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.store = Store(db_path)

    def on_unmount(self) -> None:
        self.store.close()
