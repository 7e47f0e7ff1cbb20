"""Naming one contact: what the command line and a redacted export know of
everyone without decoding them, and the strict rule by which a name given
on the command line means one of them (see ``storage.lookup``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import msgspec

from .search_text import whole_name, words_of


class ContactName(msgspec.Struct, frozen=True):
    """What names a contact, on the command line or in a redacted export,
    read without decoding the contact."""

    id: str
    name: str
    codename: str
    archived: bool
    org: str = ""


def _named_words(named: ContactName) -> str:
    return "".join(words_of(text) for text in (named.name, named.codename, named.org))


def named_by(people: Iterable[ContactName], text: str) -> Iterator[ContactName]:
    """The people ``text`` names: its whole name or codename when some have
    it (ignoring case and accents), else everyone each of whose words is the
    start of a word of the name, codename or organisation. Nothing looser:
    a command that writes acts on no one else."""
    people = list(people)
    wanted = whole_name(text)
    if not wanted:
        return
    exact = [p for p in people if wanted in {whole_name(p.name), whole_name(p.codename)}]
    if exact:
        yield from exact
        return
    starts = [f" {word}" for word in wanted.split()]
    for person in people:
        words = _named_words(person)
        if all(start in words for start in starts):
            yield person
