"""`bchan log --at/--outcome`, `bchan reply` and `bchan find --archived`."""

from __future__ import annotations

import pytest

from bchan_tui.data import Outcome, Store

from .helpers import NOW, Book, bchan


def newest(book: Book, contact_id: str) -> tuple[str, str]:
    with Store(book.path, read_only=True) as store:
        touch = store.touches_of(contact_id)[0]
        return touch.at.isoformat(), touch.outcome.value


def test_log_at_a_time_in_the_past_with_an_outcome(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = bchan(
        capsys, book, "log", "Kwame", "--channel", "linkedin",
        "--at", "2026-11-20T09:30:00+00:00", "--outcome", "no_reply",
    )  # fmt: skip
    assert status == 0, err
    assert "(3 days ago)" in out
    assert newest(book, book.kwame) == ("2026-11-20T09:30:00+00:00", "no_reply")


def test_log_at_words(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = bchan(
        capsys, book, "log", "Kwame", "--channel", "linkedin", "--at", "2 days ago"
    )
    assert status == 0, err
    assert newest(book, book.kwame)[0] == NOW.subtract(days=2).isoformat()


@pytest.mark.parametrize("when", ["tomorrow 9:00", "in 2 days", "2027-01-01"])
def test_a_time_in_the_future_is_refused_and_nothing_is_logged(
    book: Book, capsys: pytest.CaptureFixture[str], when: str
) -> None:
    status, _, err = bchan(capsys, book, "log", "Kwame", "--channel", "linkedin", "--at", when)
    assert status == 1
    assert "in the future" in err
    with Store(book.path, read_only=True) as store:
        assert store.touches_of(book.kwame) == []


def test_an_unreadable_time_says_what_it_takes(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = bchan(capsys, book, "log", "Kwame", "--channel", "linkedin", "--at", "soonish")
    assert status == 1
    assert "yesterday 15:00" in err


def test_reply_marks_the_newest_pending_outgoing_touch(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    for when, outcome in (("3 days ago", "pending"), ("yesterday 10:00", "no_reply")):
        assert bchan(
            capsys, book, "log", "Kwame", "--channel", "linkedin", "--at", when,
            "--outcome", outcome,
        )[0] == 0  # fmt: skip
    status, out, err = bchan(capsys, book, "reply", "Kwame")
    assert status == 0, err
    assert out.startswith("Kwame Mensah replied to the touch on public linkedin")
    with Store(book.path, read_only=True) as store:
        outcomes = [t.outcome for t in store.touches_of(book.kwame)]
    # The newer touch had its answer already (none); the older one was waiting.
    assert outcomes == [Outcome.NO_REPLY, Outcome.REPLIED]
    status, _, err = bchan(capsys, book, "reply", "Kwame")
    assert status == 1
    assert "waiting for an answer" in err


def test_find_archived_lists_only_archived_contacts(
    book: Book, capsys: pytest.CaptureFixture[str]
) -> None:
    def listed(*query: str) -> list[str]:
        status, out, _ = bchan(capsys, book, "find", "--archived", *query)
        return [line.split("  ")[1] for line in out.splitlines()] if status == 0 else []

    assert listed() == ["Olga Ivanova"]
    with Store(book.path) as store:
        store.archive_contact(book.kwame)
    assert listed() == ["Kwame Mensah", "Olga Ivanova"]
    assert listed("kwa") == ["Kwame Mensah"]
    assert listed("marta") == []
    status, _, err = bchan(capsys, book, "find", "--archived", "marta")
    assert status == 1
    assert "no archived contact matches 'marta'" in err
    # Not among the active ones.
    assert bchan(capsys, book, "find", "kwame")[0] == 1
