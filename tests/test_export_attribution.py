"""A redacted export never lets its reader tie a received item to its
source by counting or ordering (DESIGN.md "Protect your sources")."""

from __future__ import annotations

import re

import pendulum
import pytest

from bchan_tui.data import IntelDirection, Store
from bchan_tui.data.exchange.export_markdown import export_markdown
from bchan_tui.data.exchange.markdown_document import RECEIVED_FROM_ONE_SOURCE
from bchan_tui.data.samples.demo_book import build_demo_book

NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")


@pytest.fixture
def demo(store: Store) -> Store:
    build_demo_book(store, now=NOW)
    return store


def kestrel(store: Store) -> str:
    return next(c.id for c in store.contacts() if c.codename == "KESTREL")


def test_one_sources_export_lists_neither_how_much_nor_what_they_gave(demo: Store) -> None:
    source = kestrel(demo)
    received = [i for i in demo.intel_of(source) if i.direction is IntelDirection.RECEIVED]
    assert len(received) >= 3
    document = export_markdown(demo, contact_ids=[source], now=NOW)
    assert "KESTREL" in document
    assert not re.search(r"received \d", document)
    assert "balance" not in document
    for item in received:
        assert item.summary not in document
    assert "A source" not in document
    assert "a source" not in document.split("\n## Contacts\n")[0]
    assert document.endswith(f"\n## Intel received\n\n{RECEIVED_FROM_ONE_SOURCE}\n")
    # The one-sided exchange is still worth attention, without its counts.
    assert "**KESTREL**: one-sided: received more than given" in document
    # Revealed, everything is there again.
    revealed = export_markdown(demo, contact_ids=[source], reveal=True, now=NOW)
    assert re.search(r"received \d", revealed)
    for item in received:
        assert item.summary in revealed


def test_a_source_with_nothing_given_reads_like_anyone_with_nothing_given(store: Store) -> None:
    talker = store.add_contact("Oliver Hart")
    store.record_intel(talker.id, IntelDirection.RECEIVED, "a new CIO in May", at=NOW)
    quiet = store.add_contact("Rachel Green")
    document = export_markdown(store, now=NOW)

    def section(name: str) -> str:
        return document.split(f"### {name}\n")[1].split("\n### ")[0].split("\n## ")[0]

    assert section("Oliver Hart") == section("Rachel Green").replace("Rachel Green", "Oliver Hart")
    assert quiet.name in document


def test_received_intel_from_two_sources_is_listed_newest_first_whoever_said_it(
    store: Store,
) -> None:
    first = store.add_contact("Oliver Hart", codename="WREN")
    second = store.add_contact("Rachel Green")
    said = [
        (first, "zeta: budget moved", 3),
        (second, "alpha: a new CIO", 2),
        (first, "mid: the RFP slips", 1),
    ]
    for contact, summary, days in said:
        store.record_intel(contact.id, IntelDirection.RECEIVED, summary, at=NOW.subtract(days=days))
    document = export_markdown(store, now=NOW)
    listed = document.split("\n## Intel received\n\n")[1].strip().splitlines()
    assert [line.split(": ", 1)[1] for line in listed] == [
        "mid: the RFP slips",
        "alpha: a new CIO",
        "zeta: budget moved",
    ]
    assert all(line.startswith("- **A source**, ") for line in listed)
    assert "given 0" in document
    assert not re.search(r"received \d", document)
