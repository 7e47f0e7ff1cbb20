"""Log a touch: the channel reach now picks is preselected; a private channel
asks why, and a hot one asks to confirm. The time ("yesterday 15:00") is
read as it is typed, and shown resolved before saving."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.widgets import Input, Select, Static

from bchan_tui.data import (
    Band,
    ContactDetail,
    Direction,
    LadderStep,
    Outcome,
    Rung,
    Touch,
    Urgency,
    ValidationError,
)
from bchan_tui.data.domain.clock import now as clock_now
from bchan_tui.data.domain.touch_warning import hot_channel_warning
from bchan_tui.data.domain.when import describe_when, local_zone, parse_when
from bchan_tui.widgets import KeyFooter
from bchan_tui.widgets.display import BAND_VARIABLE, channel_title, hides_identity, shown_name

from .confirm import ConfirmModal
from .form import FormModal, optional, required


@dataclass(frozen=True, slots=True)
class TouchEntry:
    """What the log-a-touch form returns: the caller saves it."""

    channel_id: str
    urgency: Urgency
    direction: Direction
    reason: str = ""
    note: str = ""
    # None: now, when saved.
    at: DateTime | None = None
    outcome: Outcome = Outcome.PENDING


URGENCY_KEYS = {"1": Urgency.ROUTINE, "2": Urgency.IMPORTANT, "3": Urgency.URGENT}
URGENCY_OPTIONS = [(f"{key} {urgency.value}", urgency) for key, urgency in URGENCY_KEYS.items()]
OUTCOME_OPTIONS = [
    ("pending: no answer yet", Outcome.PENDING),
    ("replied", Outcome.REPLIED),
    ("no reply", Outcome.NO_REPLY),
]
DIRECTION_OPTIONS = [("out: I reached them", Direction.OUT), ("in: they reached me", Direction.IN)]


def channel_option(step: LadderStep, *, screen_safe: bool, every_rung: bool = False) -> Content:
    """ "public email · j.weber@example  (warm)" for the channel menu."""
    band = step.heat.band
    return Content.assemble(
        channel_title(step.channel, screen_safe=screen_safe, every_rung=every_rung),
        "  ",
        (f"({band.value})", BAND_VARIABLE[band]),
    )


class LogTouchModal(FormModal[TouchEntry]):
    """Record a touch with a contact; returns a ``TouchEntry`` or None.

    ``1`` ``2`` ``3`` set the urgency from anywhere but a text field."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"urgency('{urgency.value}')", urgency.value, show=False, id=f"log.{key}")
        for key, urgency in URGENCY_KEYS.items()
    ]

    def __init__(
        self,
        detail: ContactDetail,
        *,
        screen_safe: bool,
        urgency: Urgency = Urgency.ROUTINE,
        channel_id: str | None = None,
        editing: Touch | None = None,
    ) -> None:
        """``channel_id``: the channel to log on (else reach now's pick);
        ``editing``: a touch to change, whose fields fill the form."""
        super().__init__()
        self.detail = detail
        self.screen_safe = screen_safe
        self.editing = editing
        self._filled_when = ""
        self.initial_urgency = editing.urgency if editing else urgency
        self.steps = {step.channel.id: step for step in detail.ladder}
        # The channel reach now suggested last; a different pick is the user's own.
        self._suggested: str | None = None
        chosen = editing.channel_id if editing else channel_id
        self._chosen = chosen if chosen in self.steps else None
        self._picked_by_user = self._chosen is not None

    def compose(self) -> ComposeResult:
        contact, source = self.detail.contact, self.detail.is_source
        name = shown_name(contact, screen_safe=self.screen_safe, source=source)
        hidden = hides_identity(contact, screen_safe=self.screen_safe, source=source)
        with Vertical(id="log-touch", classes="form-box") as box:
            verb = "Edit a touch with " if self.editing else "Log a touch with "
            box.border_title = Content.assemble(verb, name)
            box.border_subtitle = "1 2 3 urgency · Enter or ^s saves · Esc cancels"
            with Grid(classes="form-grid"):
                yield Static("Urgency 1 2 3", classes="form-label")
                with Grid(classes="form-pair"):
                    yield Select(
                        URGENCY_OPTIONS,
                        id="urgency",
                        allow_blank=False,
                        value=self.initial_urgency,
                    )
                    yield Select(
                        DIRECTION_OPTIONS, id="direction", allow_blank=False, value=Direction.OUT
                    )
                yield Static("Channel", classes="form-label")
                yield Select(
                    [
                        (
                            channel_option(step, screen_safe=self.screen_safe, every_rung=hidden),
                            step.channel.id,
                        )
                        for step in self.detail.ladder
                    ],
                    id="channel",
                    prompt="no active channel",
                )
                yield Static("", classes="form-spacer")
                yield Static(id="advice", classes="form-advice")
                yield Static("Reason", classes="form-label reason-field")
                yield Input(
                    id="reason",
                    name="reason",
                    placeholder="why not a public channel?",
                    validators=required("a reason for using the private channel", 2000),
                    validate_on=["submitted"],
                    classes="reason-field",
                )
                yield Static("Note", classes="form-label")
                yield Input(
                    id="note",
                    name="note",
                    placeholder="what it was about (optional)",
                    validators=optional("the note", 2000),
                    validate_on=["changed", "submitted"],
                )
                yield Static("When", classes="form-label")
                with Grid(classes="form-pair"):
                    yield Input(
                        "now",
                        id="when",
                        name="when",
                        placeholder='"yesterday 15:00", "2 days ago", "mon 9:30"',
                    )
                    yield Select(
                        OUTCOME_OPTIONS, id="outcome", allow_blank=False, value=Outcome.PENDING
                    )
                yield Static("", classes="form-spacer")
                yield Static(id="when-read", classes="form-advice")
            yield Static(id="hot-warning", classes="form-warning")
            yield Static(id="form-error", classes="form-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_error("")
        if self._chosen is not None:
            self.query_one("#channel", Select).value = self._chosen
        if self.editing is not None:
            self._fill(self.editing)
        self._read_when()
        self._suggest(self.initial_urgency)
        self._update_fields()
        self.query_one("#note", Input).focus()

    # --- keeping the form consistent ------------------------------------------

    def _fill(self, touch: Touch) -> None:
        self.query_one("#direction", Select).value = touch.direction
        self.query_one("#reason", Input).value = touch.reason
        self.query_one("#note", Input).value = touch.note
        # The stored moment, to the minute, in the zone it is read back in.
        local = touch.at.in_timezone(local_zone())
        self._filled_when = local.format("YYYY-MM-DD HH:mm")
        self.query_one("#when", Input).value = self._filled_when
        self.query_one("#outcome", Select).value = touch.outcome

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "urgency" and isinstance(self.focused, Input):
            return False  # the digit is typed
        return super().check_action(action, parameters)

    def action_urgency(self, value: str) -> None:
        self.query_one("#urgency", Select).value = Urgency(value)

    def _read_when(self) -> DateTime | None:
        """Read the time field and show what it means (or why it means nothing)."""
        read = self.query_one("#when-read", Static)
        now = clock_now()
        try:
            moment = parse_when(self.query_one("#when", Input).value, now)
        except ValidationError as problem:
            read.update(Content.styled(str(problem), "$error"))
            return None
        read.update(Content.assemble(("at ", "bold"), describe_when(moment, now)))
        return moment

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        if event.input.id == "when":
            self._read_when()

    def _suggest(self, urgency: Urgency) -> None:
        """Preselect the channel reach now picks for this urgency."""
        recommendation = next(r for r in self.detail.recommendations if r.urgency is urgency)
        self.query_one("#advice", Static).update(
            Content.assemble(("reach now: ", "bold"), recommendation.reason)
        )
        if self._picked_by_user or recommendation.channel is None:
            return
        self._suggested = recommendation.channel.id
        self.query_one("#channel", Select).value = recommendation.channel.id

    def chosen_step(self) -> LadderStep | None:
        value = self.query_one("#channel", Select).value
        return self.steps.get(value) if isinstance(value, str) else None

    def direction(self) -> Direction:
        value = self.query_one("#direction", Select).value
        return value if isinstance(value, Direction) else Direction.OUT

    def urgency(self) -> Urgency:
        value = self.query_one("#urgency", Select).value
        return value if isinstance(value, Urgency) else Urgency.ROUTINE

    def _needs_reason(self) -> bool:
        step = self.chosen_step()
        return (
            step is not None
            and step.channel.rung is Rung.PRIVATE
            and self.direction() is Direction.OUT
        )

    def _hot_step(self) -> LadderStep | None:
        """The chosen channel when using it now would spend a hot channel."""
        step = self.chosen_step()
        if step is None or step.heat.band is not Band.HOT or self.direction() is Direction.IN:
            return None
        if self.editing is not None and self.editing.channel_id == step.channel.id:
            return None  # a correction, not another use
        return step

    def _update_fields(self) -> None:
        for widget in self.query(".reason-field"):
            widget.display = self._needs_reason()
        warning = self.query_one("#hot-warning", Static)
        hot = self._hot_step()
        warning.display = hot is not None
        if hot is not None:
            warning.update(
                Content.assemble(
                    ("⚠ ", "bold $error"),
                    hot_channel_warning(hot.channel, hot.heat) or "",
                    ". Saving asks you to confirm.",
                )
            )

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "urgency" and isinstance(event.value, Urgency):
            self._suggest(event.value)
        elif event.select.id == "channel" and event.value != self._suggested:
            self._picked_by_user = True
        self._update_fields()

    # --- the result -------------------------------------------------------------

    def result(self) -> TouchEntry | None:
        step = self.chosen_step()
        if step is None:
            self.show_error("this contact has no active channel: add one first")
            return None
        when = self.query_one("#when", Input)
        try:
            moment = parse_when(when.value, clock_now())
        except ValidationError as problem:
            # Said, and the field focused: nothing typed is lost.
            self.show_error(str(problem))
            when.focus()
            return None
        typed_now = when.value.strip().casefold() in {"", "now"}
        if self.editing is not None and when.value == self._filled_when:
            # Left as filled in: the touch keeps its moment to the second,
            # not the minute the field shows.
            moment = self.editing.at
        outcome = self.query_one("#outcome", Select).value
        entry = TouchEntry(
            channel_id=step.channel.id,
            urgency=self.urgency(),
            direction=self.direction(),
            reason=self.query_one("#reason", Input).value.strip() if self._needs_reason() else "",
            note=self.query_one("#note", Input).value.strip(),
            # "now" means when saved: the form may have stood open a while.
            at=None if typed_now else moment,
            outcome=outcome if isinstance(outcome, Outcome) else Outcome.PENDING,
        )
        hot = self._hot_step()
        if hot is None:
            return entry
        question = Content.assemble(
            (hot_channel_warning(hot.channel, hot.heat) or "", "bold"),
            ".\n\nLog this touch anyway?",
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(entry)

        self.app.push_screen(
            ConfirmModal("Hot channel", question, confirm="Log anyway", safe_default=False),
            answered,
        )
        return None
