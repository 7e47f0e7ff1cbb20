"""Finding the contact and the channel a person means from what they type on
the command line: ``bchan reach marta``, ``bchan log 3f2a9c --channel signal``.

A contact is named strictly (``resolve_contact``): an id, a whole name, or
words that start words of one name. The dashboard's filter is looser, as a
list to look through may be; a command that writes must act on the person
meant and no one else.
"""

from __future__ import annotations

import difflib
import shlex
import string
from collections.abc import Iterable, Sequence

from pendulum import DateTime

from ..domain.masking import shown_address
from ..domain.models import Account, Channel, ChannelKind, Contact, ContactRow, Rung
from ..domain.naming import ContactName, named_by
from ..domain.search import ContactMatch as ContactMatch  # where callers have found it
from ..domain.search_text import fold, whole_name
from ..errors import BchanError
from .store import Store

MIN_ID_PREFIX = 6
SHORT_ID = 8


def short_id(record_id: str) -> str:
    """The first characters of an id; enough to name a record on the command line."""
    return record_id[:SHORT_ID]


class LookupFailed(BchanError):
    """What was typed names nothing, or more than one thing."""

    exit_status = 1


class NoMatchError(LookupFailed):
    """Nothing matches; ``suggestions`` are names that look like what was typed."""

    def __init__(self, message: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.suggestions = tuple(suggestions)


class SeveralContactsError(LookupFailed):
    """More than one contact matches; ``candidates`` lists them, best first."""

    exit_status = 3

    def __init__(self, message: str, candidates: Sequence[Contact]) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


class ChannelNotFoundError(LookupFailed):
    """No active channel of the contact matches; ``channels`` lists them all."""

    def __init__(self, message: str, channels: Sequence[Channel]) -> None:
        super().__init__(message)
        self.channels = tuple(channels)


class SeveralChannelsError(ChannelNotFoundError):
    """More than one of the contact's channels matches."""

    exit_status = 3


# --- contacts ---------------------------------------------------------------


def _looks_like_id(text: str) -> bool:
    return len(text) >= MIN_ID_PREFIX and all(ch in string.hexdigits for ch in text)


def _several(text: str, candidates: Sequence[Contact]) -> SeveralContactsError:
    return SeveralContactsError(f"{text!r} matches {len(candidates)} contacts", candidates)


def _named(people: Sequence[ContactName], text: str) -> list[ContactName]:
    """Whom ``text`` names among ``people``: by id or id prefix when it looks
    like one and some id starts with it, else by name (``named_by``)."""
    if _looks_like_id(text):
        prefix = text.casefold()
        by_id = [p for p in people if p.id.startswith(prefix)]
        exact = [p for p in by_id if p.id == prefix]
        if exact or by_id:
            return exact or by_id
    return list(named_by(people, text))


def resolve_contact(store: Store, text: str, *, archived: bool = False) -> Contact:
    """The one contact ``text`` names, and nobody else: an id or a unique id
    prefix (six characters or more), a whole name or codename (ignoring case
    and accents), or words each of which starts a word of one contact's
    name, codename or organisation. Archived contacts only when
    ``archived`` is set.

    Raises ``SeveralContactsError`` listing them when several match, and
    ``NoMatchError`` when none does: saying so when an archived contact
    would match, and offering the closest names otherwise, never acting on
    them.
    """
    wanted = text.strip()
    if not wanted:
        raise NoMatchError("give a name or an id")
    # Names and ids first: only the contacts that may be meant are decoded.
    everyone = store.contact_names()
    pool = everyone if archived else [p for p in everyone if not p.archived]
    found = _named(pool, wanted)
    if len(found) == 1:
        return _decoded(store, [found[0].id])[0]
    if found:
        by_name = sorted(_decoded(store, [p.id for p in found]), key=lambda c: (fold(c.name), c.id))
        raise _several(wanted, by_name)
    if not archived:
        resting = _named([p for p in everyone if p.archived], wanted)
        if resting:
            names = ", ".join(p.name for p in resting[:3])
            raise NoMatchError(
                f"no active contact matches {wanted!r}; archived: {names} (add --archived)"
            )
    raise NoMatchError(f"no contact matches {wanted!r}", suggestions=_closest(pool, wanted))


# The least likeness (difflib's ratio) a name needs to be suggested.
SUGGEST_CUTOFF = 0.6
SUGGESTIONS = 3


def _closest(people: Sequence[ContactName], text: str) -> list[str]:
    """Names that look like ``text``, closest first, for "did you mean"."""
    by_name: dict[str, str] = {}
    for person in people:
        by_name.setdefault(whole_name(person.name), person.name)
    close = difflib.get_close_matches(
        whole_name(text), list(by_name), n=SUGGESTIONS, cutoff=SUGGEST_CUTOFF
    )
    return [by_name[name] for name in close]


def _decoded(store: Store, contact_ids: Sequence[str]) -> list[Contact]:
    """The contacts with these ids, archived ones included, in stored order."""
    return store.contacts_among(contact_ids, include_archived=True)


def contact_rows_for(store: Store, contacts: Iterable[Contact], now: DateTime) -> list[ContactRow]:
    """The dashboard's row of the given contacts only; the shell does not need
    every contact's row to answer for a few matches."""
    return store.contact_rows(now, contact_ids=[contact.id for contact in contacts])


# --- channels -----------------------------------------------------------------


def _kind_of(text: str) -> ChannelKind | None:
    key = text.strip().casefold().replace("-", "_").replace(" ", "_")
    try:
        return ChannelKind(key)
    except ValueError:
        return None


def _rung_of(text: str) -> Rung | None:
    try:
        return Rung(text.strip().casefold())
    except ValueError:
        return None


def _by_spec(channels: Sequence[Channel], spec: str) -> list[Channel]:
    """Channels a spec names, trying each form in turn: an id or id prefix,
    ``rung:kind``, a kind, a rung, an exact address, a part of an address."""
    text = spec.strip()
    lowered = text.casefold()
    if _looks_like_id(text):
        by_id = [c for c in channels if c.id.startswith(lowered)]
        if by_id:
            return by_id
    rung_text, colon, kind_text = text.partition(":")
    if colon:
        rung, kind = _rung_of(rung_text), _kind_of(kind_text)
        if rung is not None and kind is not None:
            return [c for c in channels if c.rung is rung and c.kind is kind]
    kind = _kind_of(text)
    if kind is not None:
        return [c for c in channels if c.kind is kind]
    rung = _rung_of(text)
    if rung is not None:
        return [c for c in channels if c.rung is rung]
    exact = [c for c in channels if c.address and c.address.casefold() == lowered]
    if exact:
        return exact
    return [c for c in channels if lowered and lowered in c.address.casefold()]


def resolve_channel(contact: Contact, channels: Sequence[Channel], spec: str) -> Channel:
    """The one active channel ``spec`` names among a contact's ``channels``:
    a kind (``signal``), ``rung:kind`` (``private:email``), a rung
    (``private``), an address or part of one, or a channel id (prefix).

    Raises ``ChannelNotFoundError`` or ``SeveralChannelsError``, both listing
    the contact's channels.
    """
    active = [c for c in channels if c.is_active]
    who = contact.name
    if not active:
        raise ChannelNotFoundError(f"{who} has no active channel; add one first", active)
    found = _by_spec(active, spec)
    if len(found) == 1:
        return found[0]
    if found:
        raise SeveralChannelsError(
            f"{spec!r} matches {len(found)} of {who}'s channels; name one of them", active
        )
    raise ChannelNotFoundError(f"{who} has no active channel matching {spec!r}", active)


def channel_handle(channel: Channel, channels: Sequence[Channel]) -> str:
    """The shortest ``--channel`` value that names this channel among ``channels``."""
    tries = (channel.kind.value, f"{channel.rung.value}:{channel.kind.value}")
    for spec in tries:
        if _by_spec(channels, spec) == [channel]:
            return spec
    named_by_address = channel.address and _by_spec(channels, channel.address) == [channel]
    if channel.rung is not Rung.PRIVATE and named_by_address:
        return channel.address
    return short_id(channel.id)


def channel_line(channel: Channel, channels: Sequence[Channel], *, reveal: bool = False) -> str:
    """One channel as a choice: what it is, its address (masked when private),
    and the ``--channel`` value that picks it."""
    address = shown_address(channel, reveal=reveal) or "(no address)"
    handle = shlex.quote(channel_handle(channel, channels))
    return f"{channel.describe()}  {address}  --channel {handle}"


# --- accounts -----------------------------------------------------------------


class AccountNotFoundError(BchanError):
    """No account, or more than one, matches the name given."""


def find_account(store: Store, text: str) -> Account:
    """The account named ``text``: an exact name (ignoring case and accents),
    else the one account whose name contains it."""
    wanted = fold(text.strip())
    accounts = store.accounts()
    exact = [a for a in accounts if fold(a.name) == wanted]
    found = exact or [a for a in accounts if wanted and wanted in fold(a.name)]
    if len(found) == 1:
        return found[0]
    if not found:
        names = ", ".join(a.name for a in accounts) or "none yet"
        raise AccountNotFoundError(f"no account matches {text!r} (accounts: {names})")
    names = ", ".join(a.name for a in found)
    raise AccountNotFoundError(f"{text!r} matches {len(found)} accounts: {names}")
