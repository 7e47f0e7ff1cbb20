"""Text another program wrote into the book may hold terminal escape
sequences (set the window title, clear the screen); no command's output
passes one on, on stdout, on stderr or in a file it writes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bchan_tui.data import IntelDirection, Rung, Store

# The window title, a cleared screen, a bell, a C1 escape, a backspace.
HOSTILE = "\x1b]0;owned\x07\x1b[2J\x9b31m\x08\x7f"
# What no output may hold: every C0 and C1 control but tab and line feed,
# and a carriage return that does not end a line.
RAW = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\r(?!\n)")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("raw") / "book.json"
    with Store(path) as store:
        person = store.add_contact("Mateo García", org="Forrester")
        email = store.add_channel(person.id, Rung.PUBLIC, "email", "mateo@forrester.example")
        store.add_channel(person.id, Rung.PRIVATE, "signal", "+34 600 555 012")
        store.log_touch(person.id, email.id, note="asked about the RFP")
        store.record_intel(person.id, IntelDirection.RECEIVED, "budget moved")
    # Another program writes escape sequences into every text field.
    book = json.loads(path.read_text())
    for table, fields in {
        "contacts": ("name", "org", "role", "notes", "intention"),
        "channels": ("label", "terms"),
        "touches": ("note", "reason"),
        "intel": ("summary",),
    }.items():
        for doc in book[table].values():
            for field in fields:
                doc[field] = f"{doc.get(field) or 'x'}{HOSTILE}end"
    path.write_text(json.dumps(book))
    return path


COMMANDS = [
    ["find", "mateo"],
    ["find", "--json", "mateo"],
    ["reach", "mateo", "--reveal"],
    ["query", "mateo"],
    ["query", "nobody-at-all"],
    ["export"],
    ["export", "--reveal"],
    ["export", "--format", "vcard", "--reveal"],
    ["check"],
    ["reach", "nobody-at-all"],
    ["log", "mateo", "--channel", "email", "--note", f"typed {HOSTILE}"],
]


def _run(argv: list[str], book: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bchan_tui", *argv, "--db", str(book)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=False,
        env={**os.environ, "BCHAN_CONFIG": str(book.with_name("none.toml"))},
    )


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_no_command_passes_a_control_character_on(book: Path, argv: list[str]) -> None:
    result = _run(argv, book)
    assert result.stdout or result.stderr
    assert not RAW.search(result.stdout), result.stdout
    assert not RAW.search(result.stderr), result.stderr
    # Only the control characters are gone: the printable rest is all there.
    if argv[0] == "export":
        assert b"31mend" in result.stdout
    if argv[0] == "find":
        assert b"Mateo Garc" in result.stdout


def test_an_export_file_holds_no_control_character(book: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    result = _run(["export", "--reveal", "-o", str(target)], book)
    assert result.returncode == 0
    assert not RAW.search(target.read_bytes())
    assert b"asked about the RFP" in target.read_bytes()


def test_the_check_catches_what_it_looks_for(book: Path) -> None:
    # The pattern the tests above rely on does see a raw escape sequence.
    assert RAW.search(HOSTILE.encode())
    assert RAW.search(HOSTILE.encode()[:1])
    assert not RAW.search(b"tab\there\r\nline\n")
