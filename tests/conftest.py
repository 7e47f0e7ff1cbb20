"""Shared fixtures: every test gets its own temporary database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Store
from bchan_tui.data.samples.demo_book import build_demo_book

# A fixed moment for everything that shows "x ago".
FROZEN_NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "book.json"


@contextmanager
def frozen_clock() -> Iterator[pendulum.DateTime]:
    # Times of day are shown in the local zone: UTC here, on any machine.
    with (
        pendulum.travel_to(FROZEN_NOW, freeze=True),
        pendulum.test_local_timezone(pendulum.UTC),
    ):
        yield FROZEN_NOW


@pytest.fixture
def frozen() -> Iterator[pendulum.DateTime]:
    with frozen_clock() as now:
        yield now


@pytest.fixture(scope="session")
def demo_book_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the demo book as of the frozen moment, built once
    per worker process. Tests never open it: ``demo_db`` copies it."""
    folder = tmp_path_factory.mktemp("demo-book")
    with frozen_clock() as now, Store(folder / "book.json") as store:
        build_demo_book(store, now=now)
    return folder


@pytest.fixture
def store(db_path: Path, frozen: pendulum.DateTime) -> Iterator[Store]:
    opened = Store(db_path)
    yield opened
    opened.close()
