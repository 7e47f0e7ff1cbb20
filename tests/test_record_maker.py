"""Records decoded with ``record_maker`` are the records their constructor
makes, and a maker declared in the wrong field order refuses to exist."""

from __future__ import annotations

import pendulum
import pytest

from bchan_tui.data.domain.models import Direction, Outcome, Touch, Urgency
from bchan_tui.data.domain.records import record_maker

AT = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")
ORDER = "id contact_id channel_id at direction urgency reason note outcome"


def test_a_made_record_equals_the_constructed_one() -> None:
    make = record_maker(Touch, ORDER)
    made = make("t", "c", "ch", AT, Direction.IN, Urgency.URGENT, "why", "", Outcome.REPLIED)
    built = Touch(
        id="t",
        contact_id="c",
        channel_id="ch",
        at=AT,
        direction=Direction.IN,
        urgency=Urgency.URGENT,
        reason="why",
        outcome=Outcome.REPLIED,
    )
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    with pytest.raises(AttributeError):
        made.note = "changed"  # type: ignore[misc]


def test_a_maker_in_the_wrong_order_is_refused() -> None:
    with pytest.raises(TypeError, match="Touch fields are"):
        record_maker(Touch, "contact_id id channel_id at direction urgency reason note outcome")


def test_a_record_with_a_missing_value_is_refused() -> None:
    make = record_maker(Touch, ORDER)
    with pytest.raises(TypeError, match="takes 9 values, not 8"):
        make("t", "c", "ch", AT, Direction.IN, Urgency.URGENT, "why", "")
