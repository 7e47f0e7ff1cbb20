"""The store API under hostile input: every text field takes arbitrary
Unicode, huge and empty strings, control characters, markup and escape
sequences. Valid input is stored and read back exactly as cleaned, also
after the file is closed and opened again; invalid input raises
``ValidationError`` with a readable message and changes nothing; no other
exception escapes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bchan_tui.data import (
    ChannelKind,
    Rung,
)

from .oracles import (
    REFUSED,
    block_of,
    choice_of,
    line_of,
    positive_of,
    tags_of,
    whole_of,
)
from .store_harness import (
    choice_or_anything,
    expect,
    fresh_store,
    line_field,
    reopened,
)
from .strategies import any_text, anything, is_clean_block, is_clean_line, mostly, numbers

# Examples per property, sized so this file runs in about half a minute.
CONTACT_EXAMPLES = 200
UPDATE_EXAMPLES = 150
CHANNEL_EXAMPLES = 150


# --- contacts ---------------------------------------------------------------------


@settings(max_examples=CONTACT_EXAMPLES, deadline=None)
@given(
    name=line_field,
    codename=line_field,
    org=line_field,
    role=line_field,
    notes=line_field,
    intention=line_field,
    tags=st.one_of(any_text(), st.lists(any_text(8), max_size=4), st.none()),
    strength=numbers,
    cadence_days=numbers,
)
def test_a_contact_reads_back_as_cleaned_or_is_refused(
    name: object,
    codename: object,
    org: object,
    role: object,
    notes: object,
    intention: object,
    tags: object,
    strength: object,
    cadence_days: object,
) -> None:
    outcomes = {
        "name": line_of(name, 200, required=True),
        "codename": line_of(codename, 200),
        "org": line_of(org, 200),
        "role": line_of(role, 200),
        "notes": block_of(notes, 10_000),
        "intention": block_of(intention, 2000),
        "tags": tags_of(tags),
        "strength": whole_of(strength, 0, 5),
        "cadence_days": whole_of(cadence_days, 1, 3650),
    }
    fields = {
        "codename": codename,
        "org": org,
        "role": role,
        "notes": notes,
        "intention": intention,
        "tags": tags,
        "strength": strength,
        "cadence_days": cadence_days,
    }
    with fresh_store() as store:
        contact = expect(outcomes, lambda: store.add_contact(name, **fields))  # type: ignore[arg-type]
        if contact is None:
            assert store.contacts() == []
            return
        for field, outcome in outcomes.items():
            assert getattr(contact, field) == outcome, field
        for field in ("name", "codename", "org", "role"):
            assert is_clean_line(getattr(contact, field))
        assert is_clean_block(contact.notes) and is_clean_block(contact.intention)
        assert all(is_clean_line(tag) for tag in contact.tags)
        assert store.contact(contact.id) == contact
        with reopened(store) as again:
            assert again.contact(contact.id) == contact


@settings(max_examples=UPDATE_EXAMPLES, deadline=None)
@given(
    changes=st.dictionaries(
        st.sampled_from(["name", "codename", "org", "role", "notes", "intention"]),
        line_field,
        min_size=1,
        max_size=3,
    )
)
def test_an_edit_reads_back_as_cleaned_or_leaves_the_contact_as_it_was(
    changes: dict[str, object],
) -> None:
    limits = {"notes": 10_000, "intention": 2000}
    outcomes = {
        field: block_of(value, limits[field])
        if field in limits
        else line_of(value, 200, required=field == "name")
        for field, value in changes.items()
    }
    with fresh_store() as store:
        before = store.add_contact("Marta", org="Northwind", notes="first")
        stored = store.path.read_bytes()
        after = expect(outcomes, lambda: store.update_contact(before.id, **changes))
        if after is None:
            assert store.contact(before.id) == before
            assert store.path.read_bytes() == stored
            return
        for field, outcome in outcomes.items():
            assert getattr(after, field) == outcome, field
        with reopened(store) as again:
            assert again.contact(before.id) == after


# --- channels -----------------------------------------------------------------------


@settings(max_examples=CHANNEL_EXAMPLES, deadline=None)
@given(
    rung=choice_or_anything(Rung),
    kind=choice_or_anything(ChannelKind),
    address=line_field,
    label=line_field,
    terms=line_field,
    capacity=numbers,
    half_life_days=numbers,
    their_preference=mostly(st.booleans(), anything, 6),
)
def test_a_channel_reads_back_as_cleaned_or_is_refused(
    rung: object,
    kind: object,
    address: object,
    label: object,
    terms: object,
    capacity: object,
    half_life_days: object,
    their_preference: object,
) -> None:
    outcomes = {
        "rung": choice_of(Rung, rung),
        "kind": choice_of(ChannelKind, kind),
        "address": line_of(address, 320),
        "label": line_of(label, 100),
        "terms": block_of(terms, 2000),
        "capacity": positive_of(capacity, 1000),
        "half_life_days": positive_of(half_life_days, 3650),
        "their_preference": their_preference if isinstance(their_preference, bool) else REFUSED,
    }
    # Only in person may have no address to reach the person at.
    if outcomes["kind"] not in (REFUSED, ChannelKind.IN_PERSON) and outcomes["address"] == "":
        outcomes["address"] = REFUSED
    with fresh_store() as store:
        contact = store.add_contact("Marta")
        channel = expect(
            outcomes,
            lambda: store.add_channel(
                contact.id,
                rung,  # type: ignore[arg-type]
                kind,  # type: ignore[arg-type]
                address,  # type: ignore[arg-type]
                label=label,
                terms=terms,
                capacity=capacity,
                half_life_days=half_life_days,
                their_preference=their_preference,
            ),
        )
        if channel is None:
            assert store.channels() == []
            return
        for field, outcome in outcomes.items():
            assert getattr(channel, field) == outcome, field
        assert is_clean_line(channel.address) and is_clean_line(channel.label)
        with reopened(store) as again:
            assert again.channel(channel.id) == channel
