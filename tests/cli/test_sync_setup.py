"""The repository ``bchan sync`` sets up: the merge driver in
.gitattributes and the git config, written once and as git reads them, and
the same driver set up by hand (README.md, Two devices) under a plain
``git pull``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Rung, Store

from .git_devices import Device, add_person, git, isolate_git, make_devices, names_in, sync

MORNING = pendulum.datetime(2026, 12, 7, 9, 0, tz="UTC")
README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
# The lines README.md gives for setting the driver up by hand.
README_ATTRIBUTES = "book.json merge=bchan\n"
README_DRIVER = "bchan merge --git %O %A %B"


def test_the_readme_gives_these_lines() -> None:
    assert f"echo '{README_ATTRIBUTES.strip()}' >> .gitattributes" in README
    assert f'git config merge.bchan.driver "{README_DRIVER}"' in README


@pytest.fixture(autouse=True)
def no_git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch, tmp_path)


def test_the_attribute_and_the_driver_are_written_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = make_devices(tmp_path, capsys)
    assert (a.folder / ".gitattributes").read_text() == "book.json merge=bchan\n"
    assert git(a.folder, "config", "--local", "merge.bchan.name").strip()
    driver = git(a.folder, "config", "--local", "merge.bchan.driver").strip()
    assert driver.endswith(" -m bchan_tui merge --git %O %A %B")
    assert sys.executable in driver
    ignores = (a.folder / ".gitignore").read_text()

    status, out, err = sync(capsys, a)

    assert status == 0, out + err
    assert (a.folder / ".gitattributes").read_text() == "book.json merge=bchan\n"
    assert (a.folder / ".gitignore").read_text() == ignores
    assert "(line added)" not in out and "ignored:" not in out


def test_the_running_python_runs_bchan_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bchan_tui", "merge", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "--git" in done.stdout


def test_lines_the_user_wrote_are_kept_and_not_repeated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    device = Device(tmp_path / "mine")
    git(tmp_path, "init", "--quiet", "--bare", str(tmp_path / "remote.git"))
    git(tmp_path, "clone", "--quiet", str(tmp_path / "remote.git"), str(device.folder))
    (device.folder / ".gitattributes").write_text("*.json merge=bchan")
    (device.folder / ".gitignore").write_text("*.bak\n*.lock\n*.json\n")
    git(device.folder, "config", "merge.bchan.driver", README_DRIVER)
    with Store(device.book) as store:
        store.add_contact("Marta Lindqvist")

    status, out, err = sync(capsys, device)

    assert status == 0, out + err
    assert (device.folder / ".gitattributes").read_text() == "*.json merge=bchan"
    assert git(device.folder, "config", "merge.bchan.driver").strip() == README_DRIVER
    ignores = (device.folder / ".gitignore").read_text().splitlines()
    assert ignores[:3] == ["*.bak", "*.lock", "*.json"]
    assert "book.json" in git(device.folder, "ls-files").split(), "synced though *.json is ignored"
    assert "book.json.lock" not in ignores and "book.json.*.bak" not in ignores
    assert "book.json.journal" in ignores


@pytest.mark.parametrize(
    ("name", "lookalike"),
    [
        ("team books/#1 [draft]*.json", "team books/#1 d-old.json"),
        ("!notes/ book?.json", "!notes/ book2.json"),
    ],
)
def test_a_book_whose_name_git_would_read_as_a_pattern_is_set_up_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, lookalike: str
) -> None:
    top = tmp_path / "repo"
    git(tmp_path, "init", "--quiet", "--bare", str(tmp_path / "remote.git"))
    git(tmp_path, "clone", "--quiet", str(tmp_path / "remote.git"), str(top))
    book = top / name
    with Store(book) as store:
        store.add_contact("Marta Lindqvist")
    # A file the name would match, were it read as a pattern.
    (top / lookalike).write_text("{}")

    status, out, err = sync_book(capsys, book)

    assert status == 0, out + err
    assert merge_attribute(top, name) == "bchan"
    assert merge_attribute(top, lookalike) == "unspecified"
    tracked = git(top, "ls-files", "-z").split("\0")[:-1]
    assert sorted(tracked) == sorted([".gitattributes", ".gitignore", name])
    for own in (f"{name}.lock", f"{name}.journal", f"{name}.20261207T090000000.bak"):
        assert ignored(top, own), own
    assert not ignored(top, f"{lookalike}.lock")


def ignored(top: Path, path: str) -> bool:
    done = subprocess.run(["git", "-C", str(top), "check-ignore", "-q", "--", path], check=False)
    return done.returncode == 0


def merge_attribute(top: Path, path: str) -> str:
    return git(top, "check-attr", "-z", "merge", "--", path).split("\0")[2]


def sync_book(capsys: pytest.CaptureFixture[str], book: Path) -> tuple[int, str, str]:
    from bchan_tui.cli import main

    status = main(["sync", "--db", str(book)])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_plain_git_pull_merges_the_book_with_the_driver_set_up_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The README's lines, with `bchan` found on PATH as an installed one is.
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}:{_path()}")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    a, b = Device(tmp_path / "a"), Device(tmp_path / "b")
    git(tmp_path, "clone", "--quiet", str(remote), str(a.folder))
    with Store(a.book) as store:
        marta = store.add_contact("Marta Lindqvist")
        store.add_channel(marta.id, Rung.PUBLIC, "email", "marta@northwind.example")
    (a.folder / ".gitattributes").write_text(README_ATTRIBUTES)
    git(a.folder, "add", "book.json", ".gitattributes")
    git(a.folder, "commit", "--quiet", "-m", "the book")
    git(a.folder, "push", "--quiet", "origin", "HEAD")
    git(tmp_path, "clone", "--quiet", str(remote), str(b.folder))
    for device in (a, b):
        git(device.folder, "config", "merge.bchan.driver", README_DRIVER)

    add_person(a, "Ana Costa", "ana@globex.example", MORNING)
    add_person(b, "Bo Lind", "bo@globex.example", MORNING)
    for device in (a, b):
        with Store(device.book) as store:
            store.write_whole()
        git(device.folder, "commit", "--quiet", "-am", "a new person")
    git(a.folder, "push", "--quiet")
    git(b.folder, "pull", "--quiet", "--no-rebase", "--no-edit")

    assert names_in(b.book) == {"Marta Lindqvist", "Ana Costa", "Bo Lind"}
    assert "<<<<<<<" not in b.book.read_text()
    assert git(b.folder, "status", "--porcelain", "--untracked-files=no") == ""


def _path() -> str:
    return os.environ.get("PATH", "")
