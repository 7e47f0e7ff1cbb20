"""``bchan sync``: bring the book in a git repository together with the
copy on the remote, the other devices' changes merged record by record.

One line is printed as each step happens. The book's lock is held from
before the first change to after the push, so no session writes to the
book (or its journal) while git reads and replaces it.
"""

from __future__ import annotations

import argparse
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from .common import EXIT_BROKEN, EXIT_OK, add_db_option, db_path, fail, say, set_aside_warning

if TYPE_CHECKING:
    from bchan_tui.data.storage.lock import SessionLock

    from .git_steps import Repository

# A git step failed (a pull that could not merge, a refused push): the book
# is as it was before the step. Setting up or opening the book: EXIT_BROKEN.
EXIT_STEP_FAILED = 1
DEFAULT_REMOTE = "origin"
PRIVATE_MODE = 0o600


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "sync",
        help="commit the book, pull the other devices' changes (merged record by record), push",
        description="For a book kept in a git repository: fold the journal into the book, "
        "set up the merge driver (.gitattributes and git config) and a .gitignore for the "
        "book's own files, commit them, pull with the merge driver, check the book opens, "
        "and push. The book stays locked throughout. Exit 0 when all went well, 1 when a git "
        "step failed (the book is as it was before it), 2 when the book is not in a git "
        "repository, git is missing, the book does not open or another session holds it.",
    )
    parser.add_argument(
        "--remote",
        metavar="NAME",
        default=DEFAULT_REMOTE,
        help="the remote to pull from and push to while the branch has no upstream "
        "(default: origin)",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here, as every command's own modules are: each run of bchan
    # builds the whole parser, and git's plumbing (subprocess) is sync's alone.
    from bchan_tui.data.storage.lock import SessionLock

    from .git_steps import GitFailedError, GitMissingError, Repository, top_of_repository
    from .sync_pull import step
    from .sync_setup import SetupProblem

    # The real path: the lock, the store and git all work on the file itself.
    book = Path(os.path.realpath(db_path(args)))
    if not book.is_file():
        return fail(f"sync: no book at {book}; pass --db", EXIT_BROKEN)
    try:
        top = top_of_repository(book.parent)
    except GitMissingError as error:
        return fail(f"sync: {error}", EXIT_BROKEN)
    if top is None:
        return fail(
            f"sync: {book} is not in a git repository; run `git init` in its folder and "
            "add a remote (see README.md, Two devices)",
            EXIT_BROKEN,
        )
    repo = Repository(top)
    relative = book.relative_to(top).as_posix()
    step(f"repository: {top} (book: {relative})")
    if repo.in_the_middle_of_a_merge():
        return fail(
            "sync: the repository is in the middle of a merge; finish it, or undo it with "
            "`git merge --abort`, then sync again",
            EXIT_BROKEN,
        )
    with SessionLock(book) as lock:
        step(f"lock: {book.name} is held until the sync ends")
        try:
            return _sync(repo, book, relative, lock, args.remote)
        except SetupProblem as problem:
            return fail(f"sync: {problem}", EXIT_BROKEN)
        except GitFailedError as error:
            return fail(f"sync: {error}", EXIT_STEP_FAILED)
        finally:
            # git writes files with the umask's mode; the book is private.
            _make_private(book)


def _sync(repo: Repository, book: Path, relative: str, lock: SessionLock, remote: str) -> int:
    from . import sync_setup
    from .sync_pull import pull, push, step

    # The book first: one that does not open stops the sync before anything
    # in the repository is changed.
    step(f"journal: {_fold_journal(book, lock)}")
    step(f"merge driver: {sync_setup.merge_attribute(repo, relative)}")
    step(f"merge driver: {sync_setup.merge_driver(repo)}")
    added = sync_setup.ignored_files(repo, relative)
    if added:
        step(f"ignored: {', '.join(added)} (added to {sync_setup.IGNORES})")
    paths = [relative, *_setup_files(repo)]
    message = f"bchan sync: {socket.gethostname()}, {_now_utc()}"
    if repo.commit(message, paths):
        step(f"commit: {message}")
    else:
        step("commit: nothing new in the book")
    target = pull(repo, book, remote)
    push(repo, target)
    return EXIT_OK


def _fold_journal(book: Path, lock: SessionLock) -> str:
    """Write the book whole, its journal folded in, under the lock sync
    holds: git commits the file alone, so a change still in the journal
    would be left out, and the journal would not fit the book git brings."""
    from bchan_tui.data import Store

    with Store(book, lock=lock) as store:
        if store.journal_set_aside is not None:
            say(f"bchan: warning: {set_aside_warning(store.journal_set_aside)}")
        folded = store.write_whole()
    if folded:
        return f"folded {folded} change(s) into the book"
    return "nothing to fold: the book file holds every change"


def _setup_files(repo: Repository) -> list[str]:
    """.gitattributes and .gitignore, when they exist (git commits them only
    when they changed): they tell the other devices how to merge the book,
    and what to leave out."""
    from .sync_setup import ATTRIBUTES, IGNORES

    return [name for name in (ATTRIBUTES, IGNORES) if (repo.top / name).is_file()]


def _now_utc() -> str:
    from bchan_tui.data.domain.clock import now

    return now().strftime("%Y-%m-%d %H:%M:%S UTC")


def _make_private(book: Path) -> None:
    try:
        os.chmod(book, PRIVATE_MODE)
    except OSError as error:
        say(f"bchan: warning: could not make {book} private: {error.strerror or error}")
