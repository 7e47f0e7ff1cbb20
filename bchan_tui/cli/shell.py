"""What the shell commands (find, reach, log, query) share: the ``--db``
option, turning lookup failures into a message, a listing and an exit
status, and writing output that may go into a closed pipe."""

from __future__ import annotations

import argparse
import functools
import sys
import textwrap
from collections.abc import Iterable, Sequence

from bchan_tui.data.domain.models import Contact
from bchan_tui.data.domain.text import clean_line
from bchan_tui.data.settings import SettingsError
from bchan_tui.data.storage.lookup import (
    ChannelNotFoundError,
    LookupFailed,
    NoMatchError,
    SeveralContactsError,
    channel_line,
    short_id,
)

from .common import Handler, fail, say, write_output

EXIT_NO_MATCH = 1
EXIT_SEVERAL = 3
LISTED_AT_MOST = 20


def paragraph(text: str) -> str:
    """Help text wrapped ahead of time, for parsers that keep an epilog's own lines."""
    return textwrap.fill(text, width=79)


def shown(text: str) -> str:
    """User text as one safe line for a terminal (no control characters)."""
    return clean_line(text)


def contact_label(contact: Contact) -> str:
    """``3f2a9c1b  Marta Lindqvist  (Northwind Logistics, CIO)``."""
    about = ", ".join(shown(part) for part in (contact.org, contact.role) if part)
    archived = " [archived]" if contact.archived else ""
    suffix = f"  ({about})" if about else ""
    return f"{short_id(contact.id)}  {shown(contact.name)}{suffix}{archived}"


def _listing(lines: Sequence[str]) -> list[str]:
    listed = [f"  {line}" for line in lines[:LISTED_AT_MOST]]
    if len(lines) > LISTED_AT_MOST:
        listed.append(f"  ... and {len(lines) - LISTED_AT_MOST} more")
    return listed


def report_lookup(error: LookupFailed) -> int:
    """Print why a lookup failed, with the candidates, to stderr."""
    fail(shown(str(error)), error.exit_status)
    lines: list[str] = []
    if isinstance(error, SeveralContactsError):
        labels = [contact_label(c) for c in error.candidates]
        lines = [*_listing(labels), "Give more of the name, or the id."]
    elif isinstance(error, NoMatchError) and error.suggestions:
        lines = [f"Did you mean: {', '.join(shown(name) for name in error.suggestions)}?"]
    elif isinstance(error, ChannelNotFoundError) and error.channels:
        choices = [shown(channel_line(c, error.channels)) for c in error.channels]
        lines = ["Its channels:", *_listing(choices)]
    for line in lines:
        say(line)
    return error.exit_status


def add_archived_option(parser: argparse.ArgumentParser) -> None:
    """``--archived``: a name may mean an archived contact too. Without it an
    archived contact is never acted on, only pointed out."""
    parser.add_argument(
        "--archived", action="store_true", help="the contact may be an archived one"
    )


def lookup_guarded(handler: Handler) -> Handler:
    """A handler whose lookup and settings failures become messages and exit statuses."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except LookupFailed as error:
            return report_lookup(error)
        except SettingsError as error:
            return fail(str(error), error.exit_status)

    return run


def emit(lines: Iterable[str]) -> None:
    """Print lines to stdout, or raise ``OutputFailedError``; a terminal
    that cannot show "•" or "é" gets "?" rather than a traceback."""
    text = "".join(f"{line}\n" for line in lines)
    write_output(text, encoding=getattr(sys.stdout, "encoding", None) or "utf-8")
