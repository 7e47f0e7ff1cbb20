"""A journal of another version of the book is set aside and said so: on
stderr by a shell command that writes, as a notification in the dashboard.
A reader leaves it where it is."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Store
from bchan_tui.data.storage.journal import STALE_SUFFIX, journal_path


@pytest.fixture
def stale_journal(db_path: Path, frozen: pendulum.DateTime) -> bytes:
    """A book beside a journal of its previous generation, as a book
    restored from elsewhere would be."""
    store = Store(db_path)
    marta = store.add_contact("Marta Lindqvist")
    store.add_channel(marta.id, "public", "email", "m@example.org")
    store.add_contact("Jonas Weber")
    stale = journal_path(db_path).read_bytes()
    store.close()  # folded: the book is a new generation
    journal_path(db_path).write_bytes(stale)
    return stale


def test_a_reader_leaves_it_where_it_is(
    db_path: Path, stale_journal: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["find", "marta", "--db", str(db_path)]) == 0
    assert journal_path(db_path).read_bytes() == stale_journal
    assert "set aside" not in capsys.readouterr().err


def test_a_shell_command_that_writes_says_where_it_went(
    db_path: Path, stale_journal: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["log", "marta", "--channel", "email", "--yes", "--db", str(db_path)]
    assert main(argv) == 0
    (aside,) = db_path.parent.glob(f"book.json.journal.*{STALE_SUFFIX}")
    assert aside.read_bytes() == stale_journal
    err = capsys.readouterr().err
    assert f"set aside as {aside}; its changes are not in the book" in err


async def test_the_dashboard_says_where_it_went(db_path: Path, stale_journal: bytes) -> None:
    from bchan_tui.app import BchanApp
    from bchan_tui.preferences import Preferences

    app = BchanApp(db_path, preferences=Preferences(None))
    async with app.run_test() as pilot:
        await pilot.pause()
        (aside,) = db_path.parent.glob(f"book.json.journal.*{STALE_SUFFIX}")
        messages = [notification.message for notification in app._notifications]
        assert any(str(aside) in message for message in messages)
