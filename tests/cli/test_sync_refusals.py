"""When ``bchan sync`` stops: the book open elsewhere, no repository, no
git, a broken book from the other device, a refused push. Each time the
book is left as it was, valid, and the message says what happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from bchan_tui.data import Store

from .git_devices import MORNING, Device, add_person, git, isolate_git, sync

BROKEN = '{"_meta": {"1": {"schema_version": 1}}, "contacts": {'


def push_a_broken_book(device: Device) -> None:
    """The other device commits a book that does not open, with git alone."""
    device.book.write_text(BROKEN)
    git(device.folder, "commit", "--quiet", "-am", "a broken book")
    git(device.folder, "push", "--quiet")


def opens(book: Path) -> bool:
    with Store(book, read_only=True) as store:
        return bool(store.index().contacts)


def test_sync_refuses_while_another_session_holds_the_book(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = devices
    add_person(a, "Ana Costa", "ana@globex.example", MORNING)
    head = a.head()
    with Store(a.book):
        status, _, err = sync(capsys, a)
    assert status == 2
    assert "already open for writing by bchan" in err
    assert a.head() == head, "nothing was committed"


def test_sync_outside_a_repository_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path)
    # A folder of its own: git must not find the repository the tests run in.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    device = Device(tmp_path / "loose")
    with Store(device.book) as store:
        store.add_contact("Marta Lindqvist")

    status, _, err = sync(capsys, device)

    assert status == 2
    assert "is not in a git repository" in err
    assert "git init" in err
    assert not (device.folder / ".gitattributes").exists()


def test_a_book_that_does_not_open_stops_the_sync_before_any_change(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = devices
    (a.folder / ".gitattributes").unlink()
    a.book.write_text(BROKEN)
    status, out, err = sync(capsys, a)
    assert status == 2
    assert "not valid JSON" in err
    assert "merge driver" not in out
    assert not (a.folder / ".gitattributes").exists()
    assert a.book.read_text() == BROKEN


def test_sync_without_git_says_so(
    devices: tuple[Device, Device],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, _ = devices
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    status, _, err = sync(capsys, a)
    assert status == 2
    assert "git is not installed" in err


def test_a_broken_book_merged_from_the_other_side_leaves_ours_as_it_was(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = devices
    push_a_broken_book(b)
    add_person(a, "Ana Costa", "ana@globex.example", MORNING)
    remote_before = git(a.folder, "ls-remote", "origin")

    status, _, err = sync(capsys, a)

    assert status == 1
    assert "could not merge book.json" in err
    assert "the merge was undone" in err
    assert "not valid JSON" in err, "the merge driver's reason is shown"
    committed = git(a.folder, "show", "HEAD:book.json")
    assert a.book.read_text() == committed
    assert opens(a.book)
    assert git(a.folder, "status", "--porcelain") == ""
    assert git(a.folder, "ls-remote", "origin") == remote_before, "nothing was pushed"


def test_a_broken_book_taken_without_a_merge_is_undone(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = devices
    head, book = a.head(), a.book.read_bytes()
    push_a_broken_book(b)

    status, out, err = sync(capsys, a)

    assert status == 1
    assert "fast-forward" in out
    assert "the pulled book does not open" in err
    assert (a.head(), a.book.read_bytes()) == (head, book)
    assert opens(a.book)


def test_sync_waits_for_a_merge_the_user_has_begun(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = devices
    (a.folder / ".git" / "MERGE_HEAD").write_text(a.head() + "\n")
    status, _, err = sync(capsys, a)
    assert status == 2
    assert "in the middle of a merge" in err


def test_a_refused_push_is_reported_and_the_book_stays(
    devices: tuple[Device, Device], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a, _ = devices
    hook = tmp_path / "remote.git" / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'the remote is closed today' >&2\nexit 1\n")
    hook.chmod(0o755)
    add_person(a, "Ana Costa", "ana@globex.example", MORNING)

    status, _, err = sync(capsys, a)

    assert status == 1
    assert "git push to origin/" in err
    assert "the remote is closed today" in err
    assert "sync again" in err
    assert "Ana Costa" in git(a.folder, "show", "HEAD:book.json"), "committed, to push later"


def test_a_repository_without_the_remote_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path)
    device = Device(tmp_path / "alone")
    git(tmp_path, "init", "--quiet", str(device.folder))
    with Store(device.book) as store:
        store.add_contact("Marta Lindqvist")

    status, out, err = sync(capsys, device)

    assert status == 1
    assert "commit: bchan sync: " in out
    assert "no remote 'origin'" in err
    assert "git remote add origin URL" in err
