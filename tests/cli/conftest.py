"""Fixtures of the shell command tests: a small book and a clean environment."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Rung, Store

from .git_devices import Device, isolate_git, make_devices
from .helpers import Book


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the real user's book or settings."""
    monkeypatch.delenv("BCHAN_DB", raising=False)
    monkeypatch.delenv("BCHAN_QUERY_PRIVATE", raising=False)
    monkeypatch.setenv("BCHAN_CONFIG", str(tmp_path / "no-settings.toml"))


@pytest.fixture
def book(db_path: Path, frozen: pendulum.DateTime) -> Book:
    """A small book, written and closed, so commands may take the lock."""
    with Store(db_path) as store:
        marta = store.add_contact(
            "Marta Lindqvist", org="Northwind Logistics", role="CIO", tags=["buyer"]
        )
        store.add_channel(marta.id, Rung.RELATIONSHIP, "in_person", label="coffee")
        signal = store.add_channel(marta.id, Rung.PRIVATE, "signal", "+46 70 555 0142")
        store.add_channel(marta.id, Rung.PUBLIC, "email", "marta.lindqvist@northwind.example")
        # The back channel was used two days ago: hot until 5 Dec.
        store.log_touch(marta.id, signal.id, reason="board deck", at=frozen.subtract(days=2))

        priya = store.add_contact("Priya Raman", org="Northwind Logistics", role="Architect")
        store.add_channel(priya.id, Rung.PRIVATE, "email", "priya.r@fastmail.example")
        store.add_channel(priya.id, Rung.PUBLIC, "email", "priya.raman@northwind.example")

        kwame = store.add_contact("Kwame Mensah", org="Atlas Ventures")
        store.add_channel(kwame.id, Rung.PRIVATE, "signal", "+44 7700 900123")
        store.add_channel(kwame.id, Rung.PUBLIC, "linkedin", "linkedin.com/in/kmensah")

        ann = store.add_contact("Ann Lee", org="Gartner")
        store.add_channel(ann.id, Rung.PUBLIC, "email", "ann.lee@gartner.example")
        anna = store.add_contact("Anna Berg", org="Forrester")
        store.add_channel(anna.id, Rung.PUBLIC, "email", "anna.berg@forrester.example")

        jonas_a = store.add_contact("Jonas Weber", org="Northwind Logistics")
        jonas_b = store.add_contact("Jonas Weber", org="Globex Bank")

        olga = store.add_contact("Olga Ivanova", org="Umbrella Pharma")
        store.add_channel(olga.id, Rung.PUBLIC, "email", "olga@umbrella.example")
        store.archive_contact(olga.id)
    return Book(
        db_path, marta.id, priya.id, kwame.id, ann.id, olga.id, (jonas_a.id, jonas_b.id), signal.id
    )


@pytest.fixture
def devices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[Device, Device]:
    """A laptop and a desktop: two clones of one bare repository, the book
    synced from the first (see ``git_devices``)."""
    isolate_git(monkeypatch, tmp_path)
    return make_devices(tmp_path, capsys)
