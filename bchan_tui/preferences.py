"""What the dashboard remembers between sessions (the chosen theme), in a
small JSON file beside the user's settings: ``~/.config/bchan/preferences.json``
on Linux (the folder of ``BCHAN_CONFIG`` when that is set).

``config.toml`` in the same folder is the user's to write (see
``bchan_tui.data.settings``); this file is the app's. The app is handed a
``Preferences``; tests hand it one with no file, so they never touch the
real home folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from bchan_tui.data.settings import settings_path

FILE_NAME = "preferences.json"


class Preferences:
    """Preferences kept in ``path``; with ``path=None`` they last for the session only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._values: dict[str, Any] = self._read()

    @classmethod
    def in_user_config(cls) -> Preferences:
        """The preferences file in the user's config folder."""
        return cls(settings_path().parent / FILE_NAME)

    @property
    def theme(self) -> str | None:
        """The theme chosen last time, if any."""
        value = self._values.get("theme")
        return value if isinstance(value, str) else None

    def remember_theme(self, theme: str) -> None:
        """Keep the theme for next time (writes the file; call it off the UI thread)."""
        if self._values.get("theme") == theme:
            return
        self._values["theme"] = theme
        self._write()

    def _read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # Missing or unreadable preferences are not worth stopping for.
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def _write(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self._values, indent=2, sort_keys=True) + "\n"
        # A temporary file renamed into place: a crash never leaves half a file.
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".preferences-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
