"""Generated secrets in generated free text: a private number in any
national form, a quoted handle, a codenamed person's name with a suffix and
invisible characters inside. None survives a redacted export or the records
a screen-safe screen is given; every one survives a revealed export, so
these tests can fail."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pendulum
import phonenumbers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bchan_tui.data import IntelDirection, Rung, Store
from bchan_tui.data.book.screen_safe import safe_detail
from bchan_tui.data.exchange.export_markdown import export_markdown

from .test_export_properties import plain_text

EXPORT_EXAMPLES = 40
SCREEN_EXAMPLES = 40

NOW = pendulum.datetime(2026, 11, 23, 12, 0, 0, tz="UTC")
REGIONS = ["SE", "DE", "GB", "FR", "US", "IT", "AR", "JP", "BR", "IN"]
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
SUFFIXES = ["", "s", "'s", "-led", "ens", "-Gruppe", "ska"]
# Words of free text that no secret can be mistaken for.
FILLER = st.sampled_from(["met", "about", "the", "deal", "today", "budget", "call", "Q3", "ok"])


@dataclass(frozen=True)
class Secrets:
    number: phonenumbers.PhoneNumber
    written_number: str
    handle: str
    written_handle: str
    surname: str
    written_surname: str

    @property
    def stored_number(self) -> str:
        return phonenumbers.format_number(self.number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def national_digits(self) -> str:
        return phonenumbers.national_significant_number(self.number)


@st.composite
def numbers(draw: st.DrawFn) -> tuple[phonenumbers.PhoneNumber, str]:
    """A valid mobile number of some country, and one way of writing it."""
    region = draw(st.sampled_from(REGIONS))
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    national = phonenumbers.national_significant_number(example)
    tail = draw(st.from_regex(r"[0-9]{4}", fullmatch=True))
    number = phonenumbers.parse(f"+{example.country_code}{national[:-4]}{tail}", None)
    formats = [
        phonenumbers.PhoneNumberFormat.NATIONAL,
        phonenumbers.PhoneNumberFormat.INTERNATIONAL,
        phonenumbers.PhoneNumberFormat.E164,
    ]
    written = phonenumbers.format_number(number, draw(st.sampled_from(formats)))
    # Punctuation people use instead of spaces, and invisible characters.
    separator = draw(st.sampled_from([" ", "-", ".", "\u00a0", " ", *INVISIBLE]))
    written = written.replace(" ", separator)
    if draw(st.booleans()) and written.startswith("+"):
        written = "00" + written[1:]
    return number, written


handles = st.from_regex(r"[a-z][a-z]{2,8}[0-9]{1,3}", fullmatch=True)


@st.composite
def written_handles(draw: st.DrawFn, user: str) -> tuple[str, str]:
    """(the stored address, how a note quotes it)."""
    host = draw(st.sampled_from(["social.example", "matrix.example", "chat.example"]))
    kind = draw(st.sampled_from(["mastodon", "matrix", "signal", "telegram"]))
    stored, forms = {
        "mastodon": (
            f"@{user}@{host}",
            [f"@{user}@{host}", f"{user}@{host}", f"https://{host}/@{user}", f"@{user}"],
        ),
        "matrix": (f"@{user}:{host}", [f"@{user}:{host}", f"https://matrix.to/#/@{user}:{host}"]),
        "signal": (f"{user}.42", [f"{user}.42", f"@{user}.42"]),
        "telegram": (f"@{user}", [f"@{user}", f"t.me/{user}", f"https://t.me/{user}"]),
    }[kind]
    written = draw(st.sampled_from(forms))
    return stored, written.upper() if draw(st.booleans()) else written


surnames = st.from_regex(r"Q[a-z]{3,8}", fullmatch=True)


@st.composite
def secrets(draw: st.DrawFn) -> Secrets:
    number, written_number = draw(numbers())
    user = draw(handles)
    handle, written_handle = draw(written_handles(user))
    surname = draw(surnames)
    cut = draw(st.integers(1, len(surname) - 1))
    hidden_inside = draw(st.sampled_from(INVISIBLE))
    written_surname = (
        surname[:cut] + hidden_inside + surname[cut:] + draw(st.sampled_from(SUFFIXES))
    )
    if draw(st.booleans()):
        written_surname = written_surname.upper()
    return Secrets(number, written_number, handle, written_handle, surname, written_surname)


@st.composite
def free_text(draw: st.DrawFn, secret: str) -> str:
    before = draw(st.lists(FILLER, max_size=3))
    after = draw(st.lists(FILLER, max_size=3))
    closing = draw(st.sampled_from(["", ".", ",", ";", ")"]))
    return " ".join([*before, secret + closing, *after])


@st.composite
def notes(draw: st.DrawFn) -> tuple[Secrets, list[str]]:
    found = draw(secrets())
    texts = [
        draw(free_text(found.written_number)),
        draw(free_text(found.written_handle)),
        draw(free_text(found.written_surname)),
    ]
    return found, texts


def book_with(folder: str, found: Secrets, texts: list[str]) -> tuple[Store, str]:
    """A codenamed source with the secret number and handle, and someone
    else whose touch, intel and gain quote them; returns the store and
    the other person's id."""
    store = Store(Path(folder) / "book.json")
    source = store.add_contact(f"Ada {found.surname}", codename="KESTREL")
    store.add_channel(source.id, Rung.PRIVATE, "phone", found.stored_number)
    store.add_channel(source.id, Rung.PRIVATE, "other", found.handle)
    other = store.add_contact("Bo Weber", intention=texts[0])
    email = store.add_channel(other.id, Rung.PUBLIC, "email", "bo@example.org")
    store.log_touch(other.id, email.id, note=texts[1], reason=texts[2], at=NOW.subtract(days=1))
    for text in texts:
        store.record_intel(other.id, IntelDirection.RECEIVED, text, at=NOW.subtract(days=2))
        store.record_intel(source.id, IntelDirection.RECEIVED, text, at=NOW.subtract(days=3))
    return store, other.id


def survivors(text: str, found: Secrets) -> list[str]:
    """The secrets ``text`` still shows: the number's digits in any form, the
    handle's user, the surname (invisible characters and case ignored)."""
    flat = re.sub(r"[\u00ad\u200b-\u200d\u2060\ufeff\\]", "", text).casefold()
    digits = re.sub(r"\D", "", flat)
    user = found.handle.lstrip("@").split("@")[0].split(":")[0].split(".")[0]
    shown = []
    written_digits = re.sub(r"\D", "", found.written_number)
    if found.national_digits() in digits or written_digits in digits:
        shown.append(found.written_number)
    if user in flat:
        shown.append(found.written_handle)
    if found.surname.casefold() in flat:
        shown.append(found.written_surname)
    return shown


@settings(
    max_examples=EXPORT_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(planned=notes())
def test_no_secret_survives_a_redacted_export_and_every_one_a_revealed_one(
    planned: tuple[Secrets, list[str]],
) -> None:
    found, texts = planned
    with tempfile.TemporaryDirectory() as folder:
        store, _ = book_with(folder, found, texts)
        with store:
            redacted = plain_text(export_markdown(store, now=NOW))
            revealed = plain_text(export_markdown(store, reveal=True, now=NOW))
    assert survivors(redacted, found) == []
    assert len(survivors(revealed, found)) == 3


@settings(
    max_examples=SCREEN_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(planned=notes())
def test_no_secret_survives_what_a_screen_safe_screen_is_given(
    planned: tuple[Secrets, list[str]],
) -> None:
    found, texts = planned
    with tempfile.TemporaryDirectory() as folder:
        store, other = book_with(folder, found, texts)
        with store:
            detail = store.contact_detail(other)
            shown = safe_detail(detail, store.scrubber())
    every_text = [
        shown.contact.intention,
        *(t.note for t in shown.touches),
        *(t.reason for t in shown.touches),
        *(i.summary for i in shown.intel),
    ]
    assert survivors(" | ".join(every_text), found) == []
    as_stored = [detail.contact.intention, *(i.summary for i in detail.intel)]
    assert len(survivors(" | ".join(as_stored), found)) == 3
