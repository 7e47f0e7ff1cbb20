"""Two devices for the sync tests: two clones of one bare repository in a
temporary folder, each with its own copy of the book, and git as it is on a
machine that has never been set up (no identity, no global config)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Rung, Store

BOOK = "book.json"


# When the devices' changes are made: a fixed morning, so which is newer is known.
MORNING = pendulum.datetime(2026, 12, 7, 9, 0, tz="UTC")


def isolate_git(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """git reads no config but the repository's own, and knows who commits
    without one: the tests pass on a machine with no git identity."""
    empty = folder / "empty.gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Sync Test")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "sync@example.invalid")
    for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(variable, raising=False)


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *arguments],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@dataclass(frozen=True)
class Device:
    folder: Path

    @property
    def book(self) -> Path:
        return self.folder / BOOK

    def head(self) -> str:
        return git(self.folder, "rev-parse", "HEAD").strip()


def sync(capsys: pytest.CaptureFixture[str], device: Device, *extra: str) -> tuple[int, str, str]:
    status = main(["sync", "--db", str(device.book), *extra])
    out, err = capsys.readouterr()
    return status, out, err


def make_devices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Device, Device]:
    """Device A writes a small book and syncs it to an empty bare
    repository; device B clones it."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    git(tmp_path, "clone", "--quiet", str(remote), str(tmp_path / "a"))
    first = Device(tmp_path / "a")
    with Store(first.book) as store:
        marta = store.add_contact("Marta Lindqvist", org="Northwind Logistics")
        store.add_channel(marta.id, Rung.PUBLIC, "email", "marta@northwind.example")
        # A second person, so that logging a touch for Marta reads her part
        # of the book only, and leaves the touch in the journal.
        store.add_contact("Priya Raman", org="Northwind Logistics")
    status, out, err = sync(capsys, first)
    assert status == 0, out + err
    git(tmp_path, "clone", "--quiet", str(remote), str(tmp_path / "b"))
    return first, Device(tmp_path / "b")


def add_person(device: Device, name: str, address: str, at: pendulum.DateTime) -> None:
    """A new contact, a channel, a touch on it and an intel item, as one
    device records them (each change goes to the book's journal)."""
    with pendulum.travel_to(at, freeze=True), Store(device.book) as store:
        person = store.add_contact(name, org="Globex")
        channel = store.add_channel(person.id, Rung.PUBLIC, "email", address)
        touch = store.log_touch(person.id, channel.id, note=f"met {name}")
        store.record_intel(
            person.id, "received", f"{name} says the budget moved", touch_id=touch.id
        )


def names_in(path: Path) -> set[str]:
    with Store(path, read_only=True) as store:
        return {contact.name for contact in store.index().contacts.values()}


def contact_named(path: Path, name: str) -> str:
    with Store(path, read_only=True) as store:
        return next(c.id for c in store.index().contacts.values() if c.name == name)


def merge_commits(device: Device) -> list[str]:
    return git(device.folder, "rev-list", "--merges", "HEAD").split()


def mode_of(path: Path) -> int:
    return os.stat(path).st_mode & 0o777
