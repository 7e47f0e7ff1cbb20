"""Heat of a channel from its recent use (DESIGN.md section 2).

Every outgoing touch adds one unit that halves every ``half_life_days``:
``heat = sum(0.5 ** (age_days / half_life_days))``; ``level = heat / capacity``.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence

from pendulum import DateTime

from .clock import SECONDS_PER_DAY, epoch
from .models import Band, Channel, ChannelHeat

WARM_FROM = 0.25
HOT_FROM = 0.5

# After this many half-lives a touch adds less than 1e-12 to the heat; older
# touches are skipped so heat costs the same after years of history.
_NEGLIGIBLE_HALF_LIVES = 40


def heat_from(out_times: Sequence[float], half_life_days: float, now: float) -> float:
    """Heat at ``now`` from the ascending epoch seconds of outgoing touches.

    Touches after ``now`` do not count yet.
    """
    half_life_seconds = half_life_days * SECONDS_PER_DAY
    horizon = now - _NEGLIGIBLE_HALF_LIVES * half_life_seconds
    heat = 0.0
    for index in range(bisect_right(out_times, now) - 1, -1, -1):
        at = out_times[index]
        if at < horizon:
            break
        heat += 0.5 ** ((now - at) / half_life_seconds)
    return heat


def band_of(level: float) -> Band:
    """cool below 0.25, warm from 0.25, hot from 0.5."""
    if level >= HOT_FROM:
        return Band.HOT
    if level >= WARM_FROM:
        return Band.WARM
    return Band.COOL


def ready_again_at(level: float, half_life_days: float, now: float) -> float | None:
    """When a hot channel leaves the hot band with no new use (epoch seconds).

    Heat decays as one exponential, so level(t) = level * 0.5 ** (t / h) and it
    reaches 0.5 after h * log2(level / 0.5). None when the channel is not hot.
    """
    if level < HOT_FROM:
        return None
    return now + half_life_days * math.log2(level / HOT_FROM) * SECONDS_PER_DAY


def channel_heat(channel: Channel, out_times: Sequence[float], now: DateTime) -> ChannelHeat:
    """The heat, level, band, last use and ready-again time of one channel."""
    return heat_at(channel, out_times, epoch(now))


def heat_at(channel: Channel, out_times: Sequence[float], now_ts: float) -> ChannelHeat:
    """``channel_heat`` at ``now_ts`` epoch seconds: a caller working out many
    channels' heat converts the moment once."""
    half_life_days = channel.half_life_days
    heat = heat_from(out_times, half_life_days, now_ts)
    level = heat / channel.capacity
    last = bisect_right(out_times, now_ts)
    # Positional, and the band worked out here: the contact list and an
    # export work out the heat of every channel of the book.
    if level >= HOT_FROM:
        band = Band.HOT
        ready: float | None = ready_again_at(level, half_life_days, now_ts)
    else:
        band = Band.WARM if level >= WARM_FROM else Band.COOL
        ready = None
    return ChannelHeat(heat, level, band, out_times[last - 1] if last else None, ready)
