"""Where the database lives: ``--db``, then ``BCHAN_DB``, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

ENV_VAR = "BCHAN_DB"
FILE_NAME = "bchan.json"


def default_db_path() -> Path:
    """The database in the platform's data folder (``~/.local/share/bchan`` on Linux)."""
    return user_data_path("bchan", appauthor=False) / FILE_NAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database to use: an explicit path wins over ``BCHAN_DB``, which wins over the default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()
