"""The cheap conversions from epoch seconds give what pendulum gives: the
export and the contact list use them on tens of thousands of times, and a
document must not change by a day at a boundary."""

from __future__ import annotations

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from bchan_tui.data.domain.clock import day_and_month, from_epoch

EXAMPLES = 500

# Whole seconds near a microsecond's rounding, and any time up to 2100.
near_boundaries = st.builds(
    lambda second, fraction: second + fraction,
    st.integers(min_value=0, max_value=4_102_444_800).map(float),
    st.sampled_from([0.0, 0.4999995, 0.5, 0.9999994, 0.9999995, 0.9999996]),
)
epochs = st.one_of(
    st.floats(min_value=0, max_value=4_102_444_800, allow_nan=False), near_boundaries
)


@settings(max_examples=EXAMPLES)
@given(epochs)
def test_from_epoch_is_pendulums_from_timestamp(epoch: float) -> None:
    expected = pendulum.from_timestamp(epoch)
    moment = from_epoch(epoch)
    assert type(moment) is type(expected)
    assert repr(moment) == repr(expected)
    assert moment.timestamp() == expected.timestamp()
    assert moment.tzinfo is expected.tzinfo


@settings(max_examples=EXAMPLES)
@given(epochs)
def test_day_and_month_is_pendulums_format(epoch: float) -> None:
    assert day_and_month(epoch) == pendulum.from_timestamp(epoch).format("D MMM")


def test_a_time_rounded_up_to_midnight_is_the_next_day() -> None:
    last_microsecond = pendulum.datetime(2054, 6, 13, 23, 59, 59).timestamp() + 0.9999995
    assert day_and_month(last_microsecond) == "14 Jun"
