"""The content lines of one vCard, as every version writes them.

vobject reads vCard 3.0 well, but not what phones and older mail clients
write: it cuts a text value at its first unescaped comma (FN "Smith, Jane"
becomes "Smith"), drops vCard 2.1's bare parameters (``EMAIL;INTERNET;HOME``
loses HOME, which decides the rung), fails a whole card on quoted-printable
soft line breaks, and ignores CHARSET. So a card's lines are read here:
unfolded, split into group, name, parameters and value, the value decoded
from quoted-printable and its charset, with a line that cannot be read
reported and skipped rather than the card.

Each line also gives its *normal* form: the same property as a vCard 3.0
content line (bare parameters as TYPE, no quoted-printable, no CHARSET), which
is what bchan keeps of the properties it does not model and writes back.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_NAME = re.compile(r"(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)")
_QUOTED_PRINTABLE = "QUOTED-PRINTABLE"
_BASE64 = frozenset({"B", "BASE64"})
# Parameters that describe how the value was written in the file, not what it
# means: dropped once the value is decoded.
_TRANSFER = frozenset({"ENCODING", "CHARSET"})
# vCard 2.1's bare parameters that name an encoding, not a type.
_BARE_ENCODINGS = {"QUOTED-PRINTABLE": "ENCODING", "BASE64": "ENCODING", "8BIT": "ENCODING"}


@dataclass
class ContentLine:
    """One property of a card: where it starts in the file, and what it says."""

    line: int
    group: str
    name: str
    # Upper-case parameter names; a bare 2.1 parameter (HOME) is a TYPE value.
    params: dict[str, list[str]] = field(default_factory=dict)
    # The value as text: transfer encodings undone, vCard escapes kept.
    value: str = ""

    def types(self) -> set[str]:
        """TYPE values in lower case; "voice,cell" in one value counts as two."""
        return {
            part.strip().casefold()
            for value in self.params.get("TYPE", ())
            for part in value.split(",")
            if part.strip()
        }

    def param(self, name: str) -> str:
        values = self.params.get(name.upper()) or []
        return values[0].strip() if values else ""

    def normal(self) -> str:
        """This property as one vCard 3.0 content line, unfolded."""
        head = f"{self.group}.{self.name}" if self.group else self.name
        for key, values in self.params.items():
            head += f";{key}=" + ",".join(_param_value(value) for value in values)
        return f"{head}:{self.value}"


@dataclass(frozen=True)
class BadLine:
    """A line of a card that is not a property bchan can read."""

    line: int
    reason: str


def _param_value(value: str) -> str:
    return f'"{value}"' if any(ch in value for ch in ":;, ") else value


def logical_lines(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Unfold a card's lines: a line starting with a space or tab continues
    the one before, and so does the line after a quoted-printable value that
    ends in "=" (a soft line break). Each comes with its first line number."""
    start, text = 0, ""
    soft_break = False
    for number, line in lines:
        if text and soft_break:
            text = text[:-1] + line
        elif text and line[:1] in (" ", "\t"):
            text += line[1:]
        else:
            if text:
                yield start, text
            start, text = number, line
        soft_break = text.endswith("=") and _QUOTED_PRINTABLE in _head(text).upper()
    if text:
        yield start, text


def _head(text: str) -> str:
    """The part of a line before its value (name and parameters)."""
    return text[: _value_start(text)]


def _value_start(text: str) -> int:
    """Where the value of ``text`` starts: after the first colon outside quotes."""
    quoted = False
    for position, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return position
    return -1


def parse_line(number: int, text: str, *, latin1: bool) -> ContentLine | BadLine:
    """One unfolded line as a property. ``latin1`` says the file was read byte
    for byte as Latin-1 (it was not UTF-8), so each value is decoded by its
    own CHARSET."""
    colon = _value_start(text)
    name = _NAME.match(text)
    if colon < 0 or name is None or name.end() != len(text[:colon].split(";")[0]):
        return BadLine(number, f"line {number} is not a vCard property")
    group, prop = name.group(1) or "", name.group(2).upper()
    params: dict[str, list[str]] = {}
    for raw in _split_params(text[name.end() : colon]):
        key, equals, value = raw.partition("=")
        key = key.strip().upper()
        if not key:
            continue
        if not equals:
            # vCard 2.1: TEL;CELL;HOME, EMAIL;INTERNET, NOTE;QUOTED-PRINTABLE.
            key, value = _BARE_ENCODINGS.get(key, "TYPE"), key
        values = [v.strip().strip('"') for v in _split_values(value)] if value else []
        params.setdefault(key, []).extend(values)
    value = text[colon + 1 :]
    encoding = (params.get("ENCODING") or [""])[0].upper()
    charset = (params.get("CHARSET") or [""])[0]
    try:
        if encoding == _QUOTED_PRINTABLE:
            raw_bytes = quopri.decodestring(value.encode("latin-1" if latin1 else "utf-8"))
            value = _decoded(raw_bytes, charset).replace("\r\n", "\n").replace("\n", "\\n")
        elif latin1:
            value = _decoded(value.encode("latin-1"), charset)
        if encoding in _BASE64:
            base64.b64decode("".join(value.split()), validate=True)
    except (UnicodeEncodeError, binascii.Error, ValueError):
        what = "the value is not valid base64" if encoding in _BASE64 else "the value is garbled"
        return BadLine(number, f"line {number} ({prop}): {what}")
    # vCard 3.0 names base64 "b"; the other transfer parameters are undone.
    kept = {
        key: (["b"] if key == "ENCODING" else values)
        for key, values in params.items()
        if key not in _TRANSFER or (key == "ENCODING" and encoding in _BASE64)
    }
    return ContentLine(number, group, prop, kept, value)


def _decoded(raw: bytes, charset: str) -> str:
    """Bytes as text in their CHARSET; without one (or an unknown one), UTF-8,
    else Windows-1252, which is what older Windows programs write."""
    if charset:
        try:
            return raw.decode(codecs.lookup(charset).name, errors="replace")
        except LookupError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _split_params(text: str) -> list[str]:
    return _split_outside_quotes(text, ";")[1:]


def _split_values(text: str) -> list[str]:
    return _split_outside_quotes(text, ",")


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], "", False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


# --- values --------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPED = {"n": "\n", "N": "\n"}


def unescape(value: str) -> str:
    """A text value as people read it: ``\\n`` a new line, ``\\,`` ``\\;``
    ``\\:`` ``\\\\`` the character itself (Google escapes the colon of a URL)."""
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), value)


def components(value: str, separator: str = ";") -> list[str]:
    """The parts of a structured value (N, ADR, ORG) or a list (CATEGORIES),
    split at separators that are not escaped, each unescaped."""
    parts, current, escaped = [], "", False
    for char in value:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append(unescape(current))
            current = ""
        else:
            current += char
    parts.append(unescape(current + ("\\" if escaped else "")))
    return parts


def structured_name(name: str) -> str:
    """The N value bchan writes for a name with no N of its own: the last
    word is the family name, the rest the given names."""
    given, _, family = name.rpartition(" ")
    family, given = (family, given) if given else (name, "")
    return f"{escape(family)};{escape(given)};;;"


def escape(text: str) -> str:
    """Text as a vCard 3.0 value."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")
