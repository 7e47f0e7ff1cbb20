"""The heat indicator: how much of a channel's value recent use has spent."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from bchan_tui.data import ChannelHeat

from .display import BAND_VARIABLE, ago, band_mark, day

REFRESH_SECONDS = 60.0
"""How often "last used 3 days ago" is brought up to date."""


def heat_content(heat: ChannelHeat) -> Content:
    """The band's glyph and name coloured by band (the same mark as the
    contact list's), when the channel was last used and, for a hot one, when
    it is ready again.

    The band is always written out, so it reads the same without colour.
    """
    colour = BAND_VARIABLE[heat.band]
    parts: list[str | tuple[str, str]] = [
        (band_mark(heat.band), f"bold {colour}"),
        " · ",
        ("never used" if heat.last_used is None else f"last used {ago(heat.last_used)}"),
    ]
    if heat.ready_again is not None:
        parts += [" · ", (f"ready again {day(heat.ready_again)}", colour)]
    return Content.assemble(*parts)


class HeatIndicator(Widget):
    """A channel's heat at a glance; give it a ``ChannelHeat``.

    The times it shows are refreshed every minute while it is on screen.
    """

    DEFAULT_CSS = """
    HeatIndicator {
        width: 1fr;
        height: auto;
    }
    """

    heat: reactive[ChannelHeat | None] = reactive(None, layout=True)

    def __init__(
        self,
        heat: ChannelHeat | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(HeatIndicator.heat, heat)

    def on_mount(self) -> None:
        self.watch_heat(self.heat)
        self.set_interval(REFRESH_SECONDS, self.refresh)

    def watch_heat(self, heat: ChannelHeat | None) -> None:
        for band in ("cool", "warm", "hot"):
            self.set_class(heat is not None and heat.band.value == band, f"-{band}")

    def render(self) -> Content:
        if self.heat is None:
            return Content("")
        return heat_content(self.heat)
