"""The warning shown before a hot channel is used again: the shell's
``bchan log`` and the dashboard's log dialog say the same thing."""

from __future__ import annotations

from .models import Band, Channel, ChannelHeat, Rung

READY_DATE_FORMAT = "D MMM YYYY"


def hot_channel_warning(channel: Channel, heat: ChannelHeat) -> str | None:
    """A one-line warning when the channel is in the hot band, else None."""
    if heat.band is not Band.HOT:
        return None
    ready = heat.ready_again
    when = f" (ready again on {ready.format(READY_DATE_FORMAT)})" if ready else ""
    cost = (
        "another use spends more of a back channel"
        if channel.rung is Rung.PRIVATE
        else "another use keeps it hot longer"
    )
    return f"{channel.describe()} is hot{when}; {cost}"
