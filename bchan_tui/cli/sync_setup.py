"""Setting a repository up for ``bchan sync``: the merge driver for the
book, and the book's own files kept out of git.

Each setting is checked the way git reads it (``git check-attr``, ``git
check-ignore``, ``git config``), so a line the user already wrote, in any
form, is never added a second time, and a line added is one git obeys.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from bchan_tui.data import BchanError

from .git_steps import Repository

ATTRIBUTES = ".gitattributes"
IGNORES = ".gitignore"
DRIVER = "bchan"
DRIVER_NAME = "bchan: merge the book record by record"
DRIVER_ARGUMENTS = "merge --git %O %A %B"


class SetupProblem(BchanError):
    """The repository cannot be set up for syncing the book; the message says why."""


def merge_attribute(repo: Repository, book: str) -> str:
    """Give ``book`` (relative to the top) the attribute ``merge=bchan`` in
    the top .gitattributes, unless git already gives it; say which."""
    if repo.attribute(book, "merge") == DRIVER:
        return f"{ATTRIBUTES} gives {book} merge={DRIVER}"
    _append_line(repo.top / ATTRIBUTES, f"{literal_pattern(book)} merge={DRIVER}")
    if repo.attribute(book, "merge") != DRIVER:
        raise SetupProblem(
            f"the line added to {ATTRIBUTES} does not give {book} merge={DRIVER}: "
            "another line overrides it; fix it by hand (see README.md, Two devices)"
        )
    return f"{ATTRIBUTES} gives {book} merge={DRIVER} (line added)"


def ignored_files(repo: Repository, book: str) -> list[str]:
    """Keep the book's journal, lock, backups and temporary files out of
    git, in the top .gitignore: they belong to one device, and a backup
    holds the book as it was. Returns the patterns added."""
    folder, _, name = book.rpartition("/")
    inside = f"{folder}/" if folder else ""
    own = literal_pattern(book)
    temporary = literal_pattern(f"{inside}.{name}")
    # The pattern for each kind of file, with a name of that kind to check.
    wanted = [
        (f"{own}.journal", f"{book}.journal"),
        (f"{own}.journal.*.stale", f"{book}.journal.20260101T000000000.stale"),
        (f"{own}.lock", f"{book}.lock"),
        (f"{own}.*.bak", f"{book}.20260101T000000000.bak"),
        (f"{temporary}.*.tmp", f"{inside}.{name}.a1b2c3.tmp"),
        # git's merge driver works on temporary copies at the top.
        (".merge_file_*", ".merge_file_a1b2c3"),
    ]
    added = []
    for pattern, example in wanted:
        if not repo.ignored(example):
            _append_line(repo.top / IGNORES, pattern)
            added.append(pattern)
    return added


def merge_driver(repo: Repository) -> str:
    """Define the ``bchan`` merge driver in the repository's config, unless
    a config already does (a driver the user chose is left alone)."""
    found = repo.setting(f"merge.{DRIVER}.driver")
    if found is not None:
        scope, command = found
        return f"merge.{DRIVER}.driver is {command} ({scope} config)"
    command = driver_command()
    repo.set_setting(f"merge.{DRIVER}.name", DRIVER_NAME)
    repo.set_setting(f"merge.{DRIVER}.driver", command)
    return f"merge.{DRIVER}.driver is {command} (set in the local config)"


def driver_command() -> str:
    """The driver as this Python runs bchan, so that git finds it whether
    or not ``bchan`` is on the PATH of the shell git starts."""
    probe = subprocess.run(
        [sys.executable, "-m", "bchan_tui", "merge", "--help"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        raise SetupProblem(
            f"{sys.executable} -m bchan_tui does not run bchan; set the driver by hand: "
            f'git config merge.{DRIVER}.driver "bchan {DRIVER_ARGUMENTS}"'
        )
    return f"{shlex.quote(sys.executable)} -m bchan_tui {DRIVER_ARGUMENTS}"


def literal_pattern(path: str) -> str:
    """A .gitattributes or .gitignore pattern matching ``path`` alone:
    wildcards and backslashes escaped, white space (which would end the
    pattern) as a class, and a leading "#" or "!" kept from meaning a
    comment or a negation."""
    escaped = re.sub(r"([\\*?\[])", r"\\\1", path)
    escaped = re.sub(r"[ \t\n\r\f\v]", "[[:space:]]", escaped)
    return f"\\{escaped}" if escaped.startswith(("#", "!", '"')) else escaped


def _append_line(file: Path, line: str) -> None:
    try:
        before = file.read_bytes() if file.exists() else b""
        separator = b"" if not before or before.endswith(b"\n") else b"\n"
        with file.open("ab") as out:
            out.write(separator + line.encode() + b"\n")
    except OSError as error:
        raise SetupProblem(f"could not write {file}: {error.strerror or error}") from None
