"""Books written by another program with damaged keys or values are refused."""

from __future__ import annotations

import re

import pytest

from bchan_tui.data.schema import SchemaMismatch, check_structure, new_database

# --- document keys ----------------------------------------------------------

BAD_KEYS = [
    "01",  # int() reads it as 1, as it reads "1"
    "0",  # TinyDB numbers its documents from 1
    "²",  # str.isdigit() says yes; int() says no
    "\u0661",  # an Arabic-Indic one: int() reads it as 1
    "-1",
    "+1",
    " 1",
    "1 ",
    "1\n",
    "1.0",
    "1e3",
    "",
    "x",
    "9" * 19,  # more than 64 bits hold
]


@pytest.mark.parametrize("key", BAD_KEYS, ids=lambda key: repr(key)[:24])
@pytest.mark.parametrize("table", ["contacts", "touches", "_meta"])
def test_check_structure_refuses_a_key_that_is_not_a_document_id(table: str, key: str) -> None:
    data = new_database()
    data[table]["2"] = {"schema_version": 1} if table == "_meta" else {}
    data[table][key] = {}
    with pytest.raises(SchemaMismatch, match=re.escape(f"table '{table}': key {key!r}")):
        check_structure(data)


def test_check_structure_accepts_document_ids_from_1_to_18_digits() -> None:
    data = new_database()
    data["touches"] = {key: {} for key in ("1", "2", "10", "907", "9" * 18)}
    assert check_structure(data) is data
