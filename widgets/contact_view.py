"""The read-only parts of the contact screen: who the person is, which
channel to use now and why, and the recent touches."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from bchan_tui.data import ContactDetail, Urgency

from .display import STATE_VARIABLE, ago, shown_name, strength_dots
from .heat import REFRESH_SECONDS

Part = str | tuple[str, str]


def track_record(detail: ContactDetail) -> str:
    """ "as a source: 2 confirmed, 1 contradicted": how what they told you held up."""
    return f"as a source: {detail.confirmed} confirmed, {detail.contradicted} contradicted"


def header_content(detail: ContactDetail, *, screen_safe: bool) -> Content:
    """Name, role and organisation; strength, cadence and state; intention."""
    contact = detail.contact
    state_colour = STATE_VARIABLE[detail.state]
    name = shown_name(contact, screen_safe=screen_safe, source=detail.is_source)
    title: list[Part] = [(name, "bold $text-primary")]
    role_org = " · ".join(part for part in (contact.role, contact.org) if part)
    if role_org:
        title += ["  ", role_org]
    if contact.codename and not screen_safe:
        title += ["  ", (f"codename {contact.codename}", "$text-muted")]
    last = "never touched" if detail.last_touch is None else f"last touch {ago(detail.last_touch)}"
    standing: list[Part] = [
        ("strength ", "$text-muted"),
        strength_dots(contact.strength),
        (" · tend every ", "$text-muted"),
        f"{contact.cadence_days} days",
        (" · ", "$text-muted"),
        (detail.state.value, f"bold {state_colour}"),
        (f" ({last})", "$text-muted"),
        (" · give/get ", "$text-muted"),
        f"{detail.balance:+d}",
        # Said what it counts, so the track record after it is not read as its parts.
        (" (given minus received)", "$text-muted"),
    ]
    lines = [Content.assemble(*title), Content.assemble(*standing)]
    if detail.is_source:
        # A line of its own: beside the balance it read as the balance's parts.
        lines.append(Content(track_record(detail)))
    if contact.intention:
        lines.append(Content.assemble(("their gain: ", "$text-muted"), contact.intention))
    lines.extend(notes_lines(contact.notes))
    if detail.account is not None:
        account: list[Part] = [("account: ", "$text-muted"), detail.account.name]
        if detail.account.official_process:
            account += [(" — ", "$text-muted"), detail.account.official_process]
        lines.append(Content.assemble(*account))
    if contact.tags:
        lines.append(Content.assemble(("tags: ", "$text-muted"), ", ".join(contact.tags)))
    return Content("\n").join(lines)


NOTES_LINES = 3


def notes_lines(notes: str) -> list[Content]:
    """The contact's notes, their first lines only: the header must leave
    room for the ladder. The edit form (e) shows them whole."""
    written = [line.strip() for line in notes.strip().splitlines() if line.strip()]
    if not written:
        return []
    shown = written[:NOTES_LINES]
    if len(written) > NOTES_LINES:
        shown[-1] += " …"
    first = Content.assemble(("notes: ", "$text-muted"), shown[0])
    return [first, *(Content.assemble(("       ", ""), line) for line in shown[1:])]


class ContactHeader(Widget):
    """Who the contact is and how the relationship stands."""

    DEFAULT_CSS = """
    ContactHeader {
        height: auto;
        padding: 0 1;
    }
    """

    detail: reactive[ContactDetail | None] = reactive(None, layout=True)
    screen_safe: reactive[bool] = reactive(False, layout=True)

    def on_mount(self) -> None:
        self.set_interval(REFRESH_SECONDS, self.refresh)

    def render(self) -> Content:
        if self.detail is None:
            return Content("Loading…")
        return header_content(self.detail, screen_safe=self.screen_safe)


class ReachNow(Grid):
    """Reach now for routine, important and urgent matters, each with its reason."""

    DEFAULT_CSS = """
    ReachNow {
        height: auto;
        padding: 0 1;
        grid-size: 2;
        grid-columns: 10 1fr;
        grid-rows: auto;
        & > .urgency { text-style: bold; }
        & > .urgency.-urgent { color: $error; }
    }
    """

    detail: reactive[ContactDetail | None] = reactive(None, recompose=True)

    def compose(self) -> ComposeResult:
        if self.detail is None:
            return
        for recommendation in self.detail.recommendations:
            urgency = recommendation.urgency
            classes = "urgency -urgent" if urgency is Urgency.URGENT else "urgency"
            yield Static(urgency.value, classes=classes)
            # The reason names channels, never addresses: nothing to mask.
            yield Static(Content(recommendation.reason), classes="reason")
