"""The data layer's exceptions: each carries a message a person can read."""

from __future__ import annotations


class BchanError(Exception):
    """Base class for every error the data layer raises on purpose."""


class ValidationError(BchanError, ValueError):
    """Input that breaks a domain rule; the message says which and why."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(BchanError, LookupError):
    """A contact, channel, touch, intel item or account id that does not exist."""


class DatabaseError(BchanError):
    """The database file cannot be used as it is; the file was left untouched."""

    exit_status = 2


class BrokenDatabaseError(DatabaseError):
    """The file does not parse, or does not match the schema."""


class DatabaseLockedError(DatabaseError):
    """Another bchan process holds the session lock on this database."""

    def __init__(self, message: str, *, holder_pid: int | None) -> None:
        super().__init__(message)
        self.holder_pid = holder_pid


class WriteFailedError(DatabaseError):
    """A write did not reach the disk; the file and the in-memory state are as before."""
