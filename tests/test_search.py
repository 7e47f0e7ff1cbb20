"""Matching contacts: the dashboard's filter and bchan find share it, and
rank exact, then word-start, then part-of-a-word matches, with letters in
order only when nothing matches better."""

from __future__ import annotations

import pytest

from bchan_tui.data import Store
from bchan_tui.data.domain.search import ContactSearch, Query, Tier, search_contacts


def search_of(store: Store, *, screen_safe: bool = False) -> ContactSearch:
    return ContactSearch.of(store.contacts(), store.channels(), screen_safe=screen_safe)


def test_words_match_name_org_role_tags_and_notes_ignoring_case_and_accents(
    store: Store,
) -> None:
    mateo = store.add_contact(
        "Mateo García", org="Forrester", role="Analyst", tags="analyst", notes="met at Gartner"
    )
    store.add_contact("Grace Liu", org="Reuters", tags="press")
    search = search_of(store)
    assert search.matching_ids("garcia") == {mateo.id}
    assert search.matching_ids("FORRESTER analyst") == {mateo.id}
    assert search.matching_ids("gartner") == {mateo.id}
    assert search.matching_ids("nobody") == set()
    assert len(search.matching_ids("  ")) == 2


def test_exact_then_word_start_then_part_of_a_word(store: Store) -> None:
    sam = store.add_contact("Sam Whitfield")
    samantha = store.add_contact("Samantha Cole")
    osam = store.add_contact("Hiro Tanaka", org="Osamu Labs")
    busam = store.add_contact("Ines Moreno", org="Busamba")
    scores = search_of(store).scores("sam")
    assert scores == {
        sam.id: Tier.NAME_PREFIX,
        samantha.id: Tier.NAME_PREFIX,
        osam.id: Tier.SUBSTRING,
        busam.id: Tier.SUBSTRING,
    }
    assert search_of(store).scores("sam whitfield")[sam.id] is Tier.EXACT
    ranked = search_contacts(store.contacts(), "sam whitfield")
    assert [m.contact.id for m in ranked] == [sam.id]


def test_letters_in_order_only_when_nothing_matches_better(store: Store) -> None:
    """Letters in order match almost anyone ('holm' found Chris Park, Hiro
    Tanaka and Ines Moreno): they are shown only when nothing better is."""
    holm = store.add_contact("Anders Holm")
    store.add_contact("Chris Park", org="Hooli", role="Head of Legal, Operations, Marketing")
    marta = store.add_contact("Marta Lindqvist")
    search = search_of(store)
    assert search.matching_ids("holm") == {holm.id}
    assert search.matching_ids("mlq") == {marta.id}
    assert search.scores("mlq") == {marta.id: Tier.LETTERS}


def test_tags_addresses_and_numbers(store: Store) -> None:
    mateo = store.add_contact("Mateo García", tags="analyst")
    priya = store.add_contact("Priya Raman", notes="analyst relations lead")
    store.add_channel(mateo.id, "private", "signal", "+46 70 555 0142")
    store.add_channel(priya.id, "public", "email", "priya@fastmail.com")
    search = search_of(store)
    assert search.matching_ids("tag:analyst") == {mateo.id}
    assert search.matching_ids("analyst") == {mateo.id, priya.id}
    assert search.matching_ids("@fastmail") == {priya.id}
    # A number matches the digits, with or without the trunk 0.
    assert search.matching_ids("070-555") == {mateo.id}
    assert search.matching_ids("+46 70") == {mateo.id}
    assert search.matching_ids("555 0142") == {mateo.id}
    assert search.matching_ids("0142") == {mateo.id}
    assert search.matching_ids("@proton") == set()


def test_screen_safe_finds_what_is_shown_and_never_the_hidden_name(store: Store) -> None:
    kestrel = store.add_contact("Marta Lindqvist", codename="KESTREL", org="Northwind")
    store.add_channel(kestrel.id, "private", "signal", "+46 70 555 0142")
    store.add_channel(kestrel.id, "public", "email", "marta@northwind.example")
    plain = store.add_contact("Lars Eriksen", notes="knows Marta well")
    safe = search_of(store, screen_safe=True)
    assert safe.matching_ids("marta") == set()  # neither her name nor a note
    assert safe.matching_ids("lindqvist") == set()
    assert safe.matching_ids("kestrel") == {kestrel.id}
    assert safe.scores("kestrel")[kestrel.id] is Tier.EXACT
    assert safe.matching_ids("northwind") == {kestrel.id}
    assert safe.matching_ids("0142") == set()  # a private number
    assert safe.matching_ids("@northwind") == {kestrel.id}  # a public address
    assert safe.matching_ids("lars") == {plain.id}
    revealed = search_of(store)
    assert revealed.matching_ids("marta") == {kestrel.id, plain.id}
    assert revealed.matching_ids("0142") == {kestrel.id}


def test_retired_channels_are_not_searched(store: Store) -> None:
    jo = store.add_contact("Jo Smith")
    old = store.add_channel(jo.id, "public", "email", "jo@oldjob.example")
    store.retire_channel(old.id)
    assert search_of(store).matching_ids("@oldjob") == set()


@pytest.mark.parametrize(
    ("before", "after", "narrows"),
    [
        ("mar", "mart", True),
        ("mar", "marta l", True),
        ("marta l", "marta li", True),
        ("ta", "tag:a", False),  # a tag term is another kind of word
        ("tag:a", "tag:an", True),
        ("@fast", "@fastm", True),
        ("070", "0705", True),
        ("marta", "mar", False),
        ("", "marta", False),
    ],
)
def test_a_query_narrows_only_a_query_of_its_own_kind(
    before: str, after: str, narrows: bool
) -> None:
    assert Query(after).narrows(Query(before)) is narrows
