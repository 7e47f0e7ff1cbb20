"""Replacing the real names of codenamed people in free text
(DESIGN.md "Protect your sources").

Each of a codenamed person's names (given, family, each word of them) is
found ignoring case and accents:

- a part of four letters or more as a whole word or the start of one, with
  any suffix: "Lindqvists", "Lindqvistens", and "Lindqvist-led" (a hyphen
  ends a word);
- a part of three letters as a whole word, a plural or a possessive
  ("Eva", "Evas", "Eva's"): as the start of a longer word it would hide
  ordinary words ("evaluate", "annual");
- shorter parts ("Li", "de") only inside the whole name;
- in scripts written without spaces (Chinese, Japanese, Thai...), a part of
  two characters or more, and the whole name run together, wherever it
  appears in the text.

Soft hyphens and zero-width characters inside a name are dropped before
this (``scrubber``), so they cannot split it.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from functools import cache
from typing import Protocol, TypeVar

from .search_text import fold

WITHHELD = "[name withheld]"
MIN_PART = 3
MIN_PREFIX = 4
MIN_UNSPACED = 2

K = TypeVar("K", bound=Hashable)

# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer,
# Japanese kana, the CJK ideographs (and their compatibility forms and
# extensions), half-width katakana.
_UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003ffff"
)
# A letter of a script with spaces, with any combining accent after it.
_LETTERS = rf"(?:(?![{_UNSPACED}])[^\W\d_]|[\u0300-\u036f])+"


@cache
def _unspaced_run() -> re.Pattern[str]:
    # Compiled when first scrubbing: these character classes take
    # milliseconds to compile, which every command would pay at import.
    return re.compile(f"[{_UNSPACED}]+")


@cache
def _word() -> re.Pattern[str]:
    """A word: a run of a script without spaces, or letters joined by
    apostrophes ("O'Brien", "Marta's"); a hyphen, a digit or an underscore
    ends a word."""
    return re.compile(rf"[{_UNSPACED}]+|{_LETTERS}(?:['\u2019]{_LETTERS})*")


# "'s" ending a name in free text: "Marta's budget" still names Marta.
_POSSESSIVE = ("'s", "\u2019s")


class Named(Protocol):
    """A contact as far as redaction goes: a ``Contact``, or a ``ContactName``
    read without decoding it."""

    @property
    def name(self) -> str: ...

    @property
    def codename(self) -> str: ...


def _claim(table: dict[K, str], key: K, codename: str) -> None:
    # Two codenamed people sharing a name part: say neither codename.
    current = table.get(key)
    table[key] = codename if current in (None, codename) else WITHHELD


class NameScrubber:
    """Replaces the real names of codenamed contacts in free text."""

    def __init__(self, contacts: Iterable[Named]) -> None:
        self._whole: dict[tuple[str, ...], str] = {}
        self._exact: dict[str, str] = {}
        self._prefixes: dict[str, str] = {}
        # Prefix parts by their first letters, so a word is looked up once.
        self._by_head: dict[str, list[str]] = {}
        self._unspaced: dict[str, str] = {}
        for contact in contacts:
            if contact.codename:
                self._learn(contact.name, contact.codename)
        for part in self._prefixes:
            self._by_head.setdefault(part[:MIN_PREFIX], []).append(part)
        for parts in self._by_head.values():
            parts.sort(key=len, reverse=True)
        self._longest = max((len(key) for key in self._whole), default=0)
        self._unspaced_pattern = (
            re.compile("|".join(map(re.escape, sorted(self._unspaced, key=len, reverse=True))))
            if self._unspaced
            else None
        )

    def _learn(self, name: str, codename: str) -> None:
        words = tuple(fold(word) for word in _word().findall(name))
        if not words:
            return
        _claim(self._whole, words, codename)
        unspaced = [word for word in words if _unspaced_run().fullmatch(word)]
        if len(unspaced) > 1:
            _claim(self._unspaced, "".join(unspaced), codename)
        for word in words:
            if word in unspaced:
                if len(word) >= MIN_UNSPACED:
                    _claim(self._unspaced, word, codename)
            elif len(word) >= MIN_PREFIX:
                _claim(self._prefixes, word, codename)
            elif len(word) == MIN_PART:
                _claim(self._exact, word, codename)

    def __bool__(self) -> bool:
        return bool(self._whole)

    def __call__(self, text: str) -> str:
        if not self._whole:
            return text
        words = list(_word().finditer(text))
        folded = [fold(word.group(0)) for word in words]
        pieces: list[str] = []
        position = 0
        index = 0
        last_codename: str | None = None
        while index < len(words):
            start = words[index].start()
            found = self._match_at(text, words, folded, index)
            if found is None:
                index += 1
                last_codename = None
                continue
            length, replacement, codename = found
            gap = text[position:start]
            if codename == last_codename and gap.isspace():
                # "Marta Lindqvists": one name, said once.
                pieces[-1] = _possessive_of(replacement, pieces[-1])
            else:
                pieces.append(gap)
                pieces.append(replacement)
            position = words[index + length - 1].end()
            index += length
            last_codename = codename
        if not pieces:
            return text
        pieces.append(text[position:])
        return "".join(pieces)

    def _match_at(
        self, text: str, words: list[re.Match[str]], folded: list[str], index: int
    ) -> tuple[int, str, str | None] | None:
        """The name starting at word ``index``: (words it spans, replacement,
        the codename when a whole word was replaced by it)."""
        for length in range(min(self._longest, len(words) - index), 1, -1):
            span = range(index, index + length - 1)
            # A whole name is words separated by blanks only.
            if all(text[words[i].end() : words[i + 1].start()].isspace() for i in span):
                key = tuple(folded[index : index + length])
                found = self._whole_name(key, words[index + length - 1].group(0))
                if found:
                    return length, found, found
        word = folded[index]
        if self._unspaced_pattern is not None and _unspaced_run().match(word):
            original = words[index].group(0)
            replaced = self._unspaced_pattern.sub(lambda m: self._unspaced[m.group(0)], original)
            return (1, replaced, None) if replaced != original else None
        base, tail = word, ""
        if word.endswith(_POSSESSIVE):
            base, tail = word[:-2], words[index].group(0)[-2:]
        found = self._part(base) or self._whole.get((base,))
        return (1, found + tail, found) if found else None

    def _whole_name(self, key: tuple[str, ...], last: str) -> str | None:
        """The codename for the whole name ``key``, also when its last word is
        possessive: "Marta Lindqvist's" keeps its "'s" after the codename."""
        found = self._whole.get(key)
        if found:
            return found
        if not key[-1].endswith(_POSSESSIVE):
            return None
        found = self._whole.get((*key[:-1], key[-1][:-2]))
        return found + last[-2:] if found else None

    def _part(self, word: str) -> str | None:
        """The codename for a word that is one of the name parts, or starts
        with one of four letters or more."""
        found = self._exact.get(word)
        if found is None and len(word) == MIN_PART + 1 and word.endswith("s"):
            found = self._exact.get(word[:-1])
        if found is not None:
            return found
        for part in self._by_head.get(word[:MIN_PREFIX], ()):
            if word.startswith(part):
                return self._prefixes[part]
        return None


def _possessive_of(replacement: str, previous: str) -> str:
    """The codename said once for two words of one name, keeping the
    possessive of the second: "Marta Lindqvist's" -> "HERON's"."""
    if replacement.endswith(_POSSESSIVE) and not previous.endswith(_POSSESSIVE):
        return previous + replacement[-2:]
    return previous
