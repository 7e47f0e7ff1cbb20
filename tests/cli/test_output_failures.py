"""A command whose own output cannot be written (a full disk, a reader that
went away) says so in one line and exits 1; no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bchan_tui.data import Rung, Store

COMMANDS = [
    ["find", "mateo"],
    ["find", "--json", "mateo"],
    ["query", "garcia"],
    ["reach", "mateo"],
    ["export"],
    ["check"],
]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("output") / "book.json"
    with Store(path) as store:
        person = store.add_contact("Mateo García", org="Forrester")
        store.add_channel(person.id, Rung.PUBLIC, "email", "mateo.garcia@forrester.example")
    return path


def _run(argv: list[str], book: Path, stdout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bchan_tui", *argv, "--db", str(book)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        check=False,
        env={**os.environ, "BCHAN_CONFIG": str(book.with_name("none.toml"))},
    )


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_full_disk_is_one_line_and_exit_1(book: Path, argv: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = _run(argv, book, full.fileno())
    assert result.returncode == 1
    assert result.stderr == "bchan: could not write the output: No space left on device\n"


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_reader_gone_before_the_output_is_one_line_and_exit_1(
    book: Path, argv: list[str]
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read what bchan writes
    try:
        result = _run(argv, book, write_end)
    finally:
        os.close(write_end)
    assert result.returncode == 1
    assert result.stderr == "bchan: the output was closed before all of it was written\n"
