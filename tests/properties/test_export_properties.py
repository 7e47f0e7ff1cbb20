"""The Markdown export of arbitrary books: it parses (CommonMark with GFM
tables, and with linkify on) into the document's own structure whatever the
contacts hold. User text never becomes a heading, a table row or cell
break, a link, an image, HTML, emphasis or a code block; a redacted export
shows no private address, wherever the address was written."""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pendulum
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bchan_tui.data import IntelDirection, Rung, Store, ValidationError
from bchan_tui.data.domain.text import clean_line
from bchan_tui.data.exchange.export_markdown import LADDER_HEADERS, export_markdown

from .strategies import any_text

EXPORT_EXAMPLES = 120

NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")
# The document's own bold labels and its one code span.
LABELS = {"Redacted.", "Not redacted.", "Ladder", "Reach now", "Last touches", "Intel"}
LABELS |= {"A source"}
MARKUP = {
    "html_inline",
    "html_block",
    "link_open",
    "image",
    "em_open",
    "s_open",
    "fence",
    "code_block",
    "blockquote_open",
    "hr",
    "ordered_list_open",
}

emails = st.builds(
    "{}@{}.{}".format,
    st.from_regex(r"[a-z][a-z0-9._+-]{1,12}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True),
    st.sampled_from(["org", "example", "io", "co.uk"]),
)
phones = st.builds(
    "{}{}".format,
    st.sampled_from(["+", ""]),
    st.lists(st.from_regex(r"[0-9]{2,4}", fullmatch=True), min_size=3, max_size=4).map(" ".join),
)
handles = st.from_regex(r"@[a-z][a-z0-9_]{3,12}", fullmatch=True)
addresses = st.one_of(emails, phones, handles)
# How free text may end around a quoted address.
SEPARATORS = [" ", ". ", ", ", " (", ") ", ": ", "\n"]


@dataclass(frozen=True)
class PlannedChannel:
    rung: Rung
    kind: str
    address: str
    label: str


@dataclass(frozen=True)
class PlannedContact:
    name: str
    codename: str
    org: str
    channels: list[PlannedChannel]
    notes: list[str]
    intel: list[tuple[IntelDirection, str]]
    named_by_address: bool


@st.composite
def contacts(draw: st.DrawFn) -> PlannedContact:
    channels = draw(
        st.lists(
            st.builds(
                PlannedChannel,
                rung=st.sampled_from(list(Rung)),
                kind=st.sampled_from(["email", "signal", "phone", "x", "other"]),
                address=addresses,
                label=any_text(6),
            ),
            max_size=3,
        )
    )
    private = [c.address for c in channels if c.rung is Rung.PRIVATE]
    # An imported card without a name is named by its first address.
    named_by_address = bool(private) and draw(st.booleans())
    name = private[0] if named_by_address else draw(any_text(12))
    assume(clean_line(name) and len(clean_line(name)) <= 200)

    def quoting(text: str) -> st.SearchStrategy[str]:
        """Free text, quoting one of this contact's addresses now and then."""
        if not channels:
            return st.just(text)
        return st.builds(
            "{}{}{}{}{}".format,
            st.just(text),
            st.sampled_from(SEPARATORS),
            st.sampled_from([c.address for c in channels]),
            st.sampled_from(SEPARATORS),
            any_text(4),
        )

    notes = draw(st.lists(any_text(10).flatmap(quoting), max_size=2))
    intel = draw(
        st.lists(
            st.tuples(st.sampled_from(list(IntelDirection)), any_text(10).flatmap(quoting)),
            max_size=2,
        )
    )
    return PlannedContact(
        name=name,
        codename=draw(st.one_of(st.just(""), st.from_regex(r"[A-Z]{3,8}", fullmatch=True))),
        org=draw(any_text(8).flatmap(quoting)),
        channels=channels,
        notes=notes,
        intel=intel,
        named_by_address=named_by_address,
    )


@contextmanager
def book_of(planned: list[PlannedContact]) -> Iterator[Store]:
    """A book holding the planned contacts; text the store refuses is left out."""
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "book.json") as store:
        for plan in planned:
            contact = store.add_contact(plan.name, codename=plan.codename)
            with suppress(ValidationError):
                store.update_contact(contact.id, org=plan.org)
            channels = []
            for channel in plan.channels:
                try:
                    added = store.add_channel(
                        contact.id, channel.rung, channel.kind, channel.address, label=channel.label
                    )
                except ValidationError:
                    added = store.add_channel(
                        contact.id, channel.rung, channel.kind, channel.address
                    )
                channels.append(added)
            for index, note in enumerate(plan.notes):
                if not channels:
                    break
                with suppress(ValidationError):
                    store.log_touch(
                        contact.id,
                        channels[index % len(channels)].id,
                        note=note,
                        reason=note,
                        at=NOW.subtract(days=index + 1),
                    )
            for direction, summary in plan.intel:
                with suppress(ValidationError):
                    store.record_intel(contact.id, direction, summary, at=NOW.subtract(days=2))
        yield store


def parse(document: str, *, linkify: bool = False) -> list[Token]:
    if linkify:
        return MarkdownIt("gfm-like").parse(document)
    return MarkdownIt("commonmark").enable("table").parse(document)


def every_token(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from token.children or ()


def inline_text(tokens: list[Token], index: int) -> str:
    return "".join(child.content for child in tokens[index + 1].children or ())


def gfm_autolinks(document: str) -> list[str]:
    """Texts linkify turns into the links GFM makes on its own: a scheme,
    "www." or an email. (A bare "a0.org" is linked by linkify's fuzzy mode
    only, never by GFM renderers, so it is not counted.)"""
    found = []
    for token in parse(document, linkify=True):
        children = token.children or []
        for index, child in enumerate(children):
            if child.type == "link_open":
                text = children[index + 1].content
                if "://" in text or "www." in text.casefold() or "@" in text:
                    found.append(text)
    return found


def plain_text(document: str) -> str:
    """What a reader of the rendered document sees."""
    rendered = MarkdownIt("commonmark").enable("table").render(document)
    return html.unescape(re.sub(r"<[^>]+>", " ", rendered))


def check_structure(document: str, store: Store, reveal: bool) -> None:
    tokens = parse(document)
    contacts = store.contacts()
    levels = [t.tag for t in tokens if t.type == "heading_open"]
    assert levels.count("h1") == 1
    assert levels.count("h3") == len(contacts)
    assert levels.count("h2") == (2 if reveal else 3)
    assert "h4" not in levels and "h5" not in levels and "h6" not in levels

    found = {t.type for t in every_token(tokens)}
    assert not found & MARKUP, found & MARKUP
    assert gfm_autolinks(document) == []
    # Code spans: the header's --reveal, and the addresses in ladder cells.
    in_cells = {
        child.content
        for number, token in enumerate(tokens)
        if number and tokens[number - 1].type == "td_open"
        for child in token.children or ()
        if child.type == "code_inline"
    }
    codes = {t.content for t in every_token(tokens) if t.type == "code_inline"}
    assert codes - in_cells <= {"--reveal"}
    shown_names = [
        re.sub(r"\s+", " ", inline_text(tokens, i)).strip()
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h3"
    ]
    strong = set()
    for token in tokens:
        children = token.children or []
        for index, child in enumerate(children):
            if child.type == "strong_open":
                strong.add(re.sub(r"\s+", " ", children[index + 1].content))
    assert strong <= LABELS | set(shown_names), strong - LABELS - set(shown_names)

    # One ladder table per contact with an active channel, seven cells a row.
    with_channels = [c for c in contacts if store.channels_of(c.id)]
    assert sum(1 for t in tokens if t.type == "table_open") == len(with_channels)
    cells_per_row: list[int] = []
    for token in tokens:
        if token.type == "tr_open":
            cells_per_row.append(0)
        elif token.type in ("th_open", "td_open"):
            cells_per_row[-1] += 1
    assert set(cells_per_row) <= {len(LADDER_HEADERS)}
    rows = sum(1 for t in tokens if t.type == "tr_open")
    assert rows == len(with_channels) + sum(len(store.channels_of(c.id)) for c in with_channels)

    if reveal:
        names = sorted(re.sub(r"\s+", " ", c.name).strip() for c in contacts)
        assert sorted(shown_names) == names


@settings(max_examples=EXPORT_EXAMPLES, deadline=None)
@given(
    # A codename names one person: the store refuses a second.
    planned=st.lists(
        contacts(),
        min_size=1,
        max_size=3,
        unique_by=lambda plan: plan.codename.casefold() or str(id(plan)),
    )
)
def test_any_book_exports_to_the_expected_structure_and_hides_private_addresses(
    planned: list[PlannedContact],
) -> None:
    with book_of(planned) as store:
        redacted = export_markdown(store, now=NOW)
        revealed = export_markdown(store, reveal=True, now=NOW)
        check_structure(redacted, store, reveal=False)
        check_structure(revealed, store, reveal=True)

        seen = plain_text(redacted)
        hidden = {
            channel.address
            for contact in store.contacts()
            for channel in store.channels_of(contact.id, include_retired=True)
            if channel.rung is Rung.PRIVATE or contact.codename
        }
        for address in hidden:
            # As a whole: "aa00@a0.org" shown is not "a00@a0.org" shown.
            whole = rf"(?<![\w.+\-]){re.escape(address)}(?![\w\-]|\.\w)"
            assert not re.search(whole, seen), f"{address!r} shows in a redacted export"
        # A codenamed person's real name is not their heading either.
        headings = [
            inline_text(tokens, i)
            for tokens in [parse(redacted)]
            for i, t in enumerate(tokens)
            if t.type == "heading_open" and t.tag == "h3"
        ]
        for contact in store.contacts():
            if contact.codename:
                assert contact.codename in headings


NAME_EXAMPLES = 80
# Name parts no word of the document itself can equal.
name_parts = st.from_regex(r"Q[a-z]{1,6}x", fullmatch=True)
TEMPLATES = ["{} said so", "met {} today", "{}'s budget", "ask {}.", "({})", "{}: maybe"]


@settings(max_examples=NAME_EXAMPLES, deadline=None)
@given(
    people=st.lists(
        st.tuples(name_parts, name_parts, st.booleans()),
        min_size=2,
        max_size=4,
        unique_by=lambda person: person[:2],
    ),
    mentions=st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 3), st.booleans(), st.sampled_from(TEMPLATES)),
        max_size=6,
    ),
)
def test_a_codenamed_persons_name_never_shows_in_a_redacted_export(
    people: list[tuple[str, str, bool]], mentions: list[tuple[int, int, bool, str]]
) -> None:
    """Whoever's notes or intel mention them, whole name or first name only."""
    open_parts = {
        part.casefold() for first, last, coded in people if not coded for part in (first, last)
    }
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "book.json") as store:
        ids, channels = [], []
        for index, (first, last, coded) in enumerate(people):
            contact = store.add_contact(
                f"{first} {last}", codename=f"AGENT{index}" if coded else ""
            )
            ids.append(contact.id)
            channels.append(
                store.add_channel(contact.id, Rung.PUBLIC, "email", f"p{index}@x.example")
            )
        for day, (author, subject, whole, template) in enumerate(mentions):
            author %= len(people)
            first, last, _ = people[subject % len(people)]
            text = template.format(f"{first} {last}" if whole else first)
            store.log_touch(
                ids[author], channels[author].id, note=text, at=NOW.subtract(days=day + 1)
            )
            store.record_intel(ids[author], "received", text, at=NOW.subtract(days=day + 1))
        seen = plain_text(export_markdown(store, now=NOW)).casefold()
        for first, last, coded in people:
            if not coded:
                continue
            for part in (first, last):
                if part.casefold() in open_parts:
                    continue  # someone not codenamed is called that too
                assert not re.search(rf"(?<!\w){re.escape(part.casefold())}(?!\w)", seen), part
