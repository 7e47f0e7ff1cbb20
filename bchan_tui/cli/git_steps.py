"""Running git for ``bchan sync``: one subprocess a step, never a shell.

git runs with no stdin and no terminal prompt (CI and a synced laptop have
no one to answer), without opening an editor for a merge message, and with
path names taken literally ("team[1].json" names that file, not a pattern).
Its output is captured, so a step reports in one line and shows git's own
words only when it failed.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bchan_tui.data import BchanError

_ENVIRONMENT = {
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_MERGE_AUTOEDIT": "no",
    "GIT_LITERAL_PATHSPECS": "1",
}


class GitMissingError(BchanError):
    """git is not installed, or not on PATH."""


class GitFailedError(BchanError):
    """A git step failed; the message ends with what git said."""


@dataclass(frozen=True)
class GitOutcome:
    status: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.status == 0

    def said(self) -> list[str]:
        """What git printed, both streams, without blank lines."""
        return [line for line in (self.stdout + self.stderr).splitlines() if line.strip()]


def run_git(folder: Path, arguments: Sequence[str], *, literal: bool = True) -> GitOutcome:
    """``git -C folder ARGUMENTS``; raises ``GitMissingError`` without git.
    ``literal=False`` for the commands that refuse literal path names
    (``check-ignore`` takes a path, never a pattern, anyway)."""
    environment = {**os.environ, **_ENVIRONMENT}
    if not literal:
        del environment["GIT_LITERAL_PATHSPECS"]
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *arguments],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            env=environment,
            check=False,
        )
    except FileNotFoundError:
        raise GitMissingError("git is not installed (or not on PATH)") from None
    return GitOutcome(done.returncode, done.stdout, done.stderr)


def top_of_repository(folder: Path) -> Path | None:
    """The top folder of the git work tree holding ``folder``, or None."""
    found = run_git(folder, ["rev-parse", "--show-toplevel"])
    if not found.ok or not found.stdout.strip():
        return None
    return Path(os.path.realpath(found.stdout.strip()))


class Repository:
    """The git work tree a book is kept in; every path is relative to its top."""

    def __init__(self, top: Path) -> None:
        self.top = top

    def run(self, *arguments: str, literal: bool = True) -> GitOutcome:
        return run_git(self.top, arguments, literal=literal)

    def must(self, what: str, *arguments: str) -> GitOutcome:
        """Run a step that has to succeed, else ``GitFailedError`` saying ``what`` failed."""
        outcome = self.run(*arguments)
        if not outcome.ok:
            raise GitFailedError(failure(what, outcome))
        return outcome

    # --- questions ---------------------------------------------------------------

    def attribute(self, path: str, name: str) -> str:
        """The value .gitattributes gives ``path`` for ``name`` ("unspecified" when none)."""
        parts = self.must("git check-attr", "check-attr", "-z", name, "--", path).stdout
        fields = parts.split("\0")
        return fields[2] if len(fields) > 2 else "unspecified"

    def ignored(self, path: str) -> bool:
        # check-ignore exits 0 when ignored, 1 when not, 128 on an error.
        outcome = self.run("check-ignore", "-q", "--no-index", "--", path, literal=False)
        if outcome.status not in (0, 1):
            raise GitFailedError(failure("git check-ignore", outcome))
        return outcome.ok

    def setting(self, key: str) -> tuple[str, str] | None:
        """(scope, value) of a git setting, from whichever config sets it, or None."""
        found = self.run("config", "--show-scope", "--get", key)
        if not found.ok:
            return None
        scope, _, value = found.stdout.rstrip("\n").partition("\t")
        return scope, value

    def in_the_middle_of_a_merge(self) -> bool:
        return self.run("rev-parse", "-q", "--verify", "MERGE_HEAD").ok

    def head(self) -> str | None:
        """The commit HEAD names, or None before the first commit."""
        found = self.run("rev-parse", "-q", "--verify", "HEAD^{commit}")
        return found.stdout.strip() if found.ok else None

    def branch(self) -> str | None:
        """The branch checked out, or None on a detached HEAD."""
        found = self.run("symbolic-ref", "-q", "--short", "HEAD")
        return found.stdout.strip() if found.ok else None

    def upstream(self) -> str | None:
        found = self.run("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")
        return found.stdout.strip() if found.ok else None

    def has_remote(self, remote: str) -> bool:
        return self.run("remote", "get-url", remote).ok

    def remote_has_branch(self, remote: str, branch: str) -> bool:
        # ls-remote --exit-code exits 2 when the remote has no such branch.
        found = self.run("ls-remote", "--exit-code", "--heads", remote, f"refs/heads/{branch}")
        if found.status == 2:
            return False
        if not found.ok:
            raise GitFailedError(failure(f"git ls-remote {remote}", found))
        return True

    def staged(self, paths: Sequence[str]) -> bool:
        """Whether the index holds changes to ``paths`` that HEAD lacks."""
        return not self.run("diff", "--cached", "--quiet", "--", *paths).ok

    # --- steps ---------------------------------------------------------------------

    def set_setting(self, key: str, value: str) -> None:
        self.must(f"git config {key}", "config", "--local", key, value)

    def commit(self, message: str, paths: Sequence[str]) -> bool:
        """Commit ``paths`` alone (whatever else is staged stays staged);
        False when they hold nothing new."""
        # --force: the book is synced because it was asked for, even where
        # a broad pattern of the user's (*.json) ignores it.
        self.must("git add", "add", "--force", "--", *paths)
        if not self.staged(paths):
            return False
        self.must("git commit", "commit", "--quiet", "-m", message, "--", *paths)
        return True

    def pull(self, remote: str | None = None, branch: str | None = None) -> GitOutcome:
        where = [remote, branch] if remote is not None and branch is not None else []
        return self.run("pull", "--no-rebase", "--no-edit", *where)

    def push(self, set_upstream_on: str | None = None) -> GitOutcome:
        if set_upstream_on is None:
            return self.run("push")
        return self.run("push", "-u", set_upstream_on, "HEAD")


def failure(what: str, outcome: GitOutcome, shown: int = 6) -> str:
    """``what`` failed, with the last lines git said (the reason is at the end)."""
    said = outcome.said()[-shown:]
    return "; ".join([f"{what} failed (exit {outcome.status})", *said])
