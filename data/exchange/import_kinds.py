"""What kind of channel, and which rung, an address book's entry becomes.

vCards and CSV files name services and address types in many ways
("Skype", "X-TWITTER", "* Home", "TYPE=pref"); these rules are shared by
both readers so a person imported either way gets the same ladder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..domain.models import ChannelKind, Rung

# Types and labels that put an address on the private rung.
PRIVATE_TYPES = frozenset({"home", "personal", "private"})

_SERVICES: dict[str, ChannelKind] = {
    "signal": ChannelKind.SIGNAL,
    "whatsapp": ChannelKind.WHATSAPP,
    "telegram": ChannelKind.TELEGRAM,
    "tg": ChannelKind.TELEGRAM,
    "linkedin": ChannelKind.LINKEDIN,
    "twitter": ChannelKind.X,
    "x": ChannelKind.X,
    "mastodon": ChannelKind.MASTODON,
}

_SOCIAL_HOSTS: dict[str, ChannelKind] = {
    "linkedin.com": ChannelKind.LINKEDIN,
    "twitter.com": ChannelKind.X,
    "x.com": ChannelKind.X,
    "t.me": ChannelKind.TELEGRAM,
    "wa.me": ChannelKind.WHATSAPP,
    "signal.me": ChannelKind.SIGNAL,
}

# URI schemes an IMPP value may carry; stripped from the stored address.
IM_SCHEMES = frozenset(
    {
        "signal",
        "whatsapp",
        "telegram",
        "tg",
        "xmpp",
        "jabber",
        "skype",
        "sip",
        "im",
        "x-apple",
        "aim",
        "msnim",
        "ymsgr",
        "gtalk",
        "icq",
        "irc",
        "matrix",
        "teams",
        "slack",
    }
)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):(?!//)", re.IGNORECASE)
# Apple wraps its standard labels: "_$!<Home>!$_".
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


def service_kind(service: str, default: ChannelKind = ChannelKind.IM) -> ChannelKind:
    """The kind for a named service ("Signal", "Skype"...), ``default`` when unknown."""
    return _SERVICES.get(service.strip().casefold(), default)


def split_scheme(value: str) -> tuple[str, str]:
    """("xmpp", "jo@jabber.example") from "xmpp:jo@jabber.example"; ("", value)
    when the value has no instant-messaging scheme."""
    text = value.strip()
    match = _SCHEME.match(text)
    if match and match.group(1).casefold() in IM_SCHEMES:
        return match.group(1).casefold(), text[match.end() :].strip()
    return "", text


def social_kind(address: str) -> ChannelKind | None:
    """The kind of a social profile from its URL's host, or None."""
    text = address.strip()
    if "://" not in text:
        text = "https://" + text
    host = (urlsplit(text).hostname or "").casefold()
    host = host.removeprefix("www.").removeprefix("mobile.")
    for known, kind in _SOCIAL_HOSTS.items():
        if host == known or host.endswith("." + known):
            return kind
    return None


def clean_label(label: str) -> str:
    """A label as people read it: Apple's "_$!<Mobile>!$_" becomes "Mobile"."""
    text = label.strip()
    match = _APPLE_LABEL.match(text)
    return match.group(1) if match else text


def rung_for(types: Iterable[str], label: str = "") -> Rung:
    """Home or personal addresses go to the private rung, everything else public."""
    words = {t.strip().casefold() for t in types}
    words.add(clean_label(label).casefold())
    return Rung.PRIVATE if words & PRIVATE_TYPES else Rung.PUBLIC
