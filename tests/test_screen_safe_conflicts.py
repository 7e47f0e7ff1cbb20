"""What screen-safe shows of a merge conflict: never a value that may be a
private address or the name a codename hides, even one the book no longer
holds (so the scrubber cannot know it); other text scrubbed as elsewhere."""

from __future__ import annotations

from typing import Any

import pytest

from bchan_tui.data import AttentionItem, AttentionKind
from bchan_tui.data.book.conflicts import Conflict
from bchan_tui.data.book.screen_safe import (
    WITHHELD_SUMMARY,
    WITHHELD_VALUE,
    safe_attention,
    safe_conflict_value,
)
from bchan_tui.data.domain.masking import mask_address
from bchan_tui.data.domain.naming import ContactName
from bchan_tui.data.domain.scrubber import Scrubber

# This book knows Jonas (codename HERON) and his private number.
SCRUB = Scrubber([ContactName("c1", "Jonas Berg", "HERON", False)], ["+46 70 555 0142"])


def conflict(table: str, field: str, value: Any = "") -> Conflict:
    return Conflict(id="x", table=table, record_id="r", field=field, value=value)


def shown(
    table: str, field: str, value: Any, *, codenamed: bool = False, confidential: bool = False
) -> str:
    return safe_conflict_value(
        conflict(table, field, value),
        value,
        codenamed=codenamed,
        confidential=confidential,
        scrub=SCRUB,
    )


@pytest.mark.parametrize("address", ["lindqvist.m@secret.example", "+1 617 555 0199"])
def test_an_address_is_masked_whatever_the_scrubber_knows(address: str) -> None:
    # Neither address is in this book: masked all the same.
    assert shown("channels", "address", address) == mask_address(address)
    assert address not in shown("channels", "address", address)


def test_a_codename_and_a_codenamed_persons_name_are_withheld_whole() -> None:
    assert shown("contacts", "codename", "KESTREL") == WITHHELD_VALUE
    assert shown("contacts", "name", "Jonas Bergström", codenamed=True) == WITHHELD_VALUE
    # Without a codename the screen shows the name anyway.
    assert shown("contacts", "name", "Rachel Green") == "'Rachel Green'"


def test_a_confidential_summary_is_withheld_and_other_text_scrubbed() -> None:
    assert shown("intel", "summary", "the CFO leaves", confidential=True) == WITHHELD_SUMMARY
    assert shown("intel", "summary", "the CFO leaves") == "'the CFO leaves'"
    notes = shown("contacts", "notes", "Jonas Berg: call +46 70 555 0142")
    assert "Jonas" not in notes and "0142" not in notes
    assert "HERON" in notes
    assert shown("contacts", "tags", ["analyst", "nordics"]) == "analyst, nordics"
    assert shown("contacts", "org", None) == "nothing"


def test_a_conflicts_attention_text_leaves_out_both_values() -> None:
    item = AttentionItem(
        AttentionKind.CONFLICT,
        "c2",
        "merge conflict: channel address kept 'a@x.example', other copy 'b@y.example'",
        screen_safe_text="merge conflict: channel address has two values; pick one",
        conflict_id="x",
    )
    safe = safe_attention(item, SCRUB)
    for text in (safe.text, safe.screen_safe_text):
        assert text == "merge conflict: channel address has two values; pick one"
    # Even one that came without a text of its own.
    bare = safe_attention(AttentionItem(AttentionKind.CONFLICT, "c2", item.text), SCRUB)
    assert "@" not in bare.text and bare.screen_safe_text == bare.text
