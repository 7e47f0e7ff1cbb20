"""A contact's recent touches, newest first, two lines each; a cursor picks
the touch an outcome, an edit or a deletion acts on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.message import Message
from textual.strip import Strip

from bchan_tui.data import Channel, Direction, Outcome, Touch, Urgency

from .cursor_list import CursorList
from .display import AGO_WIDTH, ago, fit, kind_name
from .heat import REFRESH_SECONDS

OUTCOME_WORDS = {
    Outcome.PENDING: "pending",
    Outcome.REPLIED: "replied",
    Outcome.NO_REPLY: "no reply",
}


def touch_way(touch: Touch, channel: Channel | None) -> str:
    """ "→ out public email" or "← in  a removed channel"."""
    arrow = "→ out" if touch.direction is Direction.OUT else "← in "
    way = f"{channel.rung.value} {kind_name(channel.kind)}" if channel else "a removed channel"
    return f"{arrow} {way}"


class RecentTouches(CursorList):
    """The newest touches of one contact. Give them with ``show``; it posts
    ``Highlighted`` with the touch under the cursor."""

    ITEM_LINES = 2

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "touch-list--cursor",
        "touch-list--muted",
        "touch-list--urgent",
        "touch-list--replied",
        "touch-list--no-reply",
    }

    DEFAULT_CSS = """
    RecentTouches {
        height: 1fr;
        & > .touch-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .touch-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .touch-list--muted { color: $text-muted; }
        & > .touch-list--urgent { color: $warning; }
        & > .touch-list--replied { color: $success; }
        & > .touch-list--no-reply { color: $error; }
    }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor is on this touch (None when there is none)."""

        touch_id: str | None

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._touches: list[Touch] = []
        self.channels: Mapping[str, Channel] = {}
        self._loaded = False

    def on_mount(self) -> None:
        # "3 days ago" stays true while the screen stands open.
        self.set_interval(REFRESH_SECONDS, self.refresh)

    def show(
        self,
        touches: Sequence[Touch],
        channels: Mapping[str, Channel],
        select: str | None = None,
    ) -> None:
        """Show these touches (newest first); ``channels`` names the channels
        they went through. The cursor stays on its touch, or moves to ``select``."""
        chosen = select or (self.highlighted_touch.id if self.highlighted_touch else None)
        self.channels = channels
        self._touches = list(touches)
        self._loaded = True
        self._cursor = next((i for i, t in enumerate(self._touches) if t.id == chosen), 0)
        self.items_changed()
        highlighted = self.highlighted_touch
        self.post_message(self.Highlighted(highlighted.id if highlighted else None))

    @property
    def touches(self) -> tuple[Touch, ...]:
        return tuple(self._touches)

    @property
    def highlighted_touch(self) -> Touch | None:
        return self._touches[self._cursor] if self._touches else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing to open: Enter belongs to the screen (it edits the touch).
        return action != "select"

    def item_count(self) -> int:
        return len(self._touches)

    def cursor_landed(self, index: int) -> None:
        self.post_message(self.Highlighted(self._touches[index].id))

    def empty_message(self) -> str:
        return " No touches yet: l logs one." if self._loaded else " Loading…"

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"touch-list--{name}", partial=True)

    def render_item_line(self, index: int, line: int, width: int, highlighted: bool) -> Strip:
        touch = self._touches[index]
        base = (
            self.get_component_rich_style("touch-list--cursor") if highlighted else self.rich_style
        )
        if line == 1:
            # Shown literally: a segment's text is never read as markup. A
            # note of many lines is one line here.
            why = f"why: {touch.reason}" if touch.reason else ""
            said = " ".join(" · ".join(part for part in (why, touch.note) if part).split())
            return Strip([Segment(fit("   " + said, width), base + self._style("muted"))])
        segments = [
            Segment(f" {ago(touch.at):<{AGO_WIDTH}}", base + self._style("muted")),
            Segment(touch_way(touch, self.channels.get(touch.channel_id)), base),
        ]
        if touch.urgency is not Urgency.ROUTINE:
            segments += [
                Segment("  ", base),
                Segment(touch.urgency.value, base + self._style("urgent")),
            ]
        if touch.direction is Direction.OUT:
            accent = {Outcome.REPLIED: "replied", Outcome.NO_REPLY: "no-reply"}.get(
                touch.outcome, "muted"
            )
            style = base if highlighted else base + self._style(accent)
            segments += [Segment("  ", base), Segment(OUTCOME_WORDS[touch.outcome], style)]
        return Strip(segments).crop_extend(0, width, base)
