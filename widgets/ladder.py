"""A contact's ladder: three rungs, their channels in rank order, each with
its heat; a cursor picks the channel that edits, retires and moves act on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from bchan_tui.data import LadderStep, Rung
from bchan_tui.data.domain.models import RUNG_ORDER

from .display import kind_name, shown_address
from .heat import HeatIndicator

RUNG_TITLES = {
    Rung.RELATIONSHIP: "1 · relationship",
    Rung.PRIVATE: "2 · private address",
    Rung.PUBLIC: "3 · public",
}


def ladder_in_rank_order(steps: Sequence[LadderStep]) -> list[LadderStep]:
    """Rungs strongest first, channels by their rank inside each rung."""
    position = {rung: i for i, rung in enumerate(RUNG_ORDER)}
    return sorted(steps, key=lambda s: (position[s.channel.rung], s.channel.rank))


def channel_line(step: LadderStep, number: int) -> Content:
    """ "2. email (work) ★ they prefer · 2 of 3 answered since 3 Oct": which
    channel, as the user labelled it, and how often it got an answer."""
    channel = step.channel
    parts: list[str | tuple[str, str]] = [
        (f"{number}. ", "$text-muted"),
        (kind_name(channel.kind), "bold"),
    ]
    if channel.label:
        parts += [" ", (f"({channel.label})", "$text-muted")]
    if channel.their_preference:
        parts += [" ", ("★ they prefer", "$accent")]
    replies = step.replies
    if replies.sent:
        # The last 90 days: a public channel that stops getting answers
        # has decayed, and reach now passes it by.
        style = "$error" if replies.decayed else "$text-muted"
        parts += [" · ", (replies.describe(), style)]
    return Content.assemble(*parts)


class ChannelCard(Vertical):
    """One channel on the ladder: what and where, its terms, its heat."""

    DEFAULT_CSS = """
    ChannelCard {
        height: auto;
        padding: 0 1;
        &.-cursor { background: $boost; }
        & > .channel-address { padding-left: 3; }
        & > .channel-terms { color: $text-muted; padding-left: 3; }
        & > HeatIndicator { padding-left: 3; }
    }
    """

    def __init__(
        self, step: LadderStep, number: int, *, screen_safe: bool, every_rung: bool = False
    ) -> None:
        super().__init__(classes="channel-card")
        self.step = step
        self.number = number
        self.screen_safe = screen_safe
        self.every_rung = every_rung

    def compose(self) -> ComposeResult:
        channel = self.step.channel
        yield Static(channel_line(self.step, self.number), classes="channel-line")
        # On a line of its own, so a long address wraps under itself.
        address = shown_address(channel, screen_safe=self.screen_safe, every_rung=self.every_rung)
        if address:
            yield Static(Content(address), classes="channel-address")
        if channel.terms:
            yield Static(
                Content.assemble(("terms: ", "italic"), channel.terms),
                classes="channel-terms",
            )
        yield HeatIndicator(self.step.heat)


class LadderView(VerticalScroll, can_focus=True):
    """The ladder of one contact. Give it ``steps``; it posts ``Highlighted``
    with the channel under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="ladder.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="ladder.down"),
        Binding("g,home", "cursor_first", "First", show=False, id="ladder.first"),
        Binding("G,end", "cursor_last", "Last", show=False, id="ladder.last"),
    ]

    DEFAULT_CSS = """
    LadderView {
        height: 1fr;
        & > .rung-title { color: $text-accent; text-style: bold; padding: 0 1; margin-top: 1; }
        & > .rung-title.-first { margin-top: 0; }
        & > .rung-empty { color: $text-muted; padding: 0 3; }
        &:focus > ChannelCard.-cursor { background: $block-cursor-blurred-background; }
    }
    """

    steps: reactive[tuple[LadderStep, ...]] = reactive((), recompose=True)
    screen_safe: reactive[bool] = reactive(False, recompose=True)
    # While screen-safe, mask the public rungs too: the contact's identity is hidden.
    mask_every_rung: reactive[bool] = reactive(False, recompose=True)

    @dataclass
    class Highlighted(Message):
        """The cursor is on this channel (None when the ladder is empty)."""

        channel_id: str | None

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._cursor_id: str | None = None

    @property
    def ordered(self) -> list[LadderStep]:
        return ladder_in_rank_order(self.steps)

    @property
    def highlighted_step(self) -> LadderStep | None:
        return next((s for s in self.steps if s.channel.id == self._cursor_id), None)

    def watch_steps(self, steps: tuple[LadderStep, ...]) -> None:
        # Decided here rather than in compose, which runs later: the cursor
        # must be right as soon as the steps are.
        if self._cursor_id not in {s.channel.id for s in steps}:
            ordered = self.ordered
            self._cursor_id = ordered[0].channel.id if ordered else None
            self.post_message(self.Highlighted(self._cursor_id))

    def compose(self) -> ComposeResult:
        ordered = self.ordered
        for position, rung in enumerate(RUNG_ORDER):
            classes = "rung-title -first" if position == 0 else "rung-title"
            yield Static(RUNG_TITLES[rung], classes=classes)
            on_rung = [s for s in ordered if s.channel.rung is rung]
            if not on_rung:
                yield Static("none", classes="rung-empty")
            for number, step in enumerate(on_rung, 1):
                card = ChannelCard(
                    step, number, screen_safe=self.screen_safe, every_rung=self.mask_every_rung
                )
                card.set_class(step.channel.id == self._cursor_id, "-cursor")
                yield card

    def select_channel(self, channel_id: str | None) -> None:
        """Put the cursor on a channel (it stays there across refreshes)."""
        self._cursor_id = channel_id
        for card in self.query(ChannelCard):
            card.set_class(card.step.channel.id == channel_id, "-cursor")
            if card.step.channel.id == channel_id:
                self.scroll_to_widget(card, animate=False)
        self.post_message(self.Highlighted(channel_id))

    def _move(self, offset: int | None = None, *, to: int | None = None) -> None:
        ids = [s.channel.id for s in self.ordered]
        if not ids:
            return
        if to is not None:
            index = to
        else:
            current = ids.index(self._cursor_id) if self._cursor_id in ids else 0
            index = current + (offset or 0)
        self.select_channel(ids[min(max(index, 0), len(ids) - 1)])

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_cursor_down(self) -> None:
        self._move(+1)

    def action_cursor_first(self) -> None:
        self._move(to=0)

    def action_cursor_last(self) -> None:
        self._move(to=len(self.steps) - 1)
