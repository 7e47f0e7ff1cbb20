"""``bchan sync`` between two devices: two clones of one bare repository,
each changing its own copy of the book, synced in turn."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import Store
from bchan_tui.data.storage.book_lines import is_line_form
from bchan_tui.data.storage.journal import journal_path

from .git_devices import (
    MORNING,
    Device,
    add_person,
    contact_named,
    git,
    isolate_git,
    make_devices,
    merge_commits,
    mode_of,
    names_in,
    sync,
)


def counts(path: Path) -> dict[str, int]:
    with Store(path, read_only=True) as store:
        return store.counts()


def test_both_devices_end_with_everything_either_recorded(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = devices
    add_person(a, "Ana Costa", "ana@globex.example", MORNING)
    add_person(b, "Bo Lind", "bo@globex.example", MORNING.add(minutes=5))

    for device in (a, b, a):
        status, out, err = sync(capsys, device)
        assert status == 0, out + err

    for device in (a, b):
        assert names_in(device.book) == {"Marta Lindqvist", "Priya Raman", "Ana Costa", "Bo Lind"}
        found = counts(device.book)
        assert (found["contacts"], found["channels"], found["touches"], found["intel"]) == (
            4,
            3,
            2,
            2,
        )
        status, out, _ = main_check(capsys, device.book)
        assert status == 0, out
        assert merge_commits(device), "the history has the merge"
    assert a.book.read_bytes() == b.book.read_bytes()
    assert a.head() == b.head()


def main_check(capsys: pytest.CaptureFixture[str], book: Path) -> tuple[int, str, str]:
    status = main(["check", "--db", str(book)])
    out, err = capsys.readouterr()
    return status, out, err


def test_each_step_is_printed_and_the_merge_is_reported(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = devices
    add_person(a, "Ana Costa", "ana@globex.example", MORNING)
    add_person(b, "Bo Lind", "bo@globex.example", MORNING)
    assert sync(capsys, a)[0] == 0
    status, out, err = sync(capsys, b)
    assert (status, err) == (0, "")
    steps = [line.split(":", 1)[0] for line in out.splitlines()]
    assert steps == [
        "repository",
        "lock",
        "journal",
        "merge driver",
        "merge driver",
        "commit",
        "pull",
        "check",
        "push",
    ]
    assert "pull: merged origin/" in out
    assert "the book merged record by record: added: 1 channels, 1 contacts, 1 intel" in out


def test_a_field_changed_on_both_devices_keeps_the_newer_value_and_a_conflict(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = devices
    marta = contact_named(a.book, "Marta Lindqvist")
    with pendulum.travel_to(MORNING, freeze=True), Store(a.book) as store:
        store.update_contact(marta, org="Northwind (A)")
    with pendulum.travel_to(MORNING.add(hours=1), freeze=True), Store(b.book) as store:
        store.update_contact(marta, org="Northwind (B)")

    for device in (a, b, a):
        status, out, err = sync(capsys, device)
        assert status == 0, out + err

    for device in (a, b):
        text = device.book.read_text()
        assert "<<<<<<<" not in text and ">>>>>>>" not in text
        with Store(device.book, read_only=True) as store:
            assert store.contact(marta).org == "Northwind (B)"
            [conflict] = store.conflicts()
        assert (conflict.record_id, conflict.field, conflict.value) == (
            marta,
            "org",
            "Northwind (A)",
        )
    assert git(b.folder, "status", "--porcelain", "--untracked-files=no") == ""


def test_a_second_sync_with_nothing_new_changes_nothing(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = devices
    before = (a.head(), a.book.read_bytes(), git(a.folder, "ls-remote", "origin"))
    status, out, err = sync(capsys, a)
    assert (status, err) == (0, "")
    assert "commit: nothing new in the book" in out
    assert "had nothing new" in out
    assert "push: nothing to push" in out
    assert (a.head(), a.book.read_bytes(), git(a.folder, "ls-remote", "origin")) == before


def test_the_journal_is_folded_and_committed_but_never_added(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = devices
    status = main(["log", "marta", "--channel", "email", "--note", "hello", "--db", str(a.book)])
    capsys.readouterr()
    assert status == 0
    assert journal_path(a.book).exists(), "the touch waits in the journal"

    status, out, err = sync(capsys, a)

    assert status == 0, out + err
    assert "journal: folded 1 change(s) into the book" in out
    assert not journal_path(a.book).exists()
    committed = git(a.folder, "show", "HEAD:book.json")
    assert '"note":"hello"' in committed
    tracked = set(git(a.folder, "ls-files").split())
    assert tracked == {"book.json", ".gitattributes", ".gitignore"}
    # The lock and the day's backup are beside the book, and ignored.
    assert git(a.folder, "status", "--porcelain") == ""


def test_a_book_in_tinydbs_single_line_is_rewritten_one_document_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path)
    a, _ = make_devices(tmp_path, capsys)
    # JSON strings hold no raw line break: taking them out leaves the same book.
    single_line = a.book.read_bytes().replace(b"\n", b"")
    a.book.write_bytes(single_line)
    assert not is_line_form(single_line)

    status, out, err = sync(capsys, a)

    assert status == 0, out + err
    assert is_line_form(a.book.read_bytes())
    assert is_line_form(git(a.folder, "show", "HEAD:book.json").encode())


def test_the_book_is_private_after_git_wrote_it(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = devices
    # git checked the clone out with the umask's mode.
    b.book.chmod(0o644)
    add_person(a, "Ana Costa", "ana@globex.example", MORNING)
    assert sync(capsys, a)[0] == 0
    status, out, err = sync(capsys, b)
    assert status == 0, out + err
    assert "fast-forward" in out
    assert mode_of(b.book) == 0o600
