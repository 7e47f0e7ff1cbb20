"""The store API under hostile input, continued: touches, intel and
accounts, and edits of channels and accounts (see test_store_properties)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bchan_tui.data import (
    Direction,
    IntelDirection,
    IntelStatus,
    Outcome,
    Rung,
    Sensitivity,
    Urgency,
)

from .oracles import (
    REFUSED,
    block_of,
    choice_of,
    line_of,
    positive_of,
)
from .store_harness import (
    choice_or_anything,
    expect,
    fresh_store,
    line_field,
    reopened,
)
from .strategies import anything, mostly, numbers

# Examples per property, sized so this file runs in about half a minute.
UPDATE_EXAMPLES = 150
TOUCH_EXAMPLES = 150
INTEL_EXAMPLES = 150
ACCOUNT_EXAMPLES = 100


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
        channel = store.add_channel(
            contact.id, Rung.PRIVATE if private else Rung.PUBLIC, "email", "a@b.example"
        )
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
        if outcomes.get("address") == "":
            outcomes["address"] = REFUSED  # an email channel needs an address
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
