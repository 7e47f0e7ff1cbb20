"""Shared fixtures: every test gets its own temporary database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pendulum
import pytest

from bchan_tui.data import Store, database
from bchan_tui.data.journal import generation_of
from bchan_tui.data.synthetic import write_size

# A fixed moment for everything that shows "x ago".
FROZEN_NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "book.json"


@pytest.fixture
def frozen() -> Iterator[pendulum.DateTime]:
    with pendulum.travel_to(FROZEN_NOW, freeze=True):
        yield FROZEN_NOW


@pytest.fixture
def store(db_path: Path, frozen: pendulum.DateTime) -> Iterator[Store]:
    opened = Store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every book parsed from now on."""
    parsed: list[Path] = []
    read_book: Callable[[Path], Any] = database.read_book

    def counting(path: Path) -> Any:
        parsed.append(path)
        return read_book(path)

    monkeypatch.setattr(database, "read_book", counting)
    return parsed


@pytest.fixture
def kept_book(db_path: Path, frozen: pendulum.DateTime) -> Path:
    """A 1,000-contact book, changed by a session that then kept its parts
    beside it (the summary, the first rows, the newest touches). Being
    written whole, the book is of a generation, which a journal names."""
    write_size(db_path, "S", frozen)
    with Store(db_path) as session:
        session.add_contact("Gen Eration")
    assert generation_of(msgspec.json.decode(db_path.read_bytes()))
    return db_path
