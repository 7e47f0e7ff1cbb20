"""The pull and the push of ``bchan sync``.

A pull either brings a book that opens, or leaves the book as it was: a
merge git could not settle (the other side's book does not open, so the
merge driver refused it) is undone with ``git merge --abort``, and a pull
that brought a broken book without a merge (a fast-forward) is undone with
``git reset --keep``. Either way nothing is pushed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .git_steps import GitFailedError, GitOutcome, Repository, failure
from .shell import emit

# What the merge driver (``bchan merge --git``) prints, through git.
_DRIVER_SAYS = "bchan: merged the book: "


@dataclass(frozen=True)
class PushTarget:
    """Where the push goes: the upstream, or a remote to make the upstream."""

    upstream: str | None
    remote: str


def step(line: str) -> None:
    """One step of the sync, printed as it happens."""
    emit([line])


def pull(repo: Repository, book: Path, remote: str) -> PushTarget:
    """Pull the upstream (or ``remote``'s branch of the same name), the book
    merged by the merge driver, then check the book still opens."""
    upstream = repo.upstream()
    before = repo.head()
    if upstream is not None:
        outcome = repo.pull()
        source = upstream
    else:
        branch = repo.branch()
        if branch is None:
            raise GitFailedError("HEAD is detached: check out a branch, then sync again")
        if not repo.has_remote(remote):
            raise GitFailedError(
                f"the repository has no remote {remote!r}: add one with "
                f"`git remote add {remote} URL`, or name another with --remote"
            )
        source = f"{remote}/{branch}"
        if not repo.remote_has_branch(remote, branch):
            step(f"pull: {remote} has no branch {branch} yet; nothing to pull")
            return PushTarget(None, remote)
        outcome = repo.pull(remote, branch)
    if not outcome.ok:
        _undo_failed_pull(repo, outcome, source)
    step(f"pull: {_what_the_pull_did(repo, before, outcome, source)}")
    _check_the_book_opens(repo, book, before)
    return PushTarget(upstream, remote)


def push(repo: Repository, target: PushTarget) -> None:
    if target.upstream is None:
        outcome = repo.push(set_upstream_on=target.remote)
        if not outcome.ok:
            raise GitFailedError(failure(f"git push to {target.remote}", outcome))
        step(f"push: {repo.upstream() or target.remote} now has the book (upstream set)")
        return
    ahead = repo.run("rev-list", "--count", f"{target.upstream}..HEAD")
    count = int(ahead.stdout.strip() or 0) if ahead.ok else 1
    if not count:
        step(f"push: nothing to push; {target.upstream} has every commit")
        return
    outcome = repo.push()
    if not outcome.ok:
        raise GitFailedError(
            failure(f"git push to {target.upstream}", outcome)
            + "; if another device pushed meanwhile, sync again"
        )
    step(f"push: {count} commit(s) to {target.upstream}")


def _undo_failed_pull(repo: Repository, outcome: GitOutcome, source: str) -> None:
    """Raise ``GitFailedError`` for a failed pull, after undoing a merge it left half done."""
    if not repo.in_the_middle_of_a_merge():
        raise GitFailedError(failure(f"git pull from {source}", outcome))
    unmerged = repo.run("diff", "--name-only", "--diff-filter=U", "-z").stdout
    files = ", ".join(name for name in unmerged.split("\0") if name) or "some files"
    reasons = [line for line in outcome.stderr.splitlines() if line.startswith("bchan:")]
    repo.must("git merge --abort", "merge", "--abort")
    raise GitFailedError(
        "; ".join(
            [
                f"git pull from {source} could not merge {files}",
                *reasons,
                "the merge was undone: the book is as it was before the pull, and nothing "
                "was pushed. Fix the book on the device that pushed it (bchan check), then "
                "sync again",
            ]
        )
    )


def _what_the_pull_did(
    repo: Repository, before: str | None, outcome: GitOutcome, source: str
) -> str:
    after = repo.head()
    if after == before:
        return f"{source} had nothing new"
    merged = [
        line.removeprefix(_DRIVER_SAYS)
        for line in outcome.stdout.splitlines()
        if line.startswith(_DRIVER_SAYS)
    ]
    if repo.run("merge-base", "--is-ancestor", "HEAD", source).ok:
        return f"took {source}'s commits (fast-forward)"
    book = f"; the book merged record by record: {'; '.join(merged)}" if merged else ""
    return f"merged {source}{book}"


def _check_the_book_opens(repo: Repository, book: Path, before: str | None) -> None:
    """After a pull, the book must open; else go back to the commit before it."""
    problem = book_problem(book)
    if problem is None:
        step("check: the book opens")
        return
    if before is not None:
        repo.must("git reset --keep", "reset", "--keep", before)
    raise GitFailedError(
        f"the pulled book does not open ({problem}); went back to the commit before the "
        "pull, so the book is as it was, and nothing was pushed. Fix the book on the device "
        "that pushed it (bchan check), then sync again"
    )


def book_problem(book: Path) -> str | None:
    """Why the book at ``book`` does not open whole, or None when it does."""
    from bchan_tui.data import DatabaseError, Store

    if not book.is_file():
        return "the pull removed it"
    try:
        with Store(book, read_only=True) as store:
            store.index()
    except DatabaseError as error:
        return str(error)
    return None
