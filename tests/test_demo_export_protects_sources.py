"""The demo book written by ``bchan demo``, exported by ``bchan export``: the
redacted document names no codenamed source and shows no private address,
and the same check finds every one of them in a ``--reveal`` export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bchan_tui.cli import main
from bchan_tui.data import Rung, Store
from bchan_tui.data.exchange.markdown_text import inline


def secrets_of(db: Path) -> tuple[list[str], list[str]]:
    """What a redacted export must never show: the real name of every
    codenamed contact, and every private address of the book."""
    with Store(db, read_only=True) as book:
        names = [c.name for c in book.contacts() if c.codename]
        addresses = [
            channel.address
            for contact in book.contacts()
            for channel in book.channels_of(contact.id)
            if channel.rung is Rung.PRIVATE and channel.address
        ]
    return names, addresses


def found_in(document: str, secrets: list[str]) -> list[str]:
    """The secrets the document shows, as typed or as escaped for Markdown; a
    phone number counts by its digits."""
    text = document.casefold()
    digits_only = re.sub(r"[^\d\n]", "", document)
    found = []
    for secret in secrets:
        digits = re.sub(r"\D", "", secret)
        shown = secret.casefold() in text or inline(secret).casefold() in text
        if shown or (len(digits) >= 7 and digits in digits_only):
            found.append(secret)
    return found


def export(db: Path, capsys: pytest.CaptureFixture[str], *options: str) -> str:
    capsys.readouterr()
    assert main(["export", "--db", str(db), *options]) == 0
    return capsys.readouterr().out


def test_a_redacted_export_of_the_demo_book_shows_no_source_and_no_private_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.json"
    assert main(["demo", "--db", str(db)]) == 0
    names, addresses = secrets_of(db)
    # The demo book has sources to protect: codenamed people and back channels.
    assert len(names) >= 5 and len(addresses) >= 10
    secrets = names + addresses

    redacted = export(db, capsys)
    revealed = export(db, capsys, "--reveal")

    assert found_in(redacted, secrets) == []
    assert found_in(revealed, secrets) == secrets
