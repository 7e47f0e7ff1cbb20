"""Shared fixtures (every test gets its own temporary database), and how
the tests are spread over xdist workers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Store
from bchan_tui.data.samples.demo_book import build_demo_book

# A fixed moment for everything that shows "x ago".
FROZEN_NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")

UI_TESTS = Path(__file__).parent / "ui"


@pytest.hookimpl(optionalhook=True)  # an xdist hook: the suite also runs without xdist
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` starts two workers a core. A Pilot test spends about half
    its time asleep, waiting for the app to go idle after each key (Textual
    checks every 20 ms), so one worker a core left the cores half idle."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    return 2 * cores


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The Pilot tests run first: they take seconds each and the others mostly
    milliseconds, so the short ones even out the end of a parallel run
    instead of a long one keeping the other workers waiting. The order
    within each group, and so within each module, is kept."""
    items.sort(key=lambda item: not item.path.is_relative_to(UI_TESTS))


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
