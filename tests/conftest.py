"""Shared fixtures: every test gets its own temporary database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Store

# A fixed moment for everything that shows "x ago".
FROZEN_NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "book.json"


@pytest.fixture
def frozen() -> Iterator[pendulum.DateTime]:
    # Clock times ("yesterday 15:00") are read in the computer's zone: UTC
    # in every test, whatever the machine's.
    with pendulum.travel_to(FROZEN_NOW, freeze=True), pendulum.test_local_timezone(pendulum.UTC):
        yield FROZEN_NOW


@pytest.fixture
def store(db_path: Path, frozen: pendulum.DateTime) -> Iterator[Store]:
    opened = Store(db_path)
    yield opened
    opened.close()
