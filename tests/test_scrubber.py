"""The one scrubber for free text: hidden addresses in any written form and
codenamed people's names, however notes, reasons and intel write them
(DESIGN.md "Protect your sources")."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bchan_tui.data.domain.scrubber import Scrubber


@dataclass(frozen=True)
class Person:
    name: str
    codename: str = ""


PEOPLE = [
    Person("Marta Lindqvist", "HERON"),
    Person("田中 浩", "SWIFT"),
    Person("Eva Li", "OWL"),
    Person("Jonas Weber"),
]
HIDDEN = [
    "+46 70 555 0142",
    "+54 9 11 2345-6789",
    "@heron@social.example",
    "@lapwing7:matrix.example",
    "heron.42",
    "@oliverh",
    "Priya.Raman@Fastmail.example",
    "t.me/kestrel_tg",
]


@pytest.fixture(scope="module")
def scrub() -> Scrubber:
    return Scrubber(PEOPLE, HIDDEN)


@pytest.mark.parametrize(
    "written",
    [
        "070-555 01 42",
        "+46 (0)70 555 0142",
        "0046 70 555 01 42",
        "(070) 555.01.42",
        "+46\u00a070\u2011555\u200b0142",
        "tel:+46705550142",
        "0705550142 2 times",
        # Argentina's national form adds "15" after the area code.
        "011 15-2345-6789",
    ],
)
def test_a_hidden_number_is_found_in_any_written_form(scrub: Scrubber, written: str) -> None:
    shown = scrub(f"call {written} tonight")
    assert "+••• •••42" in shown or "+••• •••89" in shown, shown
    assert "555" not in shown and "2345" not in shown
    assert shown.startswith("call ") and shown.endswith(" tonight")


def test_digits_no_country_reads_as_a_number_are_hidden_as_written() -> None:
    # "00 10 00" parses as +1 000: too few digits to be a number, so it is
    # known by its digits as written, also inside a longer run of them.
    scrub = Scrubber((), ["00 10 00"])
    for written in ("00 10 00", "0 00 10 00", "001000"):
        shown = scrub(f"desk {written} ext")
        assert "10" not in shown, shown


@pytest.mark.parametrize(
    "written",
    [
        "@heron@social.example",
        "heron@SOCIAL.example",
        "https://social.example/@heron",
        "@heron",
        "@lapwing7:matrix.example",
        "https://matrix.to/#/@lapwing7:matrix.example",
        "heron.42",
        "@heron.42",
        "x.com/oliverh",
        "priya.raman@fastmail.EXAMPLE",
        "mailto:PRIYA.RAMAN@fastmail.example",
        "https://t.me/kestrel_tg",
        "telegram.me/kestrel_tg",
        "@kestrel_tg",
        "kestrel_tg",
    ],
)
def test_a_hidden_account_is_found_in_every_form_its_kind_allows(
    scrub: Scrubber, written: str
) -> None:
    shown = scrub(f"ask {written}. Then wait")
    assert "•••" in shown, shown
    for user in ("heron", "lapwing7", "oliverh", "priya", "kestrel_tg"):
        assert user not in shown.casefold(), shown
    assert shown.startswith("ask ") and shown.endswith(". Then wait")


@pytest.mark.parametrize(
    "written",
    [
        "Lindqvist-led team",
        "the Lindqvists plan",
        "Lindqvistens plan",
        "Lind\u00adqvist said",
        "Lind\u200bqvist said",
        "LINDQVIST said",
        "Líndqvist said",
        "pro-Lindqvist faction",
        "Marta's budget",
        "Marta Lindqvist's budget",
        "marta lindqvists budget",
    ],
)
def test_a_codenamed_persons_names_are_found_with_any_suffix(scrub: Scrubber, written: str) -> None:
    shown = scrub(written)
    assert "HERON" in shown, shown
    assert "lindqvist" not in shown.casefold() and "marta" not in shown.casefold()
    # Said once, not once per word of the name.
    assert shown.count("HERON") == 1


def test_names_in_scripts_without_spaces_are_found_inside_words(scrub: Scrubber) -> None:
    assert scrub("田中浩说的") == "SWIFT说的"
    assert scrub("我和田中见面") == "我和SWIFT见面"
    assert scrub("我和Marta见面") == "我和HERON见面"
    # One character alone is too common to hide on its own.
    assert scrub("浩大") == "浩大"


def test_short_name_parts_are_found_only_as_themselves(scrub: Scrubber) -> None:
    assert scrub("Eva, Evas, Eva's") == "OWL, OWL, OWL's"
    assert scrub("evaluate the annual Li report") == "evaluate the annual Li report"
    assert scrub("Eva Li said") == "OWL said"


def test_other_text_is_left_as_it_is(scrub: Scrubber) -> None:
    text = "Jonas Weber on 2026-11-23 at 10:30: 3 items, €12,500, heron (the bird), x.com/jonas"
    assert scrub(text) == text
    assert scrub("+46 70 555 0199") == "+46 70 555 0199"


def test_nothing_hidden_leaves_text_alone() -> None:
    text = "Lind\u00adqvist +46 70 555 0142"
    assert Scrubber()(text) == text
    assert not Scrubber()
