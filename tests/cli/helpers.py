"""Shared by the shell command tests: the small book's ids, and running a command in-process."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Store

NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")


@dataclass(frozen=True)
class Book:
    path: Path
    marta: str
    priya: str
    kwame: str
    ann: str
    olga: str
    jonas: tuple[str, str]
    signal: str


def bchan(capsys: pytest.CaptureFixture[str], book: Book, *argv: str) -> tuple[int, str, str]:
    status = main([*argv, "--db", str(book.path)])
    out, err = capsys.readouterr()
    return status, out, err


def touches_of(book: Book, contact_id: str) -> list[tuple[str, str, str, str]]:
    with Store(book.path, read_only=True) as store:
        return [
            (store.channel(t.channel_id).describe(), t.direction.value, t.urgency.value, t.note)
            for t in store.touches_of(contact_id)
        ]
