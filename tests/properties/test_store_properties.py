"""The store API under hostile input: every text field takes arbitrary
Unicode, huge and empty strings, control characters, markup and escape
sequences. Valid input is stored and read back exactly as cleaned, also
after the file is closed and opened again; invalid input raises
``ValidationError`` with a readable message and changes nothing; no other
exception escapes."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from bchan_tui.data import (
    ChannelKind,
    Direction,
    IntelDirection,
    IntelStatus,
    Outcome,
    Rung,
    Sensitivity,
    Store,
    Urgency,
    ValidationError,
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
from .strategies import any_text, anything, is_clean_block, is_clean_line, mostly, numbers

# Examples per property, sized so this file runs in about half a minute.
CONTACT_EXAMPLES = 200
UPDATE_EXAMPLES = 150
CHANNEL_EXAMPLES = 150
TOUCH_EXAMPLES = 150
INTEL_EXAMPLES = 150
ACCOUNT_EXAMPLES = 100


@contextmanager
def fresh_store() -> Iterator[Store]:
    """A new book in its own folder: examples never see each other's data."""
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "book.json") as store:
        yield store


def reopened(store: Store) -> Store:
    """The same file after the session closed (which folds its journal into
    the book) and a new one opened it: what a restart reads."""
    store.close()
    return Store(store.path, read_only=True)


def expect(outcomes: Mapping[str, object], call: Callable[[], Any]) -> Any:
    """Run ``call``; it must fail with a readable ``ValidationError`` exactly
    when some field's outcome is ``REFUSED``. Returns what it returned."""
    refused = [name for name, outcome in outcomes.items() if outcome is REFUSED]
    try:
        result = call()
    except ValidationError as error:
        assert refused, f"valid input refused: {error} ({dict(outcomes)!r})"
        assert_readable(error)
        event(f"refused: {error.field}")
        return None
    assert not refused, f"accepted though {refused} should be refused"
    event("accepted")
    return result


def assert_readable(error: ValidationError) -> None:
    message = str(error)
    assert error.field
    assert 0 < len(message) < 200
    assert message.isprintable()
    # The message names the field; it never echoes the (possibly huge) value.
    assert message[:1].isalpha()


line_field = anything


def choice_or_anything(kind: type[StrEnum]) -> st.SearchStrategy[object]:
    """A valid choice (as the enum or as text in any case), now and then anything."""
    valid = st.sampled_from(list(kind))
    as_text = valid.map(lambda member: f" {member.value.upper()} ")
    return mostly(st.one_of(valid, as_text), anything, 6)


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


# --- touches ------------------------------------------------------------------------


@settings(max_examples=TOUCH_EXAMPLES, deadline=None)
@given(
    private=st.booleans(),
    direction=choice_or_anything(Direction),
    urgency=choice_or_anything(Urgency),
    outcome=choice_or_anything(Outcome),
    reason=line_field,
    note=line_field,
)
def test_a_touch_reads_back_as_cleaned_or_is_refused(
    private: bool,
    direction: object,
    urgency: object,
    outcome: object,
    reason: object,
    note: object,
) -> None:
    outcomes = {
        "direction": choice_of(Direction, direction),
        "urgency": choice_of(Urgency, urgency),
        "outcome": choice_of(Outcome, outcome),
        "reason": block_of(reason, 2000),
        "note": block_of(note, 2000),
    }
    if private and outcomes["direction"] is Direction.OUT and outcomes["reason"] == "":
        outcomes["reason"] = REFUSED  # why not a public channel?
    with fresh_store() as store:
        contact = store.add_contact("Marta")
        channel = store.add_channel(contact.id, Rung.PRIVATE if private else Rung.PUBLIC, "email")
        touch = expect(
            outcomes,
            lambda: store.log_touch(
                contact.id,
                channel.id,
                direction=direction,  # type: ignore[arg-type]
                urgency=urgency,  # type: ignore[arg-type]
                outcome=outcome,  # type: ignore[arg-type]
                reason=reason,  # type: ignore[arg-type]
                note=note,  # type: ignore[arg-type]
            ),
        )
        if touch is None:
            assert store.touches_of(contact.id) == []
            return
        for field, expected in outcomes.items():
            assert getattr(touch, field) == expected, field
        with reopened(store) as again:
            assert again.touches_of(contact.id) == [touch]


# --- intel and accounts -----------------------------------------------------------------


@settings(max_examples=INTEL_EXAMPLES, deadline=None)
@given(
    direction=choice_or_anything(IntelDirection),
    summary=line_field,
    sensitivity=choice_or_anything(Sensitivity),
    status=choice_or_anything(IntelStatus),
    unique=mostly(st.one_of(st.none(), st.booleans()), anything, 6),
)
def test_intel_reads_back_as_cleaned_or_is_refused(
    direction: object, summary: object, sensitivity: object, status: object, unique: object
) -> None:
    outcomes = {
        "direction": choice_of(IntelDirection, direction),
        "summary": line_of(summary, 200, required=True),
        "sensitivity": choice_of(Sensitivity, sensitivity),
        "status": choice_of(IntelStatus, status),
        "unique": unique if unique is None or isinstance(unique, bool) else REFUSED,
    }
    if outcomes["direction"] is IntelDirection.GIVEN:
        # Only received intel is verified, or unique: a given item carries neither.
        if outcomes["status"] not in (IntelStatus.UNVERIFIED, REFUSED):
            outcomes["status"] = REFUSED
        if outcomes["unique"] is not None:
            outcomes["unique"] = REFUSED
    with fresh_store() as store:
        contact = store.add_contact("Marta")
        item = expect(
            outcomes,
            lambda: store.record_intel(
                contact.id,
                direction,  # type: ignore[arg-type]
                summary,  # type: ignore[arg-type]
                sensitivity=sensitivity,  # type: ignore[arg-type]
                status=status,  # type: ignore[arg-type]
                unique=unique,  # type: ignore[arg-type]
            ),
        )
        if item is None:
            assert store.intel_of(contact.id) == []
            return
        for field, expected in outcomes.items():
            assert getattr(item, field) == expected, field
        changed = store.update_intel(item.id, summary=f"{item.summary[:150]} again")
        with reopened(store) as again:
            assert again.intel_of(contact.id) == [changed]


@settings(max_examples=ACCOUNT_EXAMPLES, deadline=None)
@given(name=line_field, official_process=line_field, notes=line_field)
def test_an_account_reads_back_as_cleaned_or_is_refused(
    name: object, official_process: object, notes: object
) -> None:
    outcomes = {
        "name": line_of(name, 200, required=True),
        "official_process": block_of(official_process, 2000),
        "notes": block_of(notes, 10_000),
    }
    with fresh_store() as store:
        account = expect(
            outcomes,
            lambda: store.add_account(name, official_process=official_process, notes=notes),  # type: ignore[arg-type]
        )
        if account is None:
            assert store.accounts() == []
            return
        for field, expected in outcomes.items():
            assert getattr(account, field) == expected, field
        with reopened(store) as again:
            assert again.account(account.id) == account


@settings(max_examples=UPDATE_EXAMPLES, deadline=None)
@given(
    changes=st.fixed_dictionaries(
        {},
        optional={
            "address": line_field,
            "label": line_field,
            "terms": line_field,
            "capacity": numbers,
            "half_life_days": numbers,
        },
    ),
    account_changes=st.fixed_dictionaries(
        {}, optional={"name": line_field, "official_process": line_field, "notes": line_field}
    ),
)
def test_a_channel_or_account_edit_reads_back_or_leaves_it_as_it_was(
    changes: dict[str, object], account_changes: dict[str, object]
) -> None:
    rules = {
        "address": lambda v: line_of(v, 320),
        "label": lambda v: line_of(v, 100),
        "terms": lambda v: block_of(v, 2000),
        "capacity": lambda v: positive_of(v, 1000),
        "half_life_days": lambda v: positive_of(v, 3650),
        "name": lambda v: line_of(v, 200, required=True),
        "official_process": lambda v: block_of(v, 2000),
        "notes": lambda v: block_of(v, 10_000),
    }
    with fresh_store() as store:
        contact = store.add_contact("Marta")
        channel = store.add_channel(contact.id, Rung.PUBLIC, "email", "m@northwind.example")
        account = store.add_account("Northwind", official_process="RFP in March")
        stored = store.path.read_bytes()
        outcomes = {field: rules[field](value) for field, value in changes.items()}
        edited = expect(outcomes, lambda: store.update_channel(channel.id, **changes))
        if edited is None:
            assert store.channel(channel.id) == channel
            assert store.path.read_bytes() == stored
        else:
            for field, outcome in outcomes.items():
                assert getattr(edited, field) == outcome, field
        outcomes = {field: rules[field](value) for field, value in account_changes.items()}
        renamed = expect(outcomes, lambda: store.update_account(account.id, **account_changes))
        if renamed is None:
            assert store.account(account.id) == account
        else:
            for field, outcome in outcomes.items():
                assert getattr(renamed, field) == outcome, field
        expected = (store.channel(channel.id), store.account(account.id))
        with reopened(store) as again:
            assert (again.channel(channel.id), again.account(account.id)) == expected
