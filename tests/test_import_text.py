"""An imported file's lines, handed out one at a time, are exactly the
lines ``str.splitlines`` gives: the line numbers in the report depend on it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bchan_tui.data.exchange.import_text import text_lines

BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "one line",
        "ends with a break\n",
        "a\r\nb\rc\nd",
        "\n\n\r\n\r",
        "a\r\r\nb",
        "card\u2028note\x85end\x0b",
    ],
)
def test_the_lines_are_those_splitlines_gives(text: str) -> None:
    assert list(text_lines(text)) == text.splitlines()


@given(st.lists(st.sampled_from(["a", "é", "😀", " ", *BREAKS])).map("".join))
def test_any_mix_of_line_breaks_splits_as_splitlines_does(text: str) -> None:
    assert list(text_lines(text)) == text.splitlines()
