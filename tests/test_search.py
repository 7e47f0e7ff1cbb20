"""Matching contacts: the dashboard's filter and bchan find share it."""

from __future__ import annotations

from bchan_tui.data import Store
from bchan_tui.data.domain.search import ContactSearch


def test_words_match_name_org_role_and_tags_ignoring_case_and_accents(store: Store) -> None:
    mateo = store.add_contact("Mateo García", org="Forrester", role="Analyst", tags="analyst")
    store.add_contact("Grace Liu", org="Reuters", tags="press")
    search = ContactSearch(store.contacts())
    assert search.matching_ids("garcia") == {mateo.id}
    assert search.matching_ids("FORRESTER analyst") == {mateo.id}
    assert search.matching_ids("mgc") == {mateo.id}  # letters in order
    assert search.matching_ids("nobody") == set()
    assert len(search.matching_ids("  ")) == 2


def test_substring_matches_score_above_scattered_letters(store: Store) -> None:
    tanaka = store.add_contact("Hiro Tanaka")
    scattered = store.add_contact("Tom Anders Kanaka")
    search = ContactSearch(store.contacts())
    scores = search.scores("tanaka")
    assert scores[tanaka.id] > scores[scattered.id]
    assert search.ranked("tanaka")[0] == tanaka.id
    assert search.scores("tanaka", within=[scattered.id]) == {scattered.id: scores[scattered.id]}
