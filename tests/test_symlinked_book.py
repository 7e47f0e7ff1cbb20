"""A book reached through a symbolic link (``~/bchan.json -> ~/Sync/bchan.json``)
is the file the link points to: written through the link, which stays a
link, and locked by its real path."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import DatabaseLockedError, Store


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A book in a synced folder, and a link to it in the home folder."""
    synced = tmp_path / "Sync"
    synced.mkdir()
    real = synced / "bchan.json"
    with Store(real) as store:
        store.add_contact("Marta Lindqvist")
    link = tmp_path / "bchan.json"
    link.symlink_to(real)
    return link, real


def test_a_change_through_the_link_reaches_the_book_and_the_link_stays(
    linked: tuple[Path, Path], frozen: pendulum.DateTime
) -> None:
    link, real = linked
    with Store(link) as store:
        store.add_contact("Jonas Weber")
        # A whole rewrite, the kind that replaces the file.
        with store.batch():
            store.add_contact("Priya Raman")
    assert link.is_symlink()
    assert link.resolve() == real
    with Store(real, read_only=True) as book:
        names = sorted(c.name for c in book.contacts())
    assert names == ["Jonas Weber", "Marta Lindqvist", "Priya Raman"]


def test_the_journal_and_lock_sit_beside_the_real_book(
    linked: tuple[Path, Path], frozen: pendulum.DateTime
) -> None:
    link, real = linked
    with Store(link) as store:
        contact = store.add_contact("Jonas Weber")
        email = store.add_channel(contact.id, "public", "email", "j@example.org")
        store.log_touch(contact.id, email.id)
        assert (real.parent / "bchan.json.lock").exists()
        assert not (link.parent / "bchan.json.lock").exists()


@pytest.mark.parametrize("first", ["link", "real"])
def test_a_writer_on_one_name_is_stopped_by_a_session_on_the_other(
    linked: tuple[Path, Path], frozen: pendulum.DateTime, first: str
) -> None:
    link, real = linked
    opened, other = (link, real) if first == "link" else (real, link)
    with Store(opened), pytest.raises(DatabaseLockedError):
        Store(other)
