"""Heat math for any history (DESIGN.md section 2): with no new touch a
channel's level never rises, and "ready again" is exactly the moment its
band leaves hot."""

from __future__ import annotations

from itertools import pairwise

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bchan_tui.data import Band, Channel, ChannelKind, Rung
from bchan_tui.data.domain.clock import SECONDS_PER_DAY
from bchan_tui.data.domain.heat import HOT_FROM, band_of, channel_heat, heat_from, ready_again_at

COOLING_EXAMPLES = 400
READY_AGAIN_EXAMPLES = 400

NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")
MINUTE = 60.0

half_lives = st.floats(min_value=0.05, max_value=3650, allow_nan=False)
capacities = st.floats(min_value=0.1, max_value=1000, allow_nan=False)
# Outgoing touches up to two years before now, as days ago; some on the same instant.
days_ago = st.lists(
    st.one_of(st.floats(min_value=0, max_value=730), st.sampled_from([0.0, 1.0, 14.0])),
    max_size=40,
)


def times_of(ages: list[float]) -> list[float]:
    """Ascending epoch seconds of touches ``ages`` days before now."""
    return sorted(NOW.timestamp() - age * SECONDS_PER_DAY for age in ages)


def channel(half_life: float, capacity: float) -> Channel:
    return Channel(
        id="c",
        contact_id="p",
        rung=Rung.PRIVATE,
        kind=ChannelKind.SIGNAL,
        capacity=capacity,
        half_life_days=half_life,
    )


def level_at(times: list[float], half_life: float, capacity: float, moment: float) -> float:
    return heat_from(times, half_life, moment) / capacity


@settings(max_examples=COOLING_EXAMPLES, deadline=None)
@given(
    ages=days_ago,
    half_life=half_lives,
    capacity=capacities,
    waits=st.lists(st.floats(min_value=0, max_value=400), min_size=1, max_size=6),
)
def test_the_level_never_rises_without_a_new_touch(
    ages: list[float], half_life: float, capacity: float, waits: list[float]
) -> None:
    times = times_of(ages)
    moments = [NOW.timestamp()]
    for wait in waits:
        moments.append(moments[-1] + wait * SECONDS_PER_DAY)
    levels = [level_at(times, half_life, capacity, moment) for moment in moments]
    assert all(later <= earlier for earlier, later in pairwise(levels))
    # The same through the store's path, band included: it only cools.
    heats = [
        channel_heat(channel(half_life, capacity), times, pendulum.from_timestamp(moment))
        for moment in moments
    ]
    order = [Band.COOL, Band.WARM, Band.HOT]
    for earlier, later in pairwise(heats):
        assert later.level <= earlier.level
        assert order.index(later.band) <= order.index(earlier.band)


@settings(max_examples=COOLING_EXAMPLES, deadline=None)
@given(ages=days_ago, half_life=half_lives, capacity=capacities, step=st.floats(0, 30))
def test_between_touches_the_level_only_falls(
    ages: list[float], half_life: float, capacity: float, step: float
) -> None:
    """Any two moments with no touch between them, however the history looks."""
    times = times_of(ages)
    for touch in times:
        start = touch
        end = touch + step * SECONDS_PER_DAY
        if any(start < other <= end for other in times):
            continue
        assert level_at(times, half_life, capacity, end) <= level_at(
            times, half_life, capacity, start
        )


@settings(max_examples=READY_AGAIN_EXAMPLES, deadline=None)
@given(ages=days_ago, half_life=half_lives, capacity=capacities)
def test_ready_again_is_exactly_when_the_band_leaves_hot(
    ages: list[float], half_life: float, capacity: float
) -> None:
    times = times_of(ages)
    now = NOW.timestamp()
    heat = channel_heat(channel(half_life, capacity), times, NOW)
    if heat.band is not Band.HOT:
        assert heat.ready_again_at is None
        return
    ready = heat.ready_again_at
    assert ready is not None and ready >= now
    assert ready == ready_again_at(heat.level, half_life, now)
    # At that moment the level is at the edge; hot until then, not hot after.
    assert level_at(times, half_life, capacity, ready) == pytest.approx(HOT_FROM, rel=1e-6)
    before = max(now, ready - MINUTE)
    assert band_of(level_at(times, half_life, capacity, before)) is Band.HOT
    assert band_of(level_at(times, half_life, capacity, ready + MINUTE)) is not Band.HOT
