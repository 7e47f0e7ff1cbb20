"""Journals written line by line for the journal tests: a book, a journal of
its contacts, and the ways a line is damaged."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

from bchan_tui.data.storage.journal import (
    Journal,
    journal_path,
)

GENERATION = "gen-1"


def book_of(generation: str = GENERATION) -> dict[str, Any]:
    """A parsed book of ``generation``, as replay receives it."""
    return {"_meta": {"1": {"generation": generation}}, "contacts": {}}


def journal_of_contacts(db_path: Path, count: int) -> list[bytes]:
    """Write a journal of GENERATION adding contacts 1 to ``count``; its lines."""
    journal = Journal(db_path, GENERATION)
    for number in range(1, count + 1):
        journal.append("contacts", str(number), {"name": f"Contact {number}"})
    journal.close()
    return journal_path(db_path).read_bytes().splitlines(keepends=True)


def checksummed(payload: bytes) -> bytes:
    """A line as the journal writes it, around any payload."""
    return b"%08x %s\n" % (zlib.crc32(payload), payload)


def flip_a_bit(line: bytes) -> bytes:
    """``line`` with one bit changed inside its JSON, as a failing disk does."""
    flipped = bytearray(line)
    flipped[12] ^= 0x01
    return bytes(flipped)
