"""The Markdown export: valid CommonMark with GFM tables, user text kept
literal, and redacted unless --reveal (DESIGN.md "Protect your sources")."""

from __future__ import annotations

import re

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_tokens import parse, texts_of

from bchan_tui.data import IntelDirection, Rung, Sensitivity, Store
from bchan_tui.data.exchange.export_markdown import LADDER_HEADERS, export_markdown
from bchan_tui.data.exchange.markdown_document import RECEIVED_FROM_ONE_SOURCE
from bchan_tui.data.exchange.markdown_text import code_cell, heading, inline, table, table_rows
from bchan_tui.data.samples.demo_book import build_demo_book

NASTY = "A | B <b>x</b> # *y*"


def markup_tokens(tokens: list[Token]) -> set[str]:
    """Every token type that would mean user text became markup."""
    kinds = {t.type for t in tokens}
    for token in tokens:
        kinds.update(child.type for child in token.children or ())
    return kinds & {
        "html_inline",
        "html_block",
        "link_open",
        "image",
        "em_open",
        "strong_open",
        "s_open",
        "code_inline",
        "fence",
        "code_block",
        "blockquote_open",
    }


def document_markup(tokens: list[Token]) -> tuple[set[str], set[str]]:
    """(other markup token types, texts in bold and code) of a whole export: the
    document's own bold labels and its one code span are expected, nothing
    else, besides the addresses of the ladder tables, which are code spans."""
    other = markup_tokens(tokens) - {"strong_open", "code_inline"}
    marked = set()
    for number, token in enumerate(tokens):
        children = token.children or []
        if number and tokens[number - 1].type == "td_open":
            assert all(c.type in ("text", "code_inline") for c in children), children
            continue
        for index, child in enumerate(children):
            if child.type == "strong_open":
                marked.add(children[index + 1].content)
            elif child.type == "code_inline":
                marked.add(child.content)
    return other, marked


LABELS = {"Redacted.", "Not redacted.", "Ladder", "Reach now", "Last touches", "Intel", "--reveal"}


@pytest.fixture
def demo(store: Store) -> Store:
    build_demo_book(store)
    return store


def section_of(document: str, title: str) -> str:
    """The text of one contact's section (up to the next heading of level 2 or 3)."""
    start = document.index(f"\n### {title}\n")
    end = re.compile(r"\n#{2,3} ").search(document, start + 1)
    return document[start : end.start() if end else len(document)]


# --- escaping -------------------------------------------------------------------


def test_a_nasty_name_comes_through_literally_in_a_heading_and_a_table_cell() -> None:
    document = heading(3, NASTY) + "\n\n" + "\n".join(table(["name", "other"], [[NASTY, "x"]]))
    tokens = parse(document)
    assert texts_of(tokens, "heading_open") == [NASTY]
    assert texts_of(tokens, "td_open") == [NASTY, "x"]
    assert texts_of(tokens, "th_open") == ["name", "other"]
    assert not markup_tokens(tokens)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn")), max_size=60))
def test_any_text_survives_a_heading_a_cell_and_a_list_item(text: str) -> None:
    expected = re.sub(r"\s+", " ", text).strip()
    document = "\n\n".join(
        [heading(2, text), "\n".join(table(["cell"], [[text]])), f"- item: {inline(text)}"]
    )
    tokens = parse(document)
    assert texts_of(tokens, "heading_open") == [expected or "(untitled)"]
    assert texts_of(tokens, "td_open") == [expected]
    # A list item holds its text in a paragraph.
    assert texts_of(tokens, "paragraph_open") == [f"item: {expected}".strip()]
    assert not markup_tokens(tokens)


def test_addresses_are_not_turned_into_links_even_by_linkify() -> None:
    text = inline("mail marta@northwind.example or see https://linkedin.com/in/m www.x.example")
    linkify = MarkdownIt("gfm-like")
    tokens = linkify.parse(text)
    assert "link_open" not in {c.type for t in tokens for c in t.children or ()}
    assert "marta@northwind.example" in linkify.render(text)


def test_an_address_in_a_table_is_a_code_span_that_reads_as_itself() -> None:
    for address in ("ann@example.net", "https://x.com/ann", "a|b`c@x.example", "`x`", "<b>@x"):
        rows = table_rows([[address, "x"]], code_columns=frozenset({0}))
        document = "\n".join(table(["address", "other"], []) + rows)
        tokens = parse(document)
        assert texts_of(tokens, "td_open") == [address, "x"]
        assert markup_tokens(tokens) == {"code_inline"}
    # Pasted raw, a plain address needs no reading past backslashes.
    assert code_cell("ann@example.net") == "`ann@example.net`"


def test_text_that_would_start_a_list_or_quote_stays_text() -> None:
    for text in ("- not a list", "1. not a list", "> not a quote", "+ plus", "2) two"):
        tokens = parse(inline(text))
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
        assert texts_of(tokens, "paragraph_open") == [text]


# --- the document -----------------------------------------------------------------


def test_every_export_of_the_demo_book_parses_with_its_ladders_as_tables(demo: Store) -> None:
    for reveal in (False, True):
        document = export_markdown(demo, reveal=reveal)
        tokens = parse(document)
        contacts = [c for c in demo.contacts() if demo.channels_of(c.id)]
        assert sum(1 for t in tokens if t.type == "table_open") == len(contacts)
        headers = texts_of(tokens, "th_open")
        assert headers == list(LADDER_HEADERS) * len(contacts)
        other, marked = document_markup(tokens)
        assert not other
        names = {c.name if reveal else c.codename or c.name for c in demo.contacts()}
        assert marked <= LABELS | names | {"a source", "A source"}
        assert LABELS - {"Not redacted." if not reveal else "Redacted."} <= marked
        cells = texts_of(tokens, "td_open")
        channels = sum(len(demo.channels_of(c.id)) for c in contacts)
        assert len(cells) == channels * len(LADDER_HEADERS)


def test_the_document_has_a_dated_title_attention_and_a_section_per_contact(
    demo: Store,
) -> None:
    document = export_markdown(demo)
    tokens = parse(document)
    titles = texts_of(tokens, "heading_open")
    assert titles[0] == "Back channels, 23 Nov 2026"
    assert titles[1:3] == ["Needs attention", "Contacts"]
    assert titles[-1] == "Intel received"
    shown = {c.codename or c.name for c in demo.contacts()}
    assert set(titles[3:-1]) == shown
    heron = section_of(document, "HERON")
    assert "Organisation and role: Northwind Logistics · CIO" in heron
    assert "Relationship: fresh" in heron
    # The three urgencies agree for her: reach now says it once.
    reach = "- any urgency: relationship call (direct line): the relationship is cool\n"
    assert f"**Reach now**\n\n{reach}" in heron
    assert "**Last touches**" in heron
    assert "23 Nov 2026, to them by public email · routine, pending · follow-up" in heron


def test_a_nasty_contact_name_and_label_stay_literal_in_the_export(store: Store) -> None:
    contact = store.add_contact(NASTY, org="[bold]Org[/]", role="*role*")
    store.add_channel(contact.id, Rung.PUBLIC, "email", "a_b*c@x.example", label=NASTY)
    tokens = parse(export_markdown(store, reveal=True))
    assert NASTY in texts_of(tokens, "heading_open")
    cells = texts_of(tokens, "td_open")
    assert f"email ({NASTY})" in cells
    assert "a_b*c@x.example" in cells
    items = texts_of(tokens, "paragraph_open")
    assert "Organisation and role: [bold]Org[/] · *role*" in items
    other, marked = document_markup(tokens)
    assert not other
    assert marked <= LABELS


# --- redaction ------------------------------------------------------------------------


def test_a_redacted_demo_export_names_no_codenamed_source_and_no_private_address(
    demo: Store,
) -> None:
    document = export_markdown(demo).casefold()
    codenamed = [c for c in demo.contacts() if c.codename]
    assert codenamed
    for contact in codenamed:
        assert contact.codename.casefold() in document
        assert contact.name.casefold() not in document
        for part in contact.name.split():
            if len(part) >= 3:
                assert not re.search(rf"\b{re.escape(part.casefold())}\b", document), part
        # Any address of a codenamed person would name them.
        for channel in demo.channels_of(contact.id):
            if channel.address:
                assert channel.address.casefold() not in document
    for contact in demo.contacts():
        for channel in demo.channels_of(contact.id):
            if channel.rung is Rung.PRIVATE:
                assert channel.address.casefold() not in document
                digits = re.sub(r"\D", "", channel.address)
                if len(digits) >= 5:
                    assert digits not in re.sub(r"[^\d\n]", "", document)
    assert "**redacted.**" in document


def test_received_intel_is_listed_apart_and_attributed_to_a_source(demo: Store) -> None:
    document = export_markdown(demo)
    received = [i for i in demo.all_intel() if i.direction is IntelDirection.RECEIVED]
    assert received
    contacts_part, intel_part = document.split("\n## Intel received\n")
    for item in received:
        if item.sensitivity is Sensitivity.NORMAL:
            assert item.summary in intel_part
    for line in intel_part.strip().splitlines()[1:]:
        assert line.startswith("- **A source**, "), line
    for contact in demo.contacts():
        section = section_of(contacts_part, contact.codename or contact.name)
        for item in demo.intel_of(contact.id):
            if item.direction is IntelDirection.RECEIVED:
                assert item.summary not in section
    # Unverified intel in the attention list is not put next to its source.
    attention = contacts_part.split("\n## Contacts\n")[0]
    assert "- **a source**: unverified for" in attention
    for contact in demo.contacts():
        shown = contact.codename or contact.name
        assert f"- **{shown}**: unverified" not in attention


def test_confidential_intel_is_withheld_unless_revealed(store: Store) -> None:
    contact = store.add_contact("Rachel Green")
    store.record_intel(
        contact.id, IntelDirection.GIVEN, "our price floor", sensitivity=Sensitivity.CONFIDENTIAL
    )
    assert "our price floor" not in export_markdown(store)
    assert "withheld" in section_of(export_markdown(store), "Rachel Green")
    revealed = export_markdown(store, reveal=True)
    assert "given, confidential: our price floor" in revealed


def test_unverified_confidential_intel_is_not_quoted_in_the_attention_list(
    store: Store, frozen: pendulum.DateTime
) -> None:
    contact = store.add_contact("Rachel Green")
    for summary, sensitivity in (
        ("the CFO is leaving", Sensitivity.CONFIDENTIAL),
        ("budget moved to Q3", Sensitivity.NORMAL),
    ):
        store.record_intel(
            contact.id,
            IntelDirection.RECEIVED,
            summary,
            sensitivity=sensitivity,
            at=frozen.subtract(days=20),
        )
    # A second source, so that what was received is listed at all.
    other = store.add_contact("Oliver Hart")
    store.record_intel(other.id, IntelDirection.RECEIVED, "a new CIO in May")
    document = export_markdown(store)
    attention = document.split("\n## Contacts\n")[0]
    assert "- **a source**: unverified for 20 days: budget moved to Q3" in attention
    assert "- **a source**: unverified for 20 days: (confidential; withheld" in attention
    assert "the CFO is leaving" not in document
    assert "the CFO is leaving" in export_markdown(store, reveal=True)


def test_private_addresses_quoted_in_free_text_are_masked(store: Store) -> None:
    source = store.add_contact("Grace Liu", codename="WREN")
    store.add_channel(source.id, Rung.PUBLIC, "email", "grace.liu@reuters.example")
    other = store.add_contact("Oliver Hart")
    store.add_channel(other.id, Rung.PRIVATE, "signal", "+1 415 555 0117")
    store.add_channel(other.id, Rung.PRIVATE, "telegram", "@oliverh")
    work = store.add_channel(other.id, Rung.PUBLIC, "email", "oliver.hart@ft.example")
    store.log_touch(
        other.id,
        work.id,
        note="texted +1 (415) 555-0117, then @oliverh. CC GRACE.LIU@reuters.example.",
    )
    document = export_markdown(store)
    assert "555" not in document
    assert "@oliverh" not in document.replace("\\", "")
    assert "grace.liu" not in document.casefold()
    assert "texted +••• •••17, then \\@o•••. CC g•••\\@•••.example." in document
    # In the ladder the address is a code span: no escapes to read past.
    assert "| `oliver.hart@ft.example` |" in document
    revealed = export_markdown(store, reveal=True)
    assert "texted +1 (415) 555-0117" in revealed


def test_real_names_of_codenamed_people_are_replaced_in_free_text(store: Store) -> None:
    source = store.add_contact("Marta Lindqvist", codename="HERON")
    other = store.add_contact("Jonas Weber", org="Northwind")
    channel = store.add_channel(other.id, Rung.PUBLIC, "email", "j.weber@northwind.example")
    store.log_touch(other.id, channel.id, note="Asked Marta Lindqvist, then marta again")
    store.record_intel(other.id, IntelDirection.GIVEN, "told him what MARTA said")
    store.record_intel(source.id, IntelDirection.RECEIVED, "Lindqvist is moving to Globex")
    store.record_intel(other.id, IntelDirection.RECEIVED, "Globex is hiring")
    document = export_markdown(store)
    assert "marta" not in document.casefold()
    assert "lindqvist" not in document.casefold()
    assert "Asked HERON, then HERON again" in document
    assert "told him what HERON said" in document
    assert "HERON is moving to Globex" in document
    assert "Jonas Weber" in document
    revealed = export_markdown(store, reveal=True)
    assert "Asked Marta Lindqvist, then marta again" in revealed
    assert "received, unverified: Lindqvist is moving to Globex" in section_of(
        revealed, "Marta Lindqvist"
    )


def test_a_revealed_export_says_so_at_the_top_and_shows_everything(demo: Store) -> None:
    document = export_markdown(demo, reveal=True)
    top = document.split("\n## ")[0]
    assert "**Not redacted.**" in top
    assert "--reveal" in top
    for contact in demo.contacts():
        assert f"\n### {contact.name}\n" in document
        for channel in demo.channels_of(contact.id):
            if channel.address:
                # As a code span: the address exactly as stored.
                assert code_cell(channel.address) in section_of(document, contact.name)
    assert "\n## Intel received\n" not in document


def test_only_the_chosen_contacts_are_exported(demo: Store) -> None:
    chosen = [c for c in demo.contacts() if c.org == "Gartner"]
    document = export_markdown(demo, contact_ids=[c.id for c in chosen])
    titles = texts_of(parse(document), "heading_open")
    assert set(titles[3:-1]) == {c.name for c in chosen}
    assert "2 contacts" in document
    attention = document.split("\n## Contacts\n")[0]
    assert "Olga Ivanova" not in attention
    assert "Ben Adeyemi" in attention


def test_an_empty_book_exports_a_document_that_says_so(
    store: Store, frozen: pendulum.DateTime
) -> None:
    document = export_markdown(store, now=frozen)
    assert "\n## Needs attention\n\nNothing needs attention.\n" in document
    assert "\n## Contacts\n\nNo contacts to export.\n" in document
    assert document.endswith(f"\n## Intel received\n\n{RECEIVED_FROM_ONE_SOURCE}\n")
    assert "None yet." not in document
    assert "0 contacts." in document
