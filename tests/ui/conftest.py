"""Fixtures for the dashboard tests: a demo book on a temporary database,
built at the frozen moment, and an app that remembers nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Input

from bchan_tui.data import Store
from bchan_tui.data.samples.demo_book import build_demo_book


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
def demo_db(db_path: Path, frozen: pendulum.DateTime) -> Path:
    """The demo book, as of the frozen moment."""
    with Store(db_path) as store:
        build_demo_book(store, now=frozen)
    return db_path


@pytest.fixture
def empty_db(db_path: Path, frozen: pendulum.DateTime) -> Path:
    with Store(db_path):
        pass
    return db_path
