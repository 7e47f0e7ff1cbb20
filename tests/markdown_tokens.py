"""Reading an exported Markdown document back as CommonMark tokens."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token


def parse(document: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(document)


def texts_of(tokens: list[Token], opener: str) -> list[str]:
    """The inline text inside every ``opener`` (heading_open, th_open, td_open...)."""
    found = []
    for index, token in enumerate(tokens):
        if token.type == opener:
            inline_token = tokens[index + 1]
            assert inline_token.type == "inline"
            found.append("".join(child.content for child in inline_token.children or ()))
    return found
