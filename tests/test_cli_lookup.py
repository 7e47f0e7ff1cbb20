"""What the shell commands stand on, in the data layer: finding the contact
and channel a person means, masking private addresses, the settings file,
the hot-channel warning and the mail clients' address book."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bchan_tui.data import Channel, ChannelKind, Contact, Rung, Store
from bchan_tui.data.domain.masking import mask_address, shown_address
from bchan_tui.data.domain.search import search_contacts
from bchan_tui.data.domain.search_text import fold
from bchan_tui.data.domain.touch_warning import hot_channel_warning
from bchan_tui.data.exchange.address_book import AddressEntry, email_addresses
from bchan_tui.data.settings import SettingsError, load_settings, settings_path
from bchan_tui.data.storage.lookup import (
    ChannelNotFoundError,
    NoMatchError,
    SeveralChannelsError,
    SeveralContactsError,
    channel_handle,
    channel_line,
    resolve_channel,
    resolve_contact,
)

# --- masking -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("marta@proton.example", "m•••@•••.example"),
        ("jo@fastmail.com", "•••@•••.com"),
        ("someone@localhost", "s•••@•••"),
        ("+46 70 555 0142", "+••• •••42"),
        ("(555) 010-9988", "••• •••88"),
        ("@hirotanaka", "@h•••"),
        ("lars.eriksen (Teams)", "l•••"),
        ("abc", "•••"),
        ("@ab", "•••"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_mask_address(address: str, masked: str) -> None:
    assert mask_address(address) == masked


def test_a_mask_does_not_tell_the_length() -> None:
    assert mask_address("a.very.long.name@proton.example") == mask_address("anna@proton.example")


def channel(rung: Rung, address: str) -> Channel:
    return Channel(
        id="c" * 32,
        contact_id="p" * 32,
        rung=rung,
        kind=ChannelKind.EMAIL,
        address=address,
        capacity=1,
        half_life_days=14,
    )


def test_only_private_addresses_are_masked_and_reveal_shows_them() -> None:
    private = channel(Rung.PRIVATE, "marta@proton.example")
    public = channel(Rung.PUBLIC, "marta@northwind.example")
    assert shown_address(private) == "m•••@•••.example"
    assert shown_address(private, reveal=True) == "marta@proton.example"
    assert shown_address(public) == "marta@northwind.example"


# --- finding contacts -----------------------------------------------------------


@pytest.fixture
def people(store: Store) -> dict[str, Contact]:
    found = {
        "ann": store.add_contact("Ann Lee", org="Gartner"),
        "anna": store.add_contact("Anna Berg", org="Forrester", tags=["analyst"]),
        "mateo": store.add_contact("Mateo García", org="Forrester"),
        "jonas1": store.add_contact("Jonas Weber", org="Northwind"),
        "jonas2": store.add_contact("Jonas Weber", org="Globex"),
        "olga": store.add_contact("Olga Ivanova"),
    }
    store.archive_contact(found["olga"].id)
    return found


def test_an_exact_id_or_a_unique_prefix_names_a_contact(
    store: Store, people: dict[str, Contact]
) -> None:
    mateo = people["mateo"]
    assert resolve_contact(store, mateo.id) == mateo
    assert resolve_contact(store, mateo.id[:6].upper()) == mateo


def test_a_prefix_shorter_than_six_is_read_as_a_name(
    store: Store, people: dict[str, Contact]
) -> None:
    with pytest.raises(NoMatchError):
        resolve_contact(store, people["mateo"].id[:5] + "zz")


def test_an_exact_name_wins_over_longer_names(store: Store, people: dict[str, Contact]) -> None:
    assert resolve_contact(store, "ANN LEE") == people["ann"]
    assert resolve_contact(store, "mateo garcia") == people["mateo"]  # accents ignored
    with pytest.raises(SeveralContactsError) as several:
        resolve_contact(store, "ann")
    assert several.value.candidates == (people["ann"], people["anna"])
    assert several.value.exit_status == 3


def test_a_shared_name_is_ambiguous(store: Store, people: dict[str, Contact]) -> None:
    with pytest.raises(SeveralContactsError) as several:
        resolve_contact(store, "Jonas Weber")
    assert set(several.value.candidates) == {people["jonas1"], people["jonas2"]}
    assert str(several.value) == "'Jonas Weber' matches 2 contacts"


def test_words_must_start_words_of_one_name_codename_or_organisation(
    store: Store, people: dict[str, Contact]
) -> None:
    assert resolve_contact(store, "jonas north") == people["jonas1"]
    assert resolve_contact(store, "weber glob") == people["jonas2"]
    kestrel = store.add_contact("Marta Lindqvist", codename="KESTREL")
    assert resolve_contact(store, "kestrel") == kestrel
    assert resolve_contact(store, "marta lind") == kestrel
    # Part of a word, or its letters in order, names nobody: "erg" is in
    # "Anna Berg", "eber" in "Jonas Weber", "frr" in "Forrester".
    for loose in ("erg", "frr", "eber", "lindqvst"):
        with pytest.raises(NoMatchError):
            resolve_contact(store, loose)


def test_an_unknown_name_is_refused_with_the_closest_names(
    store: Store, people: dict[str, Contact]
) -> None:
    store.add_contact("Laura King")
    store.add_contact("Hiro Tanaka")
    with pytest.raises(NoMatchError) as nothing:
        resolve_contact(store, "Oscar Wilde")
    assert str(nothing.value) == "no contact matches 'Oscar Wilde'"
    assert nothing.value.exit_status == 1
    assert nothing.value.suggestions == ()
    with pytest.raises(NoMatchError) as close:
        resolve_contact(store, "Laura Kim")
    assert close.value.suggestions == ("Laura King",)


def test_archived_contacts_only_when_asked_for(store: Store, people: dict[str, Contact]) -> None:
    olga = people["olga"]
    for text in ("Olga Ivanova", "olga", olga.id):
        with pytest.raises(NoMatchError) as nothing:
            resolve_contact(store, text)
        assert "archived: Olga Ivanova (add --archived)" in str(nothing.value)
        assert nothing.value.exit_status == 1
        found = resolve_contact(store, text, archived=True)
        assert (found.id, found.archived) == (olga.id, True)


def test_search_contacts_ranks_word_starts_before_parts_of_words(
    store: Store, people: dict[str, Contact]
) -> None:
    found = search_contacts(store.contacts(), "ann")
    assert [m.contact.name for m in found] == ["Ann Lee", "Anna Berg"]
    assert search_contacts(store.contacts(), "zzz") == []
    # Letters in order only when nothing matches better.
    assert [m.contact.name for m in search_contacts(store.contacts(), "frr")] == [
        "Anna Berg",
        "Mateo García",
    ]


# --- finding channels ------------------------------------------------------------


@pytest.fixture
def ladder(store: Store) -> tuple[Contact, list[Channel]]:
    priya = store.add_contact("Priya Raman")
    store.add_channel(priya.id, Rung.RELATIONSHIP, "call", "+1 555 0177")
    store.add_channel(priya.id, Rung.PRIVATE, "email", "priya.r@fastmail.example")
    store.add_channel(priya.id, Rung.PUBLIC, "email", "priya.raman@northwind.example")
    store.add_channel(priya.id, Rung.PUBLIC, "im", "priya (Teams)")
    return priya, store.channels_of(priya.id)


def test_a_channel_by_kind_rung_address_or_id(ladder: tuple[Contact, list[Channel]]) -> None:
    priya, channels = ladder
    call, private, public, im = channels
    assert resolve_channel(priya, channels, "call") == call
    assert resolve_channel(priya, channels, "Private") == private
    assert resolve_channel(priya, channels, "public:email") == public
    assert resolve_channel(priya, channels, "PRIYA.R@fastmail.example") == private
    assert resolve_channel(priya, channels, "teams") == im
    assert resolve_channel(priya, channels, public.id[:8]) == public


def test_an_ambiguous_channel_lists_them_all(ladder: tuple[Contact, list[Channel]]) -> None:
    priya, channels = ladder
    with pytest.raises(SeveralChannelsError) as several:
        resolve_channel(priya, channels, "email")
    assert several.value.channels == tuple(channels)
    assert several.value.exit_status == 3
    with pytest.raises(SeveralChannelsError):
        resolve_channel(priya, channels, "public")


def test_no_such_channel(ladder: tuple[Contact, list[Channel]], store: Store) -> None:
    priya, channels = ladder
    with pytest.raises(ChannelNotFoundError) as missing:
        resolve_channel(priya, channels, "signal")
    assert str(missing.value) == "Priya Raman has no active channel matching 'signal'"
    assert missing.value.exit_status == 1
    store.retire_channel(channels[0].id)
    with pytest.raises(ChannelNotFoundError):
        resolve_channel(priya, store.channels_of(priya.id, include_retired=True), "call")


def test_each_channel_gets_the_shortest_handle_that_names_it(
    ladder: tuple[Contact, list[Channel]],
) -> None:
    priya, channels = ladder
    call, private, _, _ = channels
    assert [channel_handle(c, channels) for c in channels] == [
        "call",
        "private:email",
        "public:email",
        "im",
    ]
    for each in channels:
        assert resolve_channel(priya, channels, channel_handle(each, channels)) == each
    assert channel_line(private, channels) == (
        "private email  p•••@•••.example  --channel private:email"
    )
    assert channel_line(call, channels) == "relationship call  +1 555 0177  --channel call"


def test_two_channels_of_one_kind_and_rung_are_told_apart_by_address(store: Store) -> None:
    lars = store.add_contact("Lars Eriksen")
    store.add_channel(lars.id, Rung.PUBLIC, "email", "lars@helios.example", label="work")
    store.add_channel(lars.id, Rung.PUBLIC, "email", "lars@board.example")
    store.add_channel(lars.id, Rung.PRIVATE, "phone", "+47 400 00 001")
    store.add_channel(lars.id, Rung.PRIVATE, "phone", "+47 400 00 002")
    channels = store.channels_of(lars.id)
    handles = [channel_handle(c, channels) for c in channels]
    # Private addresses are never printed as handles; ids stand in for them.
    assert handles[:2] == [channels[0].id[:8], channels[1].id[:8]]
    assert handles[2:] == ["lars@helios.example", "lars@board.example"]
    for each, handle in zip(channels, handles, strict=True):
        assert resolve_channel(lars, channels, handle) == each


# --- the hot-channel warning --------------------------------------------------------


def test_the_warning_names_the_ready_again_date(store: Store, frozen: pendulum.DateTime) -> None:
    marta = store.add_contact("Marta Lindqvist")
    signal = store.add_channel(marta.id, Rung.PRIVATE, "signal", "+46 70 555 0142")
    assert hot_channel_warning(signal, store.channel_heat(signal.id)) is None
    store.log_touch(marta.id, signal.id, reason="deal at risk", at=frozen.subtract(days=2))
    assert hot_channel_warning(signal, store.channel_heat(signal.id)) == (
        "private signal is hot (ready again on 5 Dec 2026); "
        "another use spends more of a back channel"
    )
    email = store.add_channel(marta.id, Rung.PUBLIC, "email", "m@northwind.example")
    for _ in range(3):
        store.log_touch(marta.id, email.id)
    warning = hot_channel_warning(email, store.channel_heat(email.id))
    assert warning is not None
    assert warning.startswith("public email is hot (ready again on ")
    assert warning.endswith("; another use keeps it hot longer")


# --- the address book ----------------------------------------------------------------


def test_address_book_lists_public_before_private_and_counts_the_hidden(
    store: Store, frozen: pendulum.DateTime
) -> None:
    priya = store.add_contact("Priya Raman", org="Northwind")
    store.add_channel(priya.id, Rung.PRIVATE, "email", "priya.r@fastmail.example")
    store.add_channel(priya.id, Rung.PUBLIC, "email", "priya@northwind.example", label="work")
    store.add_channel(priya.id, Rung.PUBLIC, "linkedin", "linkedin.com/in/priya")
    hidden = email_addresses(store, "priya", include_private=False, now=frozen)
    assert hidden.entries == (
        AddressEntry("priya@northwind.example", "Priya Raman", "Northwind · public (work)"),
    )
    assert hidden.hidden_private == 1
    shown = email_addresses(store, "priya", include_private=True, now=frozen)
    assert [e.address for e in shown.entries] == [
        "priya@northwind.example",
        "priya.r@fastmail.example",
    ]
    assert shown.hidden_private == 0


def test_address_book_prefers_close_matches_and_matches_addresses(
    store: Store, frozen: pendulum.DateTime
) -> None:
    for name, address in (("Rosa Costa", "rosa@acme.example"), ("Ross Tate", "rt@zeta.example")):
        person = store.add_contact(name)
        store.add_channel(person.id, Rung.PUBLIC, "email", address)
    mute = store.add_contact("Rosa Nomail")
    store.add_channel(mute.id, Rung.PUBLIC, "phone", "+1 555 0100")

    def addresses(query: str) -> list[str]:
        answer = email_addresses(store, query, include_private=False, now=frozen)
        return [e.address for e in answer.entries]

    assert addresses("rosa") == ["rosa@acme.example"]  # not "Ross Tate" by letters
    assert addresses("rsa") == ["rosa@acme.example", "rt@zeta.example"]  # letters only
    assert addresses("zeta") == ["rt@zeta.example"]  # by address
    assert addresses("nobody") == []
    rosa = store.channels_of(resolve_contact(store, "Rosa Costa").id)[0]
    store.retire_channel(rosa.id)
    assert "rosa@acme.example" not in addresses("rosa")  # a retired address is not offered


# --- settings ---------------------------------------------------------------------


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    monkeypatch.setenv("BCHAN_CONFIG", str(path))
    monkeypatch.delenv("BCHAN_QUERY_PRIVATE", raising=False)
    return path


def test_settings_default_when_there_is_no_file(settings_file: Path) -> None:
    assert settings_path() == settings_file
    assert load_settings().query.include_private is False


def test_settings_from_the_file_and_the_environment(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings_file.write_text("[query]\ninclude_private = true\n[later]\nother = 1\n")
    assert load_settings().query.include_private is True
    monkeypatch.setenv("BCHAN_QUERY_PRIVATE", "no")
    assert load_settings().query.include_private is False
    monkeypatch.setenv("BCHAN_QUERY_PRIVATE", "maybe")
    with pytest.raises(SettingsError, match="BCHAN_QUERY_PRIVATE must be 1 or 0"):
        load_settings()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[query\n", "not valid TOML"),
        ('[query]\ninclude_private = "yes"\n', "include_private must be true or false"),
        ("query = 1\n", "[query] must be a table"),
    ],
)
def test_settings_problems_name_the_file(settings_file: Path, text: str, problem: str) -> None:
    settings_file.write_text(text)
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert str(settings_file) in str(error.value)
    assert problem in str(error.value)


# --- folding ------------------------------------------------------------------------


@given(st.text())
def test_the_ascii_shortcut_folds_like_the_full_path(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    full = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    assert fold(text) == full
