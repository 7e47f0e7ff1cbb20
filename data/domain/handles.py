"""Who an email address, a handle or a profile link names, however it is
written (DESIGN.md "Protect your sources").

Each channel kind lets people write the same account several ways: an
email in any case; a Mastodon account as ``@heron@social.example``,
``heron@social.example`` or ``https://social.example/@heron``; a Matrix id
as ``@lapwing7:matrix.example`` or a ``matrix.to`` link; a Signal username
as ``heron.42``; Telegram, X and LinkedIn as ``@heron``, ``t.me/heron``,
``x.com/heron``, ``linkedin.com/in/heron``. All of them come down to an
``Identity``: the user, and the host when the form names one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .search_text import fold


class Identity(NamedTuple):
    """An account: its user name, and its host ("" when the form has none)."""

    user: str
    host: str


# Shorter user names ("@jo", "x.com/a") are too often something else.
MIN_USER = 3

_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:(?://)?)?(?:www\.)?")
_HOST = re.compile(r"^[\w\-]+(?:\.[\w\-]+)+$")
# Path segments of a profile link that come before the user name.
_NOT_A_USER = frozenset({"", "#", "in", "u", "user", "users", "profile", "pub", "add", "@"})
_TRAILING = ".,;:!?-/"


def _user_at_host(text: str, separator: str) -> Identity | None:
    user, found, host = text.partition(separator)
    if found and user and _HOST.match(host):
        return Identity(user, host)
    return None


def identity_of(written: str, *, bare: bool = False) -> Identity | None:
    """The account ``written`` names, or None when it is no address.

    ``bare`` allows a word with no ``@`` and no link around it
    (``heron.42``), which names an account only where a handle is expected.
    """
    text = fold(written.strip()).rstrip(_TRAILING)
    if not text:
        return None
    rest = _SCHEME.sub("", text, count=1)
    host, slash, path = rest.partition("/")
    if slash and _HOST.match(host):
        return _from_link(host, path)
    if text.startswith("@"):
        handle = text[1:]
        found = _user_at_host(handle, "@") or _user_at_host(handle, ":")
        if found is not None:
            return found
        return Identity(handle, "") if handle and "@" not in handle else None
    found = _user_at_host(rest, "@")
    if found is not None:
        return found
    if bare and "@" not in text and ":" not in text:
        return Identity(text, "")
    return None


def _from_link(host: str, path: str) -> Identity | None:
    """The account a profile link names: its first path segment that can
    be a user (``@heron`` on a Mastodon server's own host)."""
    for segment in re.split(r"[/?]", path):
        segment = segment.strip().rstrip(_TRAILING)
        if segment in _NOT_A_USER:
            continue
        if segment.startswith("@"):
            handle = segment[1:]
            found = _user_at_host(handle, ":") or _user_at_host(handle, "@")
            return found or (Identity(handle, host) if handle else None)
        if segment.startswith(("#", "!", "?")):
            return None
        # t.me/heron, x.com/heron: the host is the service, not the account's.
        return Identity(segment, "")
    return None


def same_account(hidden: Identity, written: Identity) -> bool:
    """Whether ``written`` may name the hidden account: the same user, on
    the same host or where either form names no host ("@heron" in a note
    may well be the private ``@heron@social.example``)."""
    return hidden.user == written.user and (
        hidden.host == written.host or not hidden.host or not written.host
    )
