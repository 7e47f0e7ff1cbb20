"""`bchan log`: a touch recorded as the dashboard records one."""

from __future__ import annotations

import io
import os
import sys

import pytest

from bchan_tui.data import Store

from .helpers import Book, bchan, touches_of

# --- log --------------------------------------------------------------------


def test_log_records_a_touch_on_the_channel_named_by_kind(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(
        capsys, book, "log", "Kwame", "--channel", "linkedin", "--urgency", "important",
        "--note", "sent the benchmark",
    )  # fmt: skip
    assert status == 0, err
    assert out.splitlines() == [
        "logged an outgoing important touch to Kwame Mensah on public linkedin",
        "public linkedin is now cool",
    ]
    assert touches_of(book, book.kwame) == [
        ("public linkedin", "out", "important", "sent the benchmark")
    ]


def test_log_records_an_incoming_touch(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = bchan(capsys, book, "log", "Kwame", "--channel", "signal", "--in")
    assert status == 0
    assert out.startswith("logged an incoming routine touch from Kwame Mensah on private signal")
    assert touches_of(book, book.kwame) == [("private signal", "in", "routine", "")]


def test_log_takes_an_address_for_the_channel(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = bchan(
        capsys, book, "log", "Priya", "--channel", "PRIYA.RAMAN@northwind.example"
    )
    assert status == 0, err
    assert touches_of(book, book.priya) == [("public email", "out", "routine", "")]


def test_log_on_a_private_channel_needs_a_reason(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(capsys, book, "log", "Kwame", "--channel", "signal")
    assert status == 1
    assert out == ""
    assert err == (
        "bchan: not logged: a private channel needs a reason: why not a public one? (--reason)\n"
    )
    assert touches_of(book, book.kwame) == []
    status, _, _ = bchan(
        capsys, book, "log", "Kwame", "--channel", "signal", "--reason", "urgent and cool"
    )
    assert status == 0
    assert touches_of(book, book.kwame) == [("private signal", "out", "routine", "")]


def test_log_lists_the_channels_when_the_kind_is_ambiguous(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(capsys, book, "log", "Priya", "--channel", "email")
    assert status == 3
    assert out == ""
    assert err.splitlines() == [
        "bchan: 'email' matches 2 of Priya Raman's channels; name one of them",
        "Its channels:",
        "  private email  p•••@•••.example  --channel private:email",
        "  public email  priya.raman@northwind.example  --channel public:email",
    ]
    assert touches_of(book, book.priya) == []


def test_log_refuses_a_channel_the_contact_does_not_have(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = bchan(capsys, book, "log", "Priya", "--channel", "whatsapp")
    assert status == 1
    assert err.startswith("bchan: Priya Raman has no active channel matching 'whatsapp'\n")
    assert "--channel private:email" in err


HOT_WARNING = (
    "private signal is hot (ready again on 5 Dec 2026); another use spends more of a back channel"
)


def test_log_refuses_a_hot_channel_without_yes_when_it_cannot_ask(
    book: Book, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # not a terminal: never read
    status, out, err = bchan(
        capsys, book, "log", "Marta", "--channel", "signal", "--reason", "deal at risk"
    )
    assert status == 1
    assert out == ""
    assert err == f"bchan: not logged: {HOT_WARNING}. Pass --yes to log it anyway.\n"
    assert len(touches_of(book, book.marta)) == 1


def test_log_uses_a_hot_channel_with_yes_and_still_warns(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(
        capsys, book, "log", "Marta", "--channel", "signal", "--reason", "deal at risk", "--yes"
    )
    assert status == 0
    assert err == f"bchan: warning: {HOT_WARNING}\n"
    assert out.splitlines()[1].startswith("private signal is now hot until ")
    assert len(touches_of(book, book.marta)) == 2


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "status", "touches"), [("y\n", 0, 2), ("\n", 1, 1)])
def test_log_asks_on_a_terminal_before_using_a_hot_channel(
    book: Book,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    status: int,
    touches: int,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    result, _, err = bchan(
        capsys, book, "log", "Marta", "--channel", "private", "--reason", "deal at risk"
    )
    assert result == status
    assert f"bchan: {HOT_WARNING}.\nLog it anyway? [y/N] " in err
    assert len(touches_of(book, book.marta)) == touches


def test_log_does_not_warn_for_an_incoming_touch_on_a_hot_channel(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = bchan(capsys, book, "log", "Marta", "--channel", "signal", "--in")
    assert status == 0
    assert err == ""


def test_log_is_refused_while_another_bchan_writes(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(book.path):
        status, out, err = bchan(capsys, book, "log", "Kwame", "--channel", "linkedin")
        # Reading needs no lock.
        assert bchan(capsys, book, "find", "Kwame")[0] == 0
    assert status == 2
    assert out == ""
    assert f"process {os.getpid()}" in err
    assert err.count("\n") == 1
