"""The user's settings: a small TOML file in the user's config folder.

``~/.config/bchan/config.toml`` on Linux (the platform's user config folder),
or the file named by ``BCHAN_CONFIG``. A missing file means the defaults.
Known keys:

    [query]
    # bchan query (the mail clients' address book) lists private
    # email addresses too. Default: false.
    include_private = true

``BCHAN_QUERY_PRIVATE=1`` (or ``0``) overrides ``include_private`` for one
run or one shell.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec
from platformdirs import user_config_path

from .errors import BchanError

CONFIG_ENV_VAR = "BCHAN_CONFIG"
QUERY_PRIVATE_ENV_VAR = "BCHAN_QUERY_PRIVATE"
CONFIG_FILE_NAME = "config.toml"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class SettingsError(BchanError):
    """The settings file (or a settings variable) cannot be used; the message says why."""

    exit_status = 2


class QuerySettings(msgspec.Struct, frozen=True):
    include_private: bool = False


class Settings(msgspec.Struct, frozen=True):
    query: QuerySettings = msgspec.field(default_factory=QuerySettings)


def settings_path() -> Path:
    """``$BCHAN_CONFIG``, else ``config.toml`` in the user config folder."""
    explicit = os.environ.get(CONFIG_ENV_VAR)
    if explicit:
        return Path(explicit).expanduser()
    return user_config_path("bchan", appauthor=False) / CONFIG_FILE_NAME


def _read(path: Path) -> dict[str, Any]:
    # Imported here: only `bchan query` reads settings, and compiling
    # tomllib's patterns would cost every command a few milliseconds.
    import tomllib

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"cannot read settings {path}: not valid TOML ({error})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"cannot read settings {path}: {error}") from None


def _section(data: Mapping[str, Any], name: str, path: Path) -> Mapping[str, Any]:
    section = data.get(name, {})
    if not isinstance(section, dict):
        raise SettingsError(f"settings {path}: [{name}] must be a table")
    return section


def _flag(section: Mapping[str, Any], key: str, default: bool, where: str) -> bool:
    value = section.get(key, default)
    if not isinstance(value, bool):
        raise SettingsError(f"settings {where}: {key} must be true or false, not {value!r}")
    return value


def env_flag(name: str) -> bool | None:
    """A yes/no environment variable: None when unset."""
    raw = os.environ.get(name)
    if raw is None:
        return None
    value = raw.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingsError(f"{name} must be 1 or 0 (true or false), not {raw!r}")


def load_settings(path: Path | None = None) -> Settings:
    """The settings from ``path`` (default: ``settings_path()``), then the environment."""
    where = path or settings_path()
    data = _read(where)
    query = _section(data, "query", where)
    include_private = _flag(query, "include_private", False, f"{where} [query]")
    from_env = env_flag(QUERY_PRIVATE_ENV_VAR)
    if from_env is not None:
        include_private = from_env
    return Settings(query=QuerySettings(include_private=include_private))
