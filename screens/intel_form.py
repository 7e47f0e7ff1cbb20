"""Record an intel item: given or received, a one-line summary, how
sensitive it is, and the touch it came with. Received items also say whether
they are verified and whether only this source has them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.widgets import Input, Select, Static

from bchan_tui.data import Channel, IntelDirection, IntelStatus, Sensitivity, Touch
from bchan_tui.data.domain.text import NAME_MAX
from bchan_tui.widgets import KeyFooter
from bchan_tui.widgets.display import ago

from .form import FormModal, required


@dataclass(frozen=True, slots=True)
class IntelEntry:
    """What the intel form returns: the caller saves it."""

    direction: IntelDirection
    summary: str
    sensitivity: Sensitivity = Sensitivity.NORMAL
    touch_id: str | None = None
    status: IntelStatus = IntelStatus.UNVERIFIED
    unique: bool | None = None


DIRECTION_OPTIONS = [
    ("received: they told me", IntelDirection.RECEIVED),
    ("given: I told them", IntelDirection.GIVEN),
]
SENSITIVITY_OPTIONS = [
    ("normal sensitivity", Sensitivity.NORMAL),
    ("confidential", Sensitivity.CONFIDENTIAL),
]
STATUS_OPTIONS = [(s.value, s) for s in IntelStatus]
# Select values must be hashable and not None, so "unknown" stands for None.
UNIQUE_OPTIONS = [
    ("unique: unknown", "unknown"),
    ("unique: only this source", "yes"),
    ("also heard elsewhere", "no"),
]
UNIQUE_VALUES: dict[object, bool | None] = {"unknown": None, "yes": True, "no": False}
LINKABLE_TOUCHES = 10


def touch_option(touch: Touch, channel: Channel | None) -> Content:
    """ "3 days ago · out · public email · follow-up" for the touch menu."""
    way = channel.describe() if channel else "a removed channel"
    parts = [ago(touch.at), touch.direction.value, way]
    if touch.note:
        parts.append(touch.note)
    return Content(" · ".join(parts))


class IntelFormModal(FormModal[IntelEntry]):
    """Record intel given to or received from a contact; returns an
    ``IntelEntry`` or None."""

    def __init__(
        self,
        source_name: str,
        touches: Sequence[Touch] = (),
        channels: Mapping[str, Channel] | None = None,
    ) -> None:
        super().__init__()
        self.source_name = source_name
        self.touches = list(touches[:LINKABLE_TOUCHES])
        self.channels = channels or {}

    def compose(self) -> ComposeResult:
        with Vertical(id="intel-form", classes="form-box") as box:
            box.border_title = Content.assemble("Intel with ", self.source_name)
            box.border_subtitle = "Enter or ^s saves · Esc cancels"
            with Grid(classes="form-grid"):
                yield Static("Direction", classes="form-label")
                with Grid(classes="form-pair"):
                    yield Select(
                        DIRECTION_OPTIONS,
                        id="intel-direction",
                        allow_blank=False,
                        value=IntelDirection.RECEIVED,
                    )
                    yield Select(
                        SENSITIVITY_OPTIONS,
                        id="intel-sensitivity",
                        allow_blank=False,
                        value=Sensitivity.NORMAL,
                    )
                yield Static("Summary", classes="form-label")
                yield Input(
                    id="intel-summary",
                    name="summary",
                    placeholder="what was said, in one line",
                    validators=required("the summary", NAME_MAX),
                    validate_on=["submitted"],
                )
                yield Static("Verified", classes="form-label received-field")
                with Grid(classes="form-pair received-field"):
                    yield Select(
                        STATUS_OPTIONS,
                        id="intel-status",
                        allow_blank=False,
                        value=IntelStatus.UNVERIFIED,
                    )
                    yield Select(
                        UNIQUE_OPTIONS, id="intel-unique", allow_blank=False, value="unknown"
                    )
                yield Static("With touch", classes="form-label")
                yield Select(
                    [
                        (touch_option(touch, self.channels.get(touch.channel_id)), touch.id)
                        for touch in self.touches
                    ],
                    id="intel-touch",
                    prompt="no touch",
                )
            yield Static(id="form-error", classes="form-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_error("")
        self.query_one("#intel-summary", Input).focus()

    def direction(self) -> IntelDirection:
        value = self.query_one("#intel-direction", Select).value
        return value if isinstance(value, IntelDirection) else IntelDirection.RECEIVED

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        received = self.direction() is IntelDirection.RECEIVED
        for widget in self.query(".received-field"):
            widget.display = received

    def result(self) -> IntelEntry | None:
        sensitivity = self.query_one("#intel-sensitivity", Select).value
        touch = self.query_one("#intel-touch", Select).value
        entry = IntelEntry(
            direction=self.direction(),
            summary=self.query_one("#intel-summary", Input).value.strip(),
            sensitivity=sensitivity if isinstance(sensitivity, Sensitivity) else Sensitivity.NORMAL,
            touch_id=touch if isinstance(touch, str) else None,
        )
        if entry.direction is IntelDirection.GIVEN:
            # Only what you received is verified, or unique.
            return entry
        status = self.query_one("#intel-status", Select).value
        return replace(
            entry,
            status=status if isinstance(status, IntelStatus) else IntelStatus.UNVERIFIED,
            unique=UNIQUE_VALUES.get(self.query_one("#intel-unique", Select).value),
        )
