"""Heat, level, bands and ready-again, with exact numbers at the band edges."""

from __future__ import annotations

import math

import pendulum
import pytest

from bchan_tui.data import Band, Store
from bchan_tui.data.domain.heat import band_of, heat_from, ready_again_at

DAY = 86_400.0
NOW = 1_000 * DAY


def ages(*days: float) -> list[float]:
    """Ascending touch times, ``days`` ago each."""
    return sorted(NOW - d * DAY for d in days)


def test_one_touch_now_is_one_unit() -> None:
    assert heat_from(ages(0), 14, NOW) == 1.0


def test_one_private_use_exactly_fourteen_days_ago_is_at_level_half() -> None:
    level = heat_from(ages(14), 14, NOW) / 1
    assert level == 0.5
    assert band_of(level) is Band.HOT


def test_one_private_use_is_warm_for_fourteen_more_days() -> None:
    assert band_of(heat_from(ages(14.01), 14, NOW)) is Band.WARM
    assert heat_from(ages(28), 14, NOW) == 0.25
    assert band_of(0.25) is Band.WARM
    assert band_of(heat_from(ages(28.01), 14, NOW)) is Band.COOL


def test_band_edges() -> None:
    assert band_of(0.0) is Band.COOL
    assert band_of(0.2499999) is Band.COOL
    assert band_of(0.25) is Band.WARM
    assert band_of(0.4999999) is Band.WARM
    assert band_of(0.5) is Band.HOT
    assert band_of(3.0) is Band.HOT


def test_two_uses_in_a_week_keep_a_private_channel_hot_about_25_days() -> None:
    # Uses on day 0 and day 7; hot while 0.5**(T/14) * (1 + 0.5**0.5) >= 0.5.
    limit = 14 * math.log2(2 * (1 + 0.5**0.5))
    assert limit == pytest.approx(24.80, abs=0.01)
    assert band_of(heat_from(ages(24.7, 24.7 + 7), 14, NOW)) is Band.HOT
    assert band_of(heat_from(ages(24.9, 24.9 + 7), 14, NOW)) is Band.WARM


def test_three_emails_in_a_day_make_a_public_channel_hot() -> None:
    level = heat_from(ages(0, 0.5, 1), 3, NOW) / 5
    assert level == pytest.approx((1 + 0.5 ** (1 / 6) + 0.5 ** (1 / 3)) / 5)
    assert band_of(level) is Band.HOT


def test_future_touches_do_not_count_yet() -> None:
    assert heat_from([NOW + DAY], 14, NOW) == 0.0


def test_ready_again_is_when_the_level_falls_to_half() -> None:
    level = heat_from(ages(0), 14, NOW)  # 1.0, one half-life above the edge
    ready = ready_again_at(level, 14, NOW)
    assert ready == NOW + 14 * DAY
    assert heat_from(ages(0), 14, NOW + 14 * DAY) == pytest.approx(0.5)
    assert ready_again_at(0.49, 14, NOW) is None


def test_ready_again_at_exactly_half_is_now() -> None:
    assert ready_again_at(0.5, 14, NOW) == NOW


def test_store_reports_heat_last_used_and_ready_again(
    store: Store, frozen: pendulum.DateTime
) -> None:
    contact = store.add_contact("Marta")
    signal = store.add_channel(contact.id, "private", "signal", "+46 70 555 0142")
    store.log_touch(contact.id, signal.id, reason="cannot wait", at=frozen.subtract(days=7))
    heat = store.channel_heat(signal.id)
    assert heat.level == pytest.approx(0.5**0.5)
    assert heat.band is Band.HOT
    assert heat.last_used == frozen.subtract(days=7)
    assert heat.ready_again == frozen.add(days=7)
    assert heat.last_used is not None
    assert heat.last_used.diff_for_humans() == "1 week ago"


def test_incoming_touches_add_no_heat(store: Store, frozen: pendulum.DateTime) -> None:
    contact = store.add_contact("Marta")
    email = store.add_channel(contact.id, "public", "email", "m@example.org")
    store.log_touch(contact.id, email.id, direction="in", at=frozen)
    assert store.channel_heat(email.id).heat == 0.0
