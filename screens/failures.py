"""The one place a failed store call becomes a message for the user.

Store writes run in thread workers started with ``exit_on_error=False``, so a
failure ends the worker, not the app; its screen passes the error here and
the user reads a notification, never a traceback.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from bchan_tui.data import (
    BchanError,
    BrokenDatabaseError,
    DatabaseLockedError,
    NotFoundError,
    ValidationError,
    WriteFailedError,
)


def failure_message(error: BaseException) -> tuple[str, str]:
    """(title, message) for an error, in words a user can act on."""
    if isinstance(error, ValidationError):
        return "Not saved", str(error)
    if isinstance(error, WriteFailedError):
        return "Not saved: the disk refused the write", str(error)
    if isinstance(error, DatabaseLockedError):
        return "The book is locked", str(error)
    if isinstance(error, NotFoundError):
        return "Gone", f"{error} (it may have been changed elsewhere)"
    if isinstance(error, BchanError):
        return "Could not do that", str(error)
    return "Something went wrong", f"{type(error).__name__}: {error}"


def report_failure(app: App[Any], error: BaseException | None) -> None:
    """Tell the user what failed; the details go to the Textual log.

    A book found broken while it is read (a document that does not decode)
    ends the session with the same message and status as at the start.
    """
    if error is None:
        return
    if isinstance(error, BrokenDatabaseError):
        app.exit(return_code=error.exit_status, message=str(error))
        return
    title, message = failure_message(error)
    app.log.error(f"{title}: {error!r}")
    app.notify(message, title=title, severity="error", timeout=8, markup=False)
