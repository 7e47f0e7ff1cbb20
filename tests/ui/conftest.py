"""Fixtures for the dashboard tests: a demo book on a temporary database,
built at the frozen moment, and an app that remembers nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input

from bchan_tui.data import Store


@pytest.fixture(autouse=True)
def private_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Nothing a test does may reach the real config folder.
    monkeypatch.setenv("BCHAN_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    yield


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    # A blinking cursor is drawn or not by the clock: on a busy machine a
    # snapshot caught it in the other half of its blink.
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture
def demo_db(db_path: Path, frozen: pendulum.DateTime, demo_book_files: Path) -> Path:
    """The demo book, as of the frozen moment: a copy of the files building
    it here would leave, built once for this worker."""
    for built in demo_book_files.iterdir():
        shutil.copy(built, db_path.parent / built.name)
    assert db_path.is_file()
    return db_path


@pytest.fixture
def empty_db(db_path: Path, frozen: pendulum.DateTime) -> Path:
    with Store(db_path):
        pass
    return db_path
